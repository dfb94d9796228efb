package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on posix (walk), cache on, threaded completion")
class PosixVfsWalkCachedThreadedTest extends PosixVfsKit {
  PosixVfsWalkCachedThreadedTest() {
    super(true, CompletionMode.THREADED, "walk", false);
  }
}
