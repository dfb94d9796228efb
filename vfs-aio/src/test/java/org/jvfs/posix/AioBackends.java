package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Assumptions;
import org.jvfs.aio.backend.AioOptions;
import org.jvfs.aio.backend.UringBackend;
import org.jvfs.aio.ring.UringProbe;
import org.jvfs.spi.Backend;

/**
 * The aio backend for the posix kits, which this package runs on it (they live in the posix
 * module's test jar, in this package, and are package-private): with the ring on, or with the
 * fallback forced for that backend alone ({@link AioOptions#ring()} false; no system property, so
 * other test classes in the same JVM are unaffected).
 */
final class AioBackends {
  private AioBackends() {}

  /**
   * Returns a factory of aio backends; with {@code ring}, each backend made is checked to use the
   * ring (a kit on the ring where io_uring is unavailable here is skipped, with the probe's reason,
   * and never passes silently on the fallback).
   */
  static BackendFactory factory(boolean ring) {
    return options -> open(options, ring);
  }

  static UringBackend open(PosixOptions options, boolean ring) throws IOException {
    if (ring) {
      UringProbe probe = UringProbe.get();
      Assumptions.assumeTrue(
          probe.isAvailable(), () -> "io_uring is unavailable here: " + probe.verdict());
    }
    UringBackend b = UringBackend.open(new AioOptions(options, ring));
    boolean openat2 = b.resolveMode() == ResolveMode.OPENAT2;
    if (ring && openat2) {
      assertThat(b.usesRing()).as("the ring is used: %s", b.unavailabilityCause()).isTrue();
    } else {
      assertThat(b.usesRing()).as("the fallback is forced").isFalse();
    }
    return b;
  }

  /** Returns {@code b}'s held descriptors (an aio backend's). */
  static int held(Backend b) {
    return ((UringBackend) b).heldDescriptors();
  }
}
