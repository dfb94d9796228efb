package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on posix (openat2), cache on, direct completion, WATCH policy")
class PosixVfsWatchedTest extends PosixVfsKit {
  PosixVfsWatchedTest() {
    super(true, CompletionMode.DIRECT, "openat2", true);
  }
}
