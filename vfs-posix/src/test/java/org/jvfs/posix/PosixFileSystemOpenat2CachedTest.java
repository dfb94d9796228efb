package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;

@DisplayName("java.nio kit on jvfs over posix (openat2), cache on")
class PosixFileSystemOpenat2CachedTest extends PosixFileSystemKit {
  PosixFileSystemOpenat2CachedTest() {
    super(true, "openat2");
  }
}
