package org.jvfs.testkit;

import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;

/** Runs the backend conformance kit on the in-memory backend. */
class MemoryBackendConformanceTest extends BackendConformanceKit {
  @Override
  protected Backend newBackend() {
    return MemoryBackend.create();
  }
}
