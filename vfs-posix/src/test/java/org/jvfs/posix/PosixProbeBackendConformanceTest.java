package org.jvfs.posix;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

/**
 * The kit with the probe on: lookups, plain opens and whole-file reads of small files are first
 * tried on the caller's thread ({@code RESOLVE_CACHED}, {@code preadv2(RWF_NOWAIT)}).
 */
@DisplayName("Backend conformance kit on posix, openat2 with the nonblocking probe")
class PosixProbeBackendConformanceTest extends PosixBackendConformanceTest {
  @Override
  PosixOptions.Builder options(Path root) {
    return PosixOptions.builder(root).resolveBeneath("openat2").probe(true);
  }
}
