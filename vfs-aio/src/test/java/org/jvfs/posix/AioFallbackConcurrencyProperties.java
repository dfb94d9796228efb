package org.jvfs.posix;

import org.jvfs.spi.Backend;
import org.jvfs.testkit.ConcurrencyPropertiesKit;

/** {@link ConcurrencyPropertiesKit} on the aio backend (fallback forced), watching off. */
class AioFallbackConcurrencyProperties extends ConcurrencyPropertiesKit {
  private final TempBackends backends = new TempBackends("openat2", AioBackends.factory(false));

  @Override
  protected Backend newBackend() throws Exception {
    return backends.open("aio-concurrency");
  }

  @Override
  protected void releaseBackend(Backend backend) {
    backends.release(backend);
  }
}
