package org.jvfs.posix;

import org.junit.jupiter.api.DisplayName;

@DisplayName("A posix mount confines every path to its root (forced O_NOFOLLOW walk)")
class WalkConfinementTest extends ConfinementTest {
  @Override
  String resolve() {
    return "walk";
  }
}
