package org.jvfs.testkit;

import org.junit.jupiter.api.DisplayName;

@DisplayName("VFS on the memory backend, cache on, threaded completion")
class MemoryVfsCachedThreadedTest extends MemoryVfsKit {
  MemoryVfsCachedThreadedTest() {
    super(true, CompletionMode.THREADED);
  }
}
