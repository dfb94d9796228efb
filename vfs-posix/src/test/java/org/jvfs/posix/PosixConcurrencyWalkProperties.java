package org.jvfs.posix;

import org.jvfs.spi.Backend;
import org.jvfs.testkit.ConcurrencyPropertiesKit;

/**
 * {@link ConcurrencyPropertiesKit} on the posix backend with resolveBeneath=walk, watching off,
 * over a fresh temporary directory per try.
 */
class PosixConcurrencyWalkProperties extends ConcurrencyPropertiesKit {
  private final TempBackends backends = new TempBackends("walk");

  @Override
  protected Backend newBackend() throws Exception {
    return backends.open("posix-concurrency");
  }

  @Override
  protected void releaseBackend(Backend backend) {
    backends.release(backend);
  }
}
