package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on posix (walk), cache off, threaded completion")
class PosixVfsWalkUncachedThreadedTest extends PosixVfsKit {
  PosixVfsWalkUncachedThreadedTest() {
    super(false, CompletionMode.THREADED, "walk", false);
  }
}
