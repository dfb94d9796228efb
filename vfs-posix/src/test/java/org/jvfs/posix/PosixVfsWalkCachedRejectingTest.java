package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on posix (walk), cache on, rejecting completion")
class PosixVfsWalkCachedRejectingTest extends PosixVfsKit {
  PosixVfsWalkCachedRejectingTest() {
    super(true, CompletionMode.REJECTING, "walk", false);
  }
}
