package org.jvfs.posix;

import java.io.IOException;
import org.jvfs.spi.Backend;

/**
 * Makes the backend a test runs on from posix options: the posix backend here; the aio backend's
 * tests, which run these kits on their backend, pass their own.
 */
@FunctionalInterface
interface BackendFactory {
  /** The posix backend. */
  BackendFactory POSIX = PosixBackend::open;

  /** Opens a backend with {@code options}. */
  Backend open(PosixOptions options) throws IOException;
}
