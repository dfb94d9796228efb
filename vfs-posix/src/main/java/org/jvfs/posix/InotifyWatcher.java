package org.jvfs.posix;

import com.google.common.annotations.VisibleForTesting;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;
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
 *   <li>Directories are known by their identity alone ({@link PosixNode#equals}: device and inode),
 *       never by their path, which another process's rename makes stale at any moment: an event is
 *       reported against the node its watch descriptor was added for, and a directory whose watch
 *       is given up is reported {@link Invalidations#unwatched unwatched} by node, so that the VFS
 *       drops that directory's dentries, wherever it is now and under whatever name (it used to be
 *       reported changed in its parent, found by its path: after a rename, the wrong name, so that
 *       deleted entries stayed cached forever).
 *   <li>{@code inotify_add_watch} takes a path and resolves it without confinement, so it is given
 *       {@code /proc/self/fd/N} of the backend's own confined O_PATH descriptor of the directory.
 *       That descriptor was opened by the node's path, which may name another directory by now: it
 *       is watched only if its {@code statx} shows the node's identity.
 *   <li>At the cap ({@code maxWatches}), or when the kernel refuses a watch ({@code
 *       max_user_watches}: ENOSPC), the directory watched longest (never the root) is given up: its
 *       watch is removed and it is reported unwatched. Nothing else is dropped: its subdirectories
 *       stay watched until their turn (their dentries went with its subtree in the VFS).
 *   <li>A directory that cannot be watched (EACCES for a directory the process may search but not
 *       read; the cap with only the root watched; ENOSPC again; a path naming another directory) is
 *       reported unwatched on every call that looks into it: nothing looked up in it is cached
 *       beyond that call, and nothing else is dropped. The watch is tried again on the next call
 *       (the directory's mode may have changed).
 *   <li>{@code IN_IGNORED} for a watch the watcher did not remove (the directory was deleted, or
 *       the file system mounted on it unmounted: {@code IN_UNMOUNT}) reports the directory
 *       unwatched: no event will come for it any more. One for a watch it removed itself is
 *       ignored: its mappings went when it was removed. Watch descriptors are allocated cyclically
 *       ({@code idr_alloc_cyclic} in {@code fs/notify/inotify/inotify_user.c}), so a removed one is
 *       not handed out again before its {@code IN_IGNORED} is read; should the kernel hand out one
 *       that still maps to another directory, that directory is reported unwatched.
 *   <li>{@code IN_Q_OVERFLOW} reports an overflow: events were lost, the VFS drops the mount.
 *   <li>A name in an event that is not valid UTF-8 cannot be told from the names the VFS cached:
 *       its directory is reported unwatched, so that every entry cached in it is looked up again.
 *   <li>The watcher thread polls the inotify descriptor with a timeout (100 ms) so that {@link
 *       #close()} can stop it without closing a descriptor under a blocked read.
 *   <li>Records are {@code struct inotify_event { int wd; u32 mask; u32 cookie; u32 len; char
 *       name[len]; }} ({@code include/uapi/linux/inotify.h}), name NUL-padded.
 * </ul>
 *
 * <p>Thread-safe: watches are added and given up under one lock; the watcher thread and {@link
 * #isWatched} read the maps without it.
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

  /** {@code inotify_add_watch}; a seam for tests, since EACCES cannot be had as root. */
  @FunctionalInterface
  interface AddWatch {
    /**
     * Adds a watch of {@code dir}, reached by {@code path}, to the inotify instance {@code
     * inotifyFd}.
     *
     * @return the watch descriptor, or -errno
     */
    int add(int inotifyFd, PosixNode dir, byte[] path, int mask);
  }

  /** The kernel's {@code inotify_add_watch}. */
  static final AddWatch KERNEL =
      (inotifyFd, dir, path, mask) -> PosixNative.get().inotifyAddWatch(inotifyFd, path, mask);

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final PosixNative nat = PosixNative.get();
  private final int fd;
  private final Invalidations sink;
  private final int maxWatches;
  private final AddWatch addWatch;

  /** Held to add and give up watches, and for {@link #order}. */
  private final Object lock = new Object();

  /** The watched directories and their watch descriptors; written under {@link #lock}. */
  private final ConcurrentHashMap<PosixNode, Integer> watched = new ConcurrentHashMap<>();

  /** The directory of each watch descriptor; written under {@link #lock}. */
  private final ConcurrentHashMap<Integer, PosixNode> byWd = new ConcurrentHashMap<>();

  /** The watched directories, oldest first; under {@link #lock}. */
  private final LinkedHashSet<PosixNode> order = new LinkedHashSet<>();

  private final Thread thread;
  private volatile boolean closed;

  InotifyWatcher(Invalidations sink, int maxWatches) throws BackendException {
    this(sink, maxWatches, KERNEL);
  }

  InotifyWatcher(Invalidations sink, int maxWatches, AddWatch addWatch) throws BackendException {
    this.sink = sink;
    this.maxWatches = maxWatches;
    this.addWatch = addWatch;
    this.fd = PosixErrors.check(nat.inotifyInit1(Linux.IN_NONBLOCK | Linux.IN_CLOEXEC));
    this.thread = new Thread(this::run, "jvfs-posix-inotify-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
  }

  /** Returns how many directories are watched. Only tests ask. */
  @VisibleForTesting
  int watchCountForTest() {
    return watched.size();
  }

  /** Returns true if {@code dir} is watched (or the watcher is closed: nothing to add then). */
  boolean isWatched(PosixNode dir) {
    return closed || watched.containsKey(dir);
  }

  /**
   * Watches the directory {@code dir}, reached by the O_PATH descriptor {@code dirFd}, unless it is
   * watched already; at the cap, gives up the directory watched longest first. If {@code dir}
   * cannot be watched, reports it unwatched before returning, so that the call about to look into
   * it caches nothing there. Called on an IO thread, before that call; blocks on the lock and on
   * {@code statx}, {@code inotify_add_watch} and {@code inotify_rm_watch}.
   */
  void ensureWatched(PosixNode dir, int dirFd) {
    if (closed || watched.containsKey(dir)) {
      return;
    }
    List<PosixNode> unwatched = new ArrayList<>(2);
    synchronized (lock) {
      if (closed || watched.containsKey(dir)) {
        return;
      }
      if (!add(dir, dirFd, unwatched)) {
        unwatched.add(dir);
      }
    }
    // Outside the lock: the sink drops cache entries. A directory given up and watched again in
    // between is dropped once more than needed, never less.
    for (PosixNode d : unwatched) {
      sink.unwatched(d);
    }
  }

  /**
   * Adds the watch of {@code dir}, giving up others as needed (added to {@code givenUp}); returns
   * false if it cannot be watched. Holds {@link #lock}.
   */
  private boolean add(PosixNode dir, int dirFd, List<PosixNode> givenUp) {
    if (!isDirectory(dirFd, dir)) {
      return false; // its path names another directory now
    }
    if (watched.size() >= maxWatches && !giveUpOldest(givenUp)) {
      return false;
    }
    byte[] proc = ("/proc/self/fd/" + dirFd).getBytes(StandardCharsets.US_ASCII);
    int wd = addWatch.add(fd, dir, proc, MASK);
    if (wd == -Linux.ENOSPC && giveUpOldest(givenUp)) {
      wd = addWatch.add(fd, dir, proc, MASK);
    }
    if (wd < 0) {
      return false;
    }
    PosixNode other = byWd.put(wd, dir);
    if (other != null && !other.equals(dir)) {
      // The kernel says this descriptor is dir's now: whatever mapped to it is not watched.
      watched.remove(other, wd);
      order.remove(other);
      givenUp.add(other);
    }
    watched.put(dir, wd);
    order.add(dir);
    return true;
  }

  /** Returns true if the descriptor {@code dirFd} is of the directory {@code dir}. */
  private boolean isDirectory(int dirFd, PosixNode dir) {
    Statx s = new Statx();
    int r =
        nat.statx(
            dirFd,
            new byte[0],
            Linux.AT_EMPTY_PATH | Linux.AT_STATX_DONT_SYNC,
            Linux.STATX_BASIC_STATS,
            s);
    return r == 0 && s.dev == dir.dev && s.ino == dir.ino;
  }

  /**
   * Gives up the watch of the directory watched longest, never the root's, and adds it to {@code
   * givenUp}. Returns false if there is none but the root's. Holds {@link #lock}.
   */
  private boolean giveUpOldest(List<PosixNode> givenUp) {
    for (Iterator<PosixNode> it = order.iterator(); it.hasNext(); ) {
      PosixNode victim = it.next();
      if (victim.isRoot()) {
        continue;
      }
      it.remove();
      Integer wd = watched.remove(victim);
      if (wd != null) {
        byWd.remove(wd, victim);
        // Its IN_IGNORED, read later, finds no mapping and is skipped. EINVAL if the kernel
        // removed the watch already (the directory was deleted): nothing to do then.
        nat.inotifyRmWatch(fd, wd);
      }
      givenUp.add(victim);
      return true;
    }
    return false;
  }

  /**
   * Forgets the watch {@code wd} of {@code dir} that the kernel removed ({@code IN_IGNORED}), if it
   * is still the one mapped, and reports the directory unwatched.
   */
  private void lost(int wd, PosixNode dir) {
    synchronized (lock) {
      if (!byWd.remove(wd, dir)) {
        return; // given up by the watcher meanwhile, and maybe watched again under another wd
      }
      watched.remove(dir, wd);
      order.remove(dir);
    }
    sink.unwatched(dir);
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
      int nameStart = off + 16;
      off += 16 + len;
      if ((mask & Linux.IN_Q_OVERFLOW) != 0) {
        sink.overflow();
        continue;
      }
      PosixNode dir = byWd.get(wd);
      if (dir == null) {
        continue; // given up: the VFS dropped what it cached in the directory then
      }
      if ((mask & Linux.IN_IGNORED) != 0) {
        lost(wd, dir);
        continue;
      }
      if (nameEnd == nameStart) {
        sink.changed(dir, null);
        continue;
      }
      Name name = name(buf, nameStart, nameEnd - nameStart);
      if (name == null) {
        sink.unwatched(dir); // a name the VFS may know by another string: forget them all
      } else {
        sink.changed(dir, name);
      }
    }
  }

  /** Returns the name in {@code buf}, or null if it is not valid UTF-8 or not a valid name. */
  private static @Nullable Name name(byte[] buf, int off, int len) {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(buf, off, len));
      return Name.of(chars.toString());
    } catch (CharacterCodingException | InvalidPathException e) {
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

  /**
   * Returns true once the watcher thread has ended and closed the inotify descriptor. Only tests
   * ask.
   */
  @VisibleForTesting
  boolean isTerminatedForTest() {
    return !thread.isAlive();
  }
}
