package org.jvfs.testkit;

import org.junit.jupiter.api.DisplayName;

@DisplayName("VFS on the memory backend, cache off, threaded completion")
class MemoryVfsUncachedThreadedTest extends MemoryVfsKit {
  MemoryVfsUncachedThreadedTest() {
    super(false, CompletionMode.THREADED);
  }
}
