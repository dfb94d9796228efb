package org.jvfs.posix;

import org.jvfs.spi.Backend;
import org.jvfs.testkit.CoherencePropertiesKit;

/**
 * {@link CoherencePropertiesKit} on the posix backend with resolveBeneath=walk, watching off (so
 * the cached Vfs is under the PRIVATE policy), over a fresh temporary directory per chain; 60
 * chains.
 */
class PosixCoherenceWalkProperties extends CoherencePropertiesKit {
  @Override
  protected int tries() {
    return 60;
  }

  private final TempBackends backends = new TempBackends("walk");

  @Override
  protected Backend newBackend() throws Exception {
    return backends.open("posix-coherence");
  }

  @Override
  protected void releaseBackend(Backend backend) {
    backends.release(backend);
  }
}
