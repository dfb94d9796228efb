package org.jvfs.posix;

import static org.jvfs.posix.ffi.Linux.O_CLOEXEC;
import static org.jvfs.posix.ffi.Linux.O_DIRECTORY;
import static org.jvfs.posix.ffi.Linux.O_NOFOLLOW;
import static org.jvfs.posix.ffi.Linux.O_PATH;

import java.util.Arrays;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;

/**
 * Confined resolution: opens directories and files below the root descriptor so that nothing
 * outside the root can be reached.
 *
 * <p>With {@link ResolveMode#OPENAT2}, every resolution is one {@code openat2} with {@code
 * RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_SYMLINKS}: the kernel refuses {@code ..}
 * above the start, absolute paths, {@code /proc} magic links and (since node paths are physical,
 * the VFS follows links itself) every symbolic link, atomically with respect to concurrent renames.
 * With {@link ResolveMode#WALK} (kernels before 5.6, or forced for tests), a directory path is
 * opened one component at a time with {@code openat(O_PATH | O_DIRECTORY | O_NOFOLLOW)} from the
 * previous component's descriptor: a component swapped for a symbolic link fails with ENOTDIR or
 * ELOOP instead of being followed. Paths given here never hold {@code .} or {@code ..} components
 * (they are built from {@link org.jvfs.spi.Name}s); one that does is refused with EINVAL.
 *
 * <p>Thread-safe and stateless apart from the root descriptor, which it does not own.
 */
final class Resolver {

  /** The resolve flags of every confined openat2. */
  static final long CONFINED =
      Linux.RESOLVE_BENEATH | Linux.RESOLVE_NO_MAGICLINKS | Linux.RESOLVE_NO_SYMLINKS;

  private static final int DIR_FLAGS = O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

  private final PosixNative nat = PosixNative.get();
  private final int rootFd;
  private final ResolveMode mode;
  private final boolean cachedResolution;

  Resolver(int rootFd, ResolveMode mode) {
    this.rootFd = rootFd;
    this.mode = mode;
    this.cachedResolution = mode == ResolveMode.OPENAT2 && takesResolveCached(rootFd);
  }

  /**
   * Tells whether the kernel knows {@code RESOLVE_CACHED} (Linux 5.12): one before it refuses the
   * flag with EINVAL, where it would answer EAGAIN for a path not in its caches.
   */
  private static boolean takesResolveCached(int rootFd) {
    PosixNative nat = PosixNative.get();
    int fd = nat.openat2(rootFd, new byte[] {'.'}, DIR_FLAGS, 0, CONFINED | Linux.RESOLVE_CACHED);
    if (fd >= 0) {
      nat.close(fd);
    }
    return fd >= 0 || fd == -Linux.EAGAIN;
  }

  /**
   * Returns the mode to use: {@code requested}, or for null OPENAT2 where the kernel has it and
   * WALK where it answers ENOSYS.
   *
   * @throws BackendException with ENOSYS if OPENAT2 is requested and the kernel lacks it
   */
  static ResolveMode choose(int rootFd, @org.jspecify.annotations.Nullable ResolveMode requested)
      throws BackendException {
    if (requested == ResolveMode.WALK) {
      return ResolveMode.WALK;
    }
    PosixNative nat = PosixNative.get();
    int fd = nat.openat2(rootFd, new byte[] {'.'}, DIR_FLAGS, 0, CONFINED);
    if (fd >= 0) {
      nat.close(fd);
      return ResolveMode.OPENAT2;
    }
    if (fd == -Linux.ENOSYS && requested == null) {
      return ResolveMode.WALK;
    }
    throw PosixErrors.of(fd);
  }

  ResolveMode mode() {
    return mode;
  }

  /** Returns true if {@link #openPath} can be asked not to block ({@code RESOLVE_CACHED}). */
  boolean cachedResolution() {
    return cachedResolution;
  }

  /**
   * Opens the directory at {@code path} (relative to the root, non-empty) as an O_PATH descriptor.
   *
   * @return a descriptor the caller closes
   * @throws BackendException ENOENT, ENOTDIR (also for a symbolic link), ELOOP, EXDEV, ...
   */
  int openDirectory(byte[] path) throws BackendException {
    if (mode == ResolveMode.OPENAT2) {
      return PosixErrors.check(nat.openat2(rootFd, path, DIR_FLAGS, 0, CONFINED));
    }
    int fd = rootFd;
    int start = 0;
    try {
      while (start <= path.length) {
        int end = start;
        while (end < path.length && path[end] != '/') {
          end++;
        }
        byte[] component = Arrays.copyOfRange(path, start, end);
        if (component.length == 0 || isDot(component)) {
          throw new BackendException(Errno.EINVAL, "not a plain path component");
        }
        int next = PosixErrors.check(nat.openat(fd, component, DIR_FLAGS, 0));
        if (fd != rootFd) {
          nat.close(fd);
        }
        fd = next;
        start = end + 1;
      }
      int result = fd;
      fd = rootFd;
      return result;
    } finally {
      if (fd != rootFd) {
        nat.close(fd);
      }
    }
  }

  private static boolean isDot(byte[] c) {
    return (c.length == 1 && c[0] == '.') || (c.length == 2 && c[0] == '.' && c[1] == '.');
  }

  /**
   * Opens {@code name} in the directory at {@code dir} (relative to the root, empty for the root)
   * with one confined {@code openat2} from the root, never following a symbolic link anywhere on
   * the way (OPENAT2 only).
   *
   * @param cachedOnly add {@code RESOLVE_CACHED}: fail with EAGAIN rather than block
   * @return the descriptor, or -errno
   * @throws IllegalStateException in WALK mode
   */
  int openPath(byte[] dir, byte[] name, int flags, int mode, boolean cachedOnly) {
    if (this.mode != ResolveMode.OPENAT2) {
      throw new IllegalStateException("openPath needs openat2");
    }
    long resolve = cachedOnly ? CONFINED | Linux.RESOLVE_CACHED : CONFINED;
    return nat.openat2(rootFd, dir, name, flags | O_NOFOLLOW | O_CLOEXEC, mode, resolve);
  }

  /**
   * Opens the single name {@code name} in the directory {@code dirFd} with {@code openat}, never
   * following a final symbolic link: a single component opened with O_NOFOLLOW cannot leave {@code
   * dirFd}, no traversal happens. (For the WALK mode; under OPENAT2 {@link #openPath} resolves the
   * whole path in one call.)
   *
   * @return the descriptor, or -errno
   */
  int openName(int dirFd, byte[] name, int flags, int mode) {
    return nat.openat(dirFd, name, flags | O_NOFOLLOW | O_CLOEXEC, mode);
  }
}
