package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on posix (openat2), cache off, threaded completion")
class PosixVfsOpenat2UncachedThreadedTest extends PosixVfsKit {
  PosixVfsOpenat2UncachedThreadedTest() {
    super(false, CompletionMode.THREADED, "openat2", false);
  }
}
