package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on posix (openat2), cache off, rejecting completion")
class PosixVfsOpenat2UncachedRejectingTest extends PosixVfsKit {
  PosixVfsOpenat2UncachedRejectingTest() {
    super(false, CompletionMode.REJECTING, "openat2", false);
  }
}
