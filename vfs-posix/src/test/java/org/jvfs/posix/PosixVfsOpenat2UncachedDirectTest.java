package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on posix (openat2), cache off, direct completion")
class PosixVfsOpenat2UncachedDirectTest extends PosixVfsKit {
  PosixVfsOpenat2UncachedDirectTest() {
    super(false, CompletionMode.DIRECT, "openat2", false);
  }
}
