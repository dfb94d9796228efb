package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on posix (walk), cache on, direct completion")
class PosixVfsWalkCachedDirectTest extends PosixVfsKit {
  PosixVfsWalkCachedDirectTest() {
    super(true, CompletionMode.DIRECT, "walk", false);
  }
}
