package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on posix (openat2), cache on, rejecting completion")
class PosixVfsOpenat2CachedRejectingTest extends PosixVfsKit {
  PosixVfsOpenat2CachedRejectingTest() {
    super(true, CompletionMode.REJECTING, "openat2", false);
  }
}
