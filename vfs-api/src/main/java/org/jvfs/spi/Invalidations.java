package org.jvfs.spi;

import org.jspecify.annotations.Nullable;

/**
 * Where a backend that watches its store (see {@link Capability#WATCH} and {@link Backend#watch})
 * reports changes made outside the VFS. The VFS drops what it cached about them; the next lookup
 * asks the backend again.
 *
 * <p>Implementations are thread-safe and never block: a backend may call them from its watcher
 * thread at any time, also concurrently with any operation.
 */
public interface Invalidations {

  /**
   * Reports that something changed in directory {@code dir}: the entry {@code name} appeared,
   * disappeared, was renamed or had its attributes changed; or, with a null name, the directory's
   * own attributes changed.
   */
  void changed(Node dir, @Nullable Name name);

  /** Reports that changes were lost (an event queue overflowed): the VFS drops all it cached. */
  void overflow();
}
