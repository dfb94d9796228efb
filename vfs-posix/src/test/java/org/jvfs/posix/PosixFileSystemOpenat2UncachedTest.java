package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;

@DisplayName("java.nio kit on jvfs over posix (openat2), cache off")
class PosixFileSystemOpenat2UncachedTest extends PosixFileSystemKit {
  PosixFileSystemOpenat2UncachedTest() {
    super(false, "openat2");
  }
}
