package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on posix (walk), cache off, direct completion")
class PosixVfsWalkUncachedDirectTest extends PosixVfsKit {
  PosixVfsWalkUncachedDirectTest() {
    super(false, CompletionMode.DIRECT, "walk", false);
  }
}
