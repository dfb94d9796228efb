package org.jvfs.testkit;

import org.junit.jupiter.api.DisplayName;

@DisplayName("VFS on the memory backend, cache off, rejecting completion")
class MemoryVfsUncachedRejectingTest extends MemoryVfsKit {
  MemoryVfsUncachedRejectingTest() {
    super(false, CompletionMode.REJECTING);
  }
}
