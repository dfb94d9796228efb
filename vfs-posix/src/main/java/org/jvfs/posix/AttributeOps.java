package org.jvfs.posix;

import static org.jvfs.posix.ffi.Linux.AT_EMPTY_PATH;
import static org.jvfs.posix.ffi.Linux.AT_SYMLINK_NOFOLLOW;
import static org.jvfs.posix.ffi.Linux.O_CLOEXEC;
import static org.jvfs.posix.ffi.Linux.O_PATH;

import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.jvfs.posix.Placement.Mode;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.StoreInfo;

/**
 * The posix backend's lookups and attributes: {@code statx} of a name in its directory (or of a
 * descriptor), the lookup's nonblocking form ({@link #lookupFromRoot}), {@code utimensat}, the mode
 * change that never follows a link ({@link #chmod}) and {@code fstatfs}. Every call here runs where
 * {@link Placement} puts it; only {@link #lookupFromRoot} has a nonblocking form.
 *
 * <p>Stateless apart from the root; thread-safe.
 */
final class AttributeOps {
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] DOT = {'.'};

  private final PosixNative nat = PosixNative.get();
  private final PosixRoot root;

  AttributeOps(PosixRoot root) {
    this.root = root;
  }

  /** statx of {@code name} in {@code dirFd}, not following a link: its info, or null if absent. */
  @Nullable NodeInfo stat(int dirFd, PosixNode dir, Name name) throws BackendException {
    Statx s = new Statx();
    int r = nat.statx(dirFd, name.bytes(), AT_SYMLINK_NOFOLLOW, PosixRoot.STATX_MASK, s);
    if (r == -Linux.ENOENT) {
      return null;
    }
    PosixErrors.check(r);
    NodeAttributes a = StatxAttributes.of(s);
    String target = a.isSymbolicLink() ? readLink(dirFd, name.bytes()) : null;
    return new NodeInfo(new PosixNode(s.dev, s.ino, dir.child(name)), a, target);
  }

  /** {@link #stat} of an entry that must exist (just made): ENOENT if it does not. */
  NodeInfo statExisting(int dirFd, PosixNode dir, Name name) throws BackendException {
    NodeInfo info = stat(dirFd, dir, name);
    if (info == null) {
      throw new BackendException(Errno.ENOENT);
    }
    return info;
  }

  /**
   * Reads the symbolic link {@code name} of {@code dirFd} (empty name: {@code dirFd} itself).
   *
   * @throws BackendException EILSEQ if the target is not valid UTF-8: no string names it, and
   *     following one that stood for it would reach another file ({@link DiskNames})
   */
  String readLink(int dirFd, byte[] name) throws BackendException {
    byte[] buf = new byte[Linux.PATH_MAX];
    int n = PosixErrors.check(nat.readlinkat(dirFd, name, buf));
    String target = DiskNames.string(buf, 0, n);
    if (target == null) {
      throw new BackendException(Errno.EILSEQ, "the link's target is not valid UTF-8");
    }
    return target;
  }

  /** The lookup as a task: {@code statx} of the name in its (watched) directory. Blocks. */
  @Nullable NodeInfo lookup(PosixNode d, Name name) throws Exception {
    return root.inWatchedDir(d, fd -> stat(fd, d, name));
  }

  /**
   * The lookup with a nonblocking form: {@code openat2(O_PATH)} of the path from the root, {@code
   * statx} of the new descriptor, and (for a link, in {@link Mode#MAY_BLOCK} only) {@code
   * readlinkat} of it.
   *
   * @return the info, or null if the name is absent
   * @throws Placement.WouldBlock in {@link Mode#NONBLOCKING}: the directory is not watched yet, the
   *     path is not in the kernel's caches, or the name is a symbolic link
   */
  @Nullable NodeInfo lookupFromRoot(PosixNode d, Name name, Mode mode) throws Exception {
    if (mode == Mode.MAY_BLOCK) {
      root.watch(d);
    } else {
      Placement.require(root.isWatched(d));
    }
    int fd = Placement.opened(mode, root.openChild(d, name, O_PATH, 0, Placement.cachedOnly(mode)));
    if (fd == -Linux.ENOENT) {
      return null;
    }
    PosixErrors.check(fd);
    try {
      Statx s = new Statx();
      int flags = AT_EMPTY_PATH | Placement.statxSync(mode);
      PosixErrors.check(nat.statx(fd, EMPTY, flags, PosixRoot.STATX_MASK, s));
      NodeAttributes a = StatxAttributes.of(s);
      String target = null;
      if (a.isSymbolicLink()) {
        Placement.require(mode == Mode.MAY_BLOCK); // an uncached link's target is read from disk
        target = readLink(fd, EMPTY);
      }
      return new NodeInfo(new PosixNode(s.dev, s.ino, d.child(name)), a, target);
    } finally {
      root.closeDescriptor(fd); // even an O_PATH descriptor may hold the last link of a file
    }
  }

  /**
   * The node's attributes in {@code mode}, refused (ENOENT) if its path now names another file. In
   * {@link Mode#NONBLOCKING}, the nonblocking form: one confined {@code openat2} of the node's path
   * from the root with {@code O_PATH} and {@code RESOLVE_CACHED}, then {@code statx} of that
   * descriptor with {@code AT_STATX_DONT_SYNC}, the descriptor handed to the {@link Closer}; it
   * gives up (for the pool) where the path is not in the kernel's caches, for the root, and without
   * {@code RESOLVE_CACHED}.
   */
  NodeAttributes attributes(PosixNode n, Mode mode) throws Exception {
    if (mode == Mode.MAY_BLOCK) {
      return attributes(n);
    }
    Placement.require(!n.isRoot() && root.resolvesCached());
    int fd = Placement.opened(mode, root.openNode(n, O_PATH));
    PosixErrors.check(fd);
    try {
      Statx s = new Statx();
      int flags = AT_EMPTY_PATH | Placement.statxSync(mode);
      PosixErrors.check(nat.statx(fd, EMPTY, flags, PosixRoot.STATX_MASK, s));
      if (s.dev != n.dev || s.ino != n.ino) {
        throw new BackendException(Errno.ENOENT); // as below: another file under the node's path
      }
      return StatxAttributes.of(s);
    } finally {
      root.closeDescriptor(fd); // even an O_PATH descriptor may hold the last link of a file
    }
  }

  /** The node's attributes, refused (ENOENT) if its path now names another file. Blocks. */
  NodeAttributes attributes(PosixNode n) throws Exception {
    Statx s = new Statx();
    if (n.isRoot()) {
      PosixErrors.check(
          nat.statx(root.descriptor(), EMPTY, AT_EMPTY_PATH, PosixRoot.STATX_MASK, s));
      return StatxAttributes.of(s);
    }
    byte[] name = n.name();
    root.inDir(
        n.parentPath(),
        fd -> PosixErrors.check(nat.statx(fd, name, AT_SYMLINK_NOFOLLOW, PosixRoot.STATX_MASK, s)));
    if (s.dev != n.dev || s.ino != n.ino) {
      // The node's path now names another file (the node was moved or removed by someone else):
      // never report that file's attributes as this node's.
      throw new BackendException(Errno.ENOENT);
    }
    return StatxAttributes.of(s);
  }

  /** Sets the times of {@code n} (a null time is left as it is), not following a link. Blocks. */
  void setTimes(PosixNode n, @Nullable FileTime lastModified, @Nullable FileTime lastAccess)
      throws Exception {
    long[] a = timespec(lastAccess);
    long[] m = timespec(lastModified);
    if (n.isRoot()) {
      PosixErrors.check(nat.utimensat(root.descriptor(), DOT, a[0], a[1], m[0], m[1], 0));
      return;
    }
    byte[] name = n.name();
    root.inDir(
        n.parentPath(),
        fd ->
            PosixErrors.check(
                nat.utimensat(fd, name, a[0], a[1], m[0], m[1], AT_SYMLINK_NOFOLLOW)));
  }

  private static long[] timespec(@Nullable FileTime t) {
    if (t == null) {
      return new long[] {0, Linux.UTIME_OMIT};
    }
    Instant i = t.toInstant();
    return new long[] {i.getEpochSecond(), i.getNano()};
  }

  /** Sets the mode bits of {@code n}, not following a link. Blocks. */
  void setMode(PosixNode n, int mode) throws Exception {
    if (n.isRoot()) {
      PosixErrors.check(nat.fchmodat(root.descriptor(), DOT, mode, 0));
      return;
    }
    byte[] name = n.name();
    root.inDir(n.parentPath(), fd -> chmod(fd, name, mode));
  }

  /**
   * Changes the mode of {@code name} in {@code dirFd} without following a link: fchmodat2 with
   * AT_SYMLINK_NOFOLLOW (Linux 6.6), else through {@code /proc/self/fd/N} of an O_PATH descriptor
   * of the name opened with O_NOFOLLOW and checked not to be a link.
   */
  private int chmod(int dirFd, byte[] name, int mode) throws BackendException {
    int r = nat.fchmodat2(dirFd, name, mode, AT_SYMLINK_NOFOLLOW);
    if (r != -Linux.ENOSYS) {
      return PosixErrors.check(r);
    }
    int fd =
        PosixErrors.check(
            root.openRetryingOutOfDescriptors(
                () -> nat.openat(dirFd, name, O_PATH | Linux.O_NOFOLLOW | O_CLOEXEC, 0)));
    try {
      Statx s = new Statx();
      PosixErrors.check(nat.statx(fd, EMPTY, AT_EMPTY_PATH, PosixRoot.STATX_MASK, s));
      if (s.type() == Linux.S_IFLNK) {
        throw new BackendException(Errno.EOPNOTSUPP);
      }
      byte[] proc = ("/proc/self/fd/" + fd).getBytes(StandardCharsets.US_ASCII);
      return PosixErrors.check(nat.fchmodat(Linux.AT_FDCWD, proc, mode, 0));
    } finally {
      nat.close(fd);
    }
  }

  /** The space figures of the root's file system ({@code fstatfs}). Blocks. */
  StoreInfo storeInfo() throws BackendException {
    long[] f = new long[5];
    PosixErrors.check(nat.fstatfs(root.descriptor(), f));
    long unit = f[4] > 0 ? f[4] : f[0];
    long total = f[1] * unit;
    long free = Math.min(f[2] * unit, total);
    long usable = Math.min(f[3] * unit, free);
    return new StoreInfo(total, free, usable);
  }
}
