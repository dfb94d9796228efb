package org.jvfs.posix;

import org.jvfs.spi.Backend;
import org.jvfs.testkit.ConcurrencyPropertiesKit;

/** {@link ConcurrencyPropertiesKit} on the aio backend (ring on), watching off. */
class AioRingConcurrencyProperties extends ConcurrencyPropertiesKit {
  private final TempBackends backends = new TempBackends("openat2", AioBackends.factory(true));

  @Override
  protected Backend newBackend() throws Exception {
    return backends.open("aio-concurrency");
  }

  @Override
  protected void releaseBackend(Backend backend) {
    backends.release(backend);
  }
}
