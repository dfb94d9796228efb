package org.jvfs.testkit;

import org.junit.jupiter.api.DisplayName;

@DisplayName("VFS on the memory backend, cache on, rejecting completion")
class MemoryVfsCachedRejectingTest extends MemoryVfsKit {
  MemoryVfsCachedRejectingTest() {
    super(true, CompletionMode.REJECTING);
  }
}
