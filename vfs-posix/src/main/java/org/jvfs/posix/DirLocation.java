package org.jvfs.posix;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;

/**
 * Tells whether a directory descriptor still names the directory at a given path below the root,
 * from the kernel's own answer: {@code readlink("/proc/self/fd/N")}, the descriptor's current
 * location, compared with the root's current location plus the path.
 *
 * <p>This is what keeps a cached directory descriptor from being used after another process renamed
 * its directory, possibly out of the root: an O_PATH descriptor follows its directory wherever it
 * goes, so the {@link DirFdCache} checks every cached descriptor before handing it out and reopens
 * (confined, from the root) one that moved. What remains is the window every {@code *at} call has,
 * cached or not: between the check (or the confined resolution) and the syscall itself,
 * microseconds instead of the cache's expiry.
 *
 * <p>Without procfs (the root's own location cannot be read) nothing is ever confirmed, so cached
 * descriptors are never reused: correct, and as slow as no cache. A location the kernel reports
 * with a suffix (" (deleted)") or outside the process's root ("(unreachable)") never matches.
 *
 * <p>Thread-safe: the root's location is re-read (and published through a volatile field) only when
 * a check fails, in case the root itself was renamed.
 */
final class DirLocation {
  private final PosixNative nat = PosixNative.get();
  private final int rootFd;
  private volatile byte[] rootPath;

  DirLocation(int rootFd) {
    this.rootFd = rootFd;
    this.rootPath = locate(rootFd);
  }

  /** Returns the current location of {@code fd}, or an empty array if procfs cannot tell. */
  private byte[] locate(int fd) {
    byte[] proc = ("/proc/self/fd/" + fd).getBytes(StandardCharsets.US_ASCII);
    byte[] buf = new byte[Linux.PATH_MAX];
    int n = nat.readlinkat(Linux.AT_FDCWD, proc, buf);
    return n <= 0 ? new byte[0] : Arrays.copyOf(buf, n);
  }

  /**
   * Returns true if the directory descriptor {@code fd} is, right now, the directory at {@code
   * path} (non-empty, relative, no {@code .} or {@code ..}) below the root.
   */
  boolean isAt(int fd, byte[] path) {
    byte[] actual = locate(fd);
    if (actual.length == 0) {
      return false;
    }
    if (matches(actual, rootPath, path)) {
      return true;
    }
    // The root itself may have moved: look again before refusing.
    byte[] root = locate(rootFd);
    if (root.length == 0 || Arrays.equals(root, rootPath)) {
      return false;
    }
    rootPath = root;
    return matches(actual, root, path);
  }

  private static boolean matches(byte[] actual, byte[] root, byte[] path) {
    if (root.length == 0) {
      return false;
    }
    // The root "/" is reported as "/", any other directory without a trailing slash.
    int prefix = root.length == 1 && root[0] == '/' ? 0 : root.length;
    return actual.length == prefix + 1 + path.length
        && Arrays.equals(actual, 0, prefix, root, 0, prefix)
        && actual[prefix] == '/'
        && Arrays.equals(actual, prefix + 1, actual.length, path, 0, path.length);
  }
}
