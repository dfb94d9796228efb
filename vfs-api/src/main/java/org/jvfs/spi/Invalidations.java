package org.jvfs.spi;

import org.jspecify.annotations.Nullable;

/**
 * Where a backend that watches its store (see {@link Capability#WATCH} and {@link Backend#watch})
 * reports changes made outside the VFS. The VFS drops what it cached about them; the next lookup
 * asks the backend again.
 *
 * <p>A backend that watches directory by directory (inotify does) watches a directory before it
 * answers a call that looks into it (a lookup, a listing, a create), so that no change after that
 * call goes unreported; and where it stops watching a directory, or cannot watch it at all, it
 * reports {@link #unwatched}, so that nothing stays cached where no report would come.
 *
 * <p>Implementations are thread-safe and never block: a backend may call them from any of its
 * threads (its watcher thread, an IO thread) at any time, also concurrently with any operation.
 */
public interface Invalidations {

  /**
   * Reports that something changed in directory {@code dir}: the entry {@code name} appeared,
   * disappeared, was renamed or had its attributes changed; or, with a null name, the directory's
   * own attributes changed.
   */
  void changed(Node dir, @Nullable Name name);

  /**
   * Reports that changes in directory {@code dir} are no longer reported (its watch was given up),
   * never will be (it cannot be watched), or may have gone unnamed (an event named an entry the
   * backend cannot map to a {@link Name}). The VFS forgets the directory's own dentries, wherever
   * they are cached, and with them everything it cached in and below the directory, and the
   * directory's attributes; nothing else. Reported before a call that looks into the directory
   * completes, it also keeps that call's answers out of the cache: a backend reports this for every
   * call that looks into a directory it cannot watch, so that nothing in it is cached beyond that
   * call.
   *
   * <p>The default reports an {@link #overflow()}, which drops more than needed but is never wrong.
   */
  default void unwatched(Node dir) {
    overflow();
  }

  /** Reports that changes were lost (an event queue overflowed): the VFS drops all it cached. */
  void overflow();
}
