package org.jvfs.posix;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Backend conformance kit on posix, forced O_NOFOLLOW walk")
class PosixWalkBackendConformanceTest extends PosixBackendConformanceTest {
  @Override
  PosixOptions.Builder options(Path root) {
    return PosixOptions.builder(root).resolveBeneath("walk");
  }
}
