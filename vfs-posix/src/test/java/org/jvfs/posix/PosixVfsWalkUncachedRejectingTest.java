package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on posix (walk), cache off, rejecting completion")
class PosixVfsWalkUncachedRejectingTest extends PosixVfsKit {
  PosixVfsWalkUncachedRejectingTest() {
    super(false, CompletionMode.REJECTING, "walk", false);
  }
}
