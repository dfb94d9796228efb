package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Nothing moved out of the root is reached through a posix backend (forced walk)")
class WalkMovedOutOfRootTest extends MovedOutOfRootTest {
  @Override
  String resolve() {
    return "walk";
  }
}
