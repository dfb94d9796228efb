package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;

@DisplayName("java.nio kit on jvfs over posix (walk), cache on")
class PosixFileSystemWalkCachedTest extends PosixFileSystemKit {
  PosixFileSystemWalkCachedTest() {
    super(true, "walk");
  }
}
