package org.jvfs.testkit;

import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;

/** {@link CoherencePropertiesKit} on the {@link MemoryBackend}, 100 chains. */
class CoherenceProperties extends CoherencePropertiesKit {
  @Override
  protected Backend newBackend() {
    return MemoryBackend.create();
  }
}
