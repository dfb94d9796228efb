package org.jvfs.testkit;

import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;

/** The VFS conformance kit on the in-memory backend; one subclass per matrix cell. */
abstract class MemoryVfsKit extends VfsConformanceKit {
  private final boolean caching;
  private final CompletionMode mode;

  MemoryVfsKit(boolean caching, CompletionMode mode) {
    this.caching = caching;
    this.mode = mode;
  }

  @Override
  protected Backend newBackend() {
    return MemoryBackend.create();
  }

  @Override
  protected boolean caching() {
    return caching;
  }

  @Override
  protected CompletionMode completionMode() {
    return mode;
  }
}
