package org.jvfs.posix;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.BackendException;

/**
 * A capped cache of O_PATH descriptors of hot directories, keyed by their path from the root, so
 * that an operation in a cached directory is one syscall relative to its descriptor instead of a
 * resolution from the root.
 *
 * <p>A cached descriptor is handed out only after the {@link Validator} confirmed that it still
 * names the directory at its path ({@link DirLocation}): a descriptor follows its directory if
 * another process renames it, perhaps out of the root, and must then never be used. One that moved
 * is dropped and the directory opened again, confined, from the root.
 *
 * <p>Entries are {@link FdRef}s: an evicted or invalidated descriptor is closed only after the last
 * operation using it released it, never under a syscall. Entries also expire a fixed time after
 * they were opened, so that descriptors of directories nobody uses are given back. With a capacity
 * of 0 nothing is cached and every lease opens (and its release closes) a descriptor of its own.
 *
 * <p>Thread-safe.
 */
final class DirFdCache {

  /** Opens a directory's descriptor. */
  @FunctionalInterface
  interface Opener {
    int open(byte[] path) throws BackendException;
  }

  /** Tells whether a cached descriptor still names the directory at its path. */
  @FunctionalInterface
  interface Validator {
    boolean isAt(int fd, byte[] path);
  }

  /** Carries a checked failure out of Caffeine's mapping function. */
  private static final class OpenFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OpenFailure(BackendException cause) {
      super(cause);
    }
  }

  private final @Nullable Cache<PathKey, FdRef> cache;
  private final Opener opener;
  private final Validator validator;
  private final FdCounter counter;

  DirFdCache(int capacity, Duration expiry, Opener opener, Validator validator, FdCounter counter) {
    this.opener = opener;
    this.validator = validator;
    this.counter = counter;
    this.cache =
        capacity == 0
            ? null
            : Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterWrite(expiry)
                .executor(Runnable::run)
                .removalListener(
                    (PathKey k, FdRef ref, RemovalCause cause) -> {
                      if (ref != null) {
                        ref.closeOwner();
                      }
                    })
                .build();
  }

  /**
   * Returns a reference to the directory's descriptor, acquired: the caller must {@link
   * FdRef#release()} it.
   */
  FdRef lease(byte[] path) throws BackendException {
    Cache<PathKey, FdRef> c = cache;
    if (c == null) {
      return new FdRef(opener.open(path), counter);
    }
    PathKey key = new PathKey(path);
    while (true) {
      FdRef ref;
      boolean[] fresh = {false};
      try {
        ref =
            c.get(
                key,
                k -> {
                  try {
                    fresh[0] = true;
                    return new FdRef(opener.open(k.path()), counter);
                  } catch (BackendException e) {
                    throw new OpenFailure(e);
                  }
                });
      } catch (OpenFailure f) {
        throw (BackendException) f.getCause();
      }
      if (ref.acquire()) {
        // Even if evicted meanwhile, the reference keeps the descriptor open until released.
        if (fresh[0] || validator.isAt(ref.fd(), path)) {
          return ref;
        }
        // Its directory was moved (perhaps out of the root): never use it, open again.
        ref.release();
      }
      // Closed by an eviction between get and acquire, or moved: drop the entry and open again.
      c.asMap().remove(key, ref);
    }
  }

  /**
   * Returns the cached descriptor, acquired and checked to be still at {@code path}, or null
   * without opening anything.
   */
  @Nullable FdRef leaseIfCached(byte[] path) {
    Cache<PathKey, FdRef> c = cache;
    if (c == null) {
      return null;
    }
    PathKey key = new PathKey(path);
    FdRef ref = c.getIfPresent(key);
    if (ref == null || !ref.acquire()) {
      return null;
    }
    if (validator.isAt(ref.fd(), path)) {
      return ref;
    }
    ref.release();
    c.asMap().remove(key, ref);
    return null;
  }

  /** Drops the descriptors of {@code path} and every directory below it (after a rename, say). */
  void invalidateTree(byte[] path) {
    Cache<PathKey, FdRef> c = cache;
    if (c != null) {
      c.asMap().keySet().removeIf(k -> k.under(path));
    }
  }

  /** Closes every cached descriptor (each as soon as its users released it). */
  void clear() {
    Cache<PathKey, FdRef> c = cache;
    if (c != null) {
      c.invalidateAll();
      c.cleanUp();
    }
  }
}
