package org.jvfs.posix;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A capped cache of read-only descriptors of regular files recently read whole, keyed by their path
 * from the root, so that reading a hot file again costs its {@code statx} and {@code pread} but not
 * its {@code open} and {@code close} (the open-file cache of web servers: nginx's {@code
 * open_file_cache}).
 *
 * <p>A cached descriptor keeps reading the file it was opened on. Its users must therefore drop the
 * entry of a path whenever that path may have come to name another file:
 *
 * <ul>
 *   <li>the backend's own changes (remove, rename, permissions) call {@link #invalidateTree};
 *   <li>other processes' changes arrive as inotify events on the watched parent directory, which
 *       also call {@link #invalidateTree}: the cache is only used while a watcher runs, and an
 *       overflow {@link #clear clears} it;
 * </ul>
 *
 * <p>What remains is the window of every cache kept coherent by inotify, the same as the VFS's own
 * dentry cache under {@code WATCH}: between another process's change of a path (a removal, a rename
 * over it) and the watcher thread's handling of its event, a read may return the content of the
 * file that the path named just before, as a read that began a moment earlier would have.
 *
 * <p>Entries are {@link FdRef}s: an expired or invalidated descriptor is closed only after the last
 * read using it released it. Entries expire a fixed time after they were opened, so that the
 * descriptors of files nobody reads are given back; a full cache takes no new descriptor.
 * Thread-safe.
 */
final class OpenFileCache {

  /** A cached descriptor and the size its file had at its last read: the next read's guess. */
  static final class Entry {
    final FdRef ref;
    volatile long size;

    Entry(FdRef ref, long size) {
      this.ref = ref;
      this.size = size;
    }
  }

  private final @Nullable Cache<PathKey, Entry> cache;

  /** How many cached files each directory holds: which directories an invalidation must scan. */
  private final ConcurrentHashMap<PathKey, AtomicInteger> directories = new ConcurrentHashMap<>();

  private final FdCounter counter;

  /**
   * Counts invalidations: a reader that opened a file before one may have opened the file its path
   * no longer names, and must not cache it (see {@link #adopt}).
   */
  private final AtomicLong generation = new AtomicLong();

  /** The most descriptors cached at once. */
  private final int capacity;

  /** Descriptors cached now (adopted and not yet removed). */
  private final AtomicInteger cached = new AtomicInteger();

  /**
   * Makes a cache of at most {@code capacity} descriptors (0: none is ever cached), each closed
   * {@code expiry} after it was opened.
   *
   * <p>Why not Caffeine's size bound: a bounded cache records every read for its eviction order,
   * and draining that record was a fifth of a cached read's time (measured with JFR on the
   * one-at-a-time workload). Here a read is a plain hash lookup: entries expire a fixed time after
   * they were opened (a hot file is simply opened again then), and a full cache takes no new
   * descriptor until entries expire or are invalidated.
   */
  OpenFileCache(int capacity, Duration expiry, FdCounter counter) {
    this.counter = counter;
    this.capacity = capacity;
    this.cache =
        capacity == 0
            ? null
            : Caffeine.newBuilder()
                .expireAfterWrite(expiry)
                .executor(Runnable::run)
                .<PathKey, Entry>removalListener(
                    (k, e, cause) -> {
                      if (e != null) {
                        e.ref.closeOwner();
                        cached.decrementAndGet();
                      }
                      if (k != null) {
                        forgetIn(parentOf(k.path()));
                      }
                    })
                .build();
  }

  /** Returns true if descriptors are cached at all. */
  boolean enabled() {
    return cache != null;
  }

  /**
   * Returns the entry of the file at {@code path} with its descriptor acquired (the caller {@link
   * FdRef#release releases} it), or null.
   */
  @Nullable Entry lease(byte[] path) {
    Cache<PathKey, Entry> c = cache;
    if (c == null) {
      return null;
    }
    Entry e = c.getIfPresent(new PathKey(path));
    return e != null && e.ref.acquire() ? e : null;
  }

  /** Returns the invalidation count, to be read before opening a file to {@link #adopt}. */
  long generation() {
    return generation.get();
  }

  /**
   * Takes over {@code fd}, just opened on the file at {@code path}: returns it as an acquired
   * reference, cached if nothing is cached for the path yet and no invalidation happened since
   * {@code generation} was read (before the open); else it is closed once released.
   */
  FdRef adopt(byte[] path, int fd, long size, long generation) {
    FdRef ref = new FdRef(fd, counter);
    ref.acquire();
    Cache<PathKey, Entry> c = cache;
    if (c == null) {
      ref.closeOwner();
      return ref;
    }
    if (!reserve(c)) {
      ref.closeOwner(); // full
      return ref;
    }
    PathKey key = new PathKey(path);
    // Counted in one atomic step with forgetIn's: never into a counter it just dropped.
    directories.compute(
        new PathKey(parentOf(path)),
        (k, n) -> {
          AtomicInteger count = n == null ? new AtomicInteger() : n;
          count.incrementAndGet();
          return count;
        });
    Entry entry = new Entry(ref, size);
    if (c.asMap().putIfAbsent(key, entry) != null) {
      forgetIn(parentOf(path));
      cached.decrementAndGet();
      ref.closeOwner(); // another reader cached its own first
    } else if (this.generation.get() != generation) {
      // An invalidation ran since the open began: the file may be one the path no longer names.
      c.asMap().remove(key, entry);
    }
    return ref;
  }

  /** Takes a place for one more descriptor, after dropping expired ones if full; false if none. */
  private boolean reserve(Cache<PathKey, Entry> c) {
    if (cached.incrementAndGet() <= capacity) {
      return true;
    }
    cached.decrementAndGet();
    c.cleanUp(); // expired entries go now, not at some later maintenance
    if (cached.incrementAndGet() <= capacity) {
      return true;
    }
    cached.decrementAndGet();
    return false;
  }

  /** Drops {@code entry} as the entry of {@code path} (its file is gone), if it still is. */
  void drop(byte[] path, Entry entry) {
    Cache<PathKey, Entry> c = cache;
    if (c != null) {
      c.asMap().remove(new PathKey(path), entry);
    }
  }

  /** Drops the entries of {@code path} and of every file below it. */
  void invalidateTree(byte[] path) {
    Cache<PathKey, Entry> c = cache;
    if (c == null) {
      return;
    }
    generation.incrementAndGet();
    c.invalidate(new PathKey(path));
    // Only a directory that holds cached files, or has such below it, needs a scan.
    for (PathKey dir : directories.keySet()) {
      if (dir.under(path)) {
        c.asMap().keySet().removeIf(k -> k.under(path));
        return;
      }
    }
  }

  /** Returns how many descriptors are cached, after any pending eviction ran. */
  long size() {
    Cache<PathKey, Entry> c = cache;
    if (c == null) {
      return 0;
    }
    c.cleanUp();
    return c.estimatedSize();
  }

  /** Closes every cached descriptor (each as soon as its readers released it). */
  void clear() {
    Cache<PathKey, Entry> c = cache;
    if (c != null) {
      generation.incrementAndGet();
      c.invalidateAll();
      c.cleanUp();
    }
  }

  private void forgetIn(byte[] dir) {
    directories.computeIfPresent(new PathKey(dir), (k, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  private static byte[] parentOf(byte[] path) {
    for (int i = path.length - 1; i >= 0; i--) {
      if (path[i] == '/') {
        return java.util.Arrays.copyOf(path, i);
      }
    }
    return new byte[0];
  }
}
