package org.jvfs.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Invalidations;
import org.jvfs.spi.Name;

/**
 * Watches the directories the backend looked into with inotify and reports their changes to the
 * VFS's {@link Invalidations} sink, from a thread of its own.
 *
 * <h2>Implementation notes</h2>
 *
 * <ul>
 *   <li>A directory is watched before the lookup or listing that makes the VFS cache something in
 *       it, so that no change after the syscall can go unreported.
 *   <li>{@code inotify_add_watch} takes a path and resolves it without confinement, so it is given
 *       {@code /proc/self/fd/N} of the backend's own confined O_PATH descriptor of the directory.
 *   <li>The watcher thread polls the inotify descriptor with a timeout (100 ms) so that {@link
 *       #close()} can stop it without closing a descriptor under a blocked read.
 *   <li>At the cap ({@code maxWatches}), or when the kernel refuses a watch ({@code
 *       max_user_watches}: ENOSPC), the directory watched longest (never the root) is given up: its
 *       watch is removed and the change of its name in its parent is reported, so that the VFS
 *       drops its dentry and with it everything cached below it; nothing stays cached where no
 *       event would come. Only where that cannot be done (its parent is not watched, or a watch
 *       still cannot be added) is an overflow reported: the VFS drops the mount's cache.
 *   <li>{@code IN_Q_OVERFLOW} reports an overflow.
 *   <li>Records are {@code struct inotify_event { int wd; u32 mask; u32 cookie; u32 len; char
 *       name[len]; }} ({@code include/uapi/linux/inotify.h}), name NUL-padded.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class InotifyWatcher implements AutoCloseable {
  /** The events that change what the VFS caches about a directory's entries. */
  static final int MASK =
      Linux.IN_CREATE
          | Linux.IN_DELETE
          | Linux.IN_MOVED_FROM
          | Linux.IN_MOVED_TO
          | Linux.IN_ATTRIB
          | Linux.IN_MODIFY
          | Linux.IN_DELETE_SELF
          | Linux.IN_MOVE_SELF
          | Linux.IN_ONLYDIR;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final PosixNative nat = PosixNative.get();
  private final int fd;
  private final Invalidations sink;
  private final int maxWatches;
  private final ConcurrentHashMap<Integer, PosixNode> byWd = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<PosixNode, Integer> watched = new ConcurrentHashMap<>();

  /** The watched directories by path, to find an evicted directory's parent. */
  private final ConcurrentHashMap<PathKey, PosixNode> byPath = new ConcurrentHashMap<>();

  /** The watched directories, oldest first (may hold ones no longer watched: skipped). */
  private final java.util.ArrayDeque<PosixNode> order = new java.util.ArrayDeque<>();

  private final Thread thread;
  private volatile boolean closed;

  InotifyWatcher(Invalidations sink, int maxWatches) throws BackendException {
    this.sink = sink;
    this.maxWatches = maxWatches;
    this.fd = PosixErrors.check(nat.inotifyInit1(Linux.IN_NONBLOCK | Linux.IN_CLOEXEC));
    this.thread = new Thread(this::run, "jvfs-posix-inotify-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
  }

  /** Returns how many directories are watched. */
  int watchCount() {
    return watched.size();
  }

  /** Returns true if {@code dir} is watched (or the watcher is closed: nothing to add then). */
  boolean isWatched(PosixNode dir) {
    return closed || watched.containsKey(dir);
  }

  /**
   * Watches the directory {@code dir}, reached by the O_PATH descriptor {@code dirFd}, unless it is
   * watched already; at the cap, gives up the directory watched longest first.
   */
  void ensureWatched(PosixNode dir, int dirFd) {
    if (closed || watched.containsKey(dir)) {
      return;
    }
    byte[] proc = ("/proc/self/fd/" + dirFd).getBytes(StandardCharsets.US_ASCII);
    synchronized (order) {
      if (watched.containsKey(dir)) {
        return;
      }
      if (watched.size() >= maxWatches && !evictOldest()) {
        sink.overflow();
        return;
      }
      int wd = nat.inotifyAddWatch(fd, proc, MASK);
      if (wd == -Linux.ENOSPC && evictOldest()) {
        wd = nat.inotifyAddWatch(fd, proc, MASK);
      }
      if (wd < 0) {
        sink.overflow();
        return;
      }
      byWd.put(wd, dir);
      watched.put(dir, wd);
      byPath.put(new PathKey(dir.path), dir);
      order.addLast(dir);
    }
  }

  /**
   * Gives up the watch of the directory watched longest (never the root), reporting its name as
   * changed in its parent so that the VFS drops what it cached below it. Returns false if there is
   * none to give up or its parent is not watched (its dentry could not be named). Holds {@code
   * order}'s lock.
   */
  private boolean evictOldest() {
    for (int tries = order.size(); tries > 0; tries--) {
      PosixNode victim = order.pollFirst();
      if (victim == null) {
        return false;
      }
      Integer wd = watched.get(victim);
      if (wd == null) {
        continue; // already gone (IN_IGNORED)
      }
      if (victim.isRoot()) {
        order.addLast(victim);
        continue;
      }
      PosixNode parent = byPath.get(new PathKey(victim.parentPath()));
      if (parent == null) {
        order.addLast(victim);
        return false;
      }
      watched.remove(victim, wd);
      byWd.remove(wd, victim);
      byPath.remove(new PathKey(victim.path), victim);
      nat.inotifyRmWatch(fd, wd);
      Name name = name(new String(victim.name(), StandardCharsets.UTF_8));
      if (name == null) {
        return false;
      }
      sink.changed(parent, name);
      return true;
    }
    return false;
  }

  private void run() {
    byte[] buf = new byte[64 * 1024];
    while (!closed) {
      int ready = nat.pollIn(fd, 100);
      if (ready <= 0) {
        continue;
      }
      int n = nat.read(fd, buf);
      if (n <= 0) {
        continue;
      }
      try {
        dispatch(buf, n);
      } catch (RuntimeException e) {
        // A sink failure must not stop the watcher; losing events is an overflow.
        sink.overflow();
      }
    }
    // Closed here, by the only thread that polls and reads it: never under a blocked poll.
    nat.close(fd);
  }

  private void dispatch(byte[] buf, int length) {
    ByteBuffer b = ByteBuffer.wrap(buf, 0, length).order(ByteOrder.nativeOrder());
    int off = 0;
    while (off + 16 <= length && !closed) {
      int wd = b.getInt(off);
      int mask = b.getInt(off + 4);
      int len = b.getInt(off + 12);
      int nameEnd = off + 16;
      while (nameEnd < off + 16 + len && buf[nameEnd] != 0) {
        nameEnd++;
      }
      String name = new String(buf, off + 16, nameEnd - off - 16, StandardCharsets.UTF_8);
      off += 16 + len;
      if ((mask & Linux.IN_Q_OVERFLOW) != 0) {
        sink.overflow();
        continue;
      }
      PosixNode dir = byWd.get(wd);
      if (dir == null) {
        continue;
      }
      if ((mask & Linux.IN_IGNORED) != 0) {
        byWd.remove(wd);
        watched.remove(dir, wd);
        byPath.remove(new PathKey(dir.path), dir);
        continue;
      }
      sink.changed(dir, name.isEmpty() ? null : name(name));
    }
  }

  private static @Nullable Name name(String s) {
    try {
      return Name.of(s);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /**
   * Stops the watcher without waiting for it: events it reads afterwards are dropped, and the
   * watcher thread closes the inotify descriptor itself within its poll timeout (100 ms), so that
   * the descriptor is never closed under its poll. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
  }

  /** Returns true once the watcher thread has ended and closed the inotify descriptor. */
  boolean isTerminated() {
    return !thread.isAlive();
  }
}
