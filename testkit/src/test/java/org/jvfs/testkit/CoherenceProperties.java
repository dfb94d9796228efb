package org.jvfs.testkit;

import net.jqwik.api.PropertyDefaults;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;

/** {@link CoherencePropertiesKit} on the {@link MemoryBackend}. */
@PropertyDefaults(tries = 100)
class CoherenceProperties extends CoherencePropertiesKit {
  @Override
  protected Backend newBackend() {
    return MemoryBackend.create();
  }
}
