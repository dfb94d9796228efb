package org.jvfs.testkit;

import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;

/** {@link ConcurrencyPropertiesKit} on the {@link MemoryBackend}. */
class ConcurrencyProperties extends ConcurrencyPropertiesKit {
  @Override
  protected Backend newBackend() {
    return MemoryBackend.create();
  }
}
