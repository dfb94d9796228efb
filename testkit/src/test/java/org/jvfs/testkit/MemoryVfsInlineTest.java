package org.jvfs.testkit;

import org.junit.jupiter.api.DisplayName;

/** The memory backend as it is, unwrapped: every stage complete inline. */
@DisplayName("VFS on the unwrapped memory backend, cache on, threaded completion")
class MemoryVfsInlineTest extends MemoryVfsKit {
  MemoryVfsInlineTest() {
    super(true, CompletionMode.THREADED);
  }

  @Override
  protected boolean asyncBackend() {
    return false;
  }
}
