package org.jvfs.posix;

import org.jvfs.spi.Backend;
import org.jvfs.testkit.CoherencePropertiesKit;

/**
 * {@link CoherencePropertiesKit} on the posix backend with resolveBeneath=openat2, watching off (so
 * the cached Vfs is under the PRIVATE policy), over a fresh temporary directory per chain; 60
 * chains.
 */
class PosixCoherenceOpenat2Properties extends CoherencePropertiesKit {
  @Override
  protected int tries() {
    return 60;
  }

  private final TempBackends backends = new TempBackends("openat2");

  @Override
  protected Backend newBackend() throws Exception {
    return backends.open("posix-coherence");
  }

  @Override
  protected void releaseBackend(Backend backend) {
    backends.release(backend);
  }
}
