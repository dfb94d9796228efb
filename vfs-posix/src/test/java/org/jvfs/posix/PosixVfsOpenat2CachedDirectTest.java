package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on posix (openat2), cache on, direct completion")
class PosixVfsOpenat2CachedDirectTest extends PosixVfsKit {
  PosixVfsOpenat2CachedDirectTest() {
    super(true, CompletionMode.DIRECT, "openat2", false);
  }
}
