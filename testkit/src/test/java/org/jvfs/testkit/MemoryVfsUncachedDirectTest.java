package org.jvfs.testkit;

import org.junit.jupiter.api.DisplayName;

@DisplayName("VFS on the memory backend, cache off, direct completion")
class MemoryVfsUncachedDirectTest extends MemoryVfsKit {
  MemoryVfsUncachedDirectTest() {
    super(false, CompletionMode.DIRECT);
  }
}
