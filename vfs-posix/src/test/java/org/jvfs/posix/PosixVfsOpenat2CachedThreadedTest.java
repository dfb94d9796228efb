package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on posix (openat2), cache on, threaded completion")
class PosixVfsOpenat2CachedThreadedTest extends PosixVfsKit {
  PosixVfsOpenat2CachedThreadedTest() {
    super(true, CompletionMode.THREADED, "openat2", false);
  }
}
