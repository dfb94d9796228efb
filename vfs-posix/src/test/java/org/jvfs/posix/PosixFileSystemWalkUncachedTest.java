package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;

@DisplayName("java.nio kit on jvfs over posix (walk), cache off")
class PosixFileSystemWalkUncachedTest extends PosixFileSystemKit {
  PosixFileSystemWalkUncachedTest() {
    super(false, "walk");
  }
}
