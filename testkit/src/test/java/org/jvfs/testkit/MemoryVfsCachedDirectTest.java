package org.jvfs.testkit;

import org.junit.jupiter.api.DisplayName;

@DisplayName("VFS on the memory backend, cache on, direct completion")
class MemoryVfsCachedDirectTest extends MemoryVfsKit {
  MemoryVfsCachedDirectTest() {
    super(true, CompletionMode.DIRECT);
  }
}
