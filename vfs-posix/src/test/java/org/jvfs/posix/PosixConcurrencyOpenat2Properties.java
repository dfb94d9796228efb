package org.jvfs.posix;

import org.jvfs.spi.Backend;
import org.jvfs.testkit.ConcurrencyPropertiesKit;

/**
 * {@link ConcurrencyPropertiesKit} on the posix backend with resolveBeneath=openat2, watching off,
 * over a fresh temporary directory per try.
 */
class PosixConcurrencyOpenat2Properties extends ConcurrencyPropertiesKit {
  private final TempBackends backends = new TempBackends("openat2");

  @Override
  protected Backend newBackend() throws Exception {
    return backends.open("posix-concurrency");
  }

  @Override
  protected void releaseBackend(Backend backend) {
    backends.release(backend);
  }
}
