package org.jvfs.posix;

import net.jqwik.api.PropertyDefaults;
import org.jvfs.spi.Backend;
import org.jvfs.testkit.CoherencePropertiesKit;

/**
 * {@link CoherencePropertiesKit} on the posix backend with resolveBeneath=openat2, watching off (so
 * the cached Vfs is under the PRIVATE policy), over a fresh temporary directory per chain.
 */
@PropertyDefaults(tries = 60)
class PosixCoherenceOpenat2Properties extends CoherencePropertiesKit {
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
