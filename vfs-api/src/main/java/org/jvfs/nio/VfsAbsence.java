package org.jvfs.nio;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import org.jspecify.annotations.Nullable;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.spi.NodeAttributes;

/**
 * The failure of {@code checkAccess(path)} with no access modes for a path the dentry cache knows
 * to be absent, the question {@code Files.exists} and {@code Files.notExists} ask on JDK 17 (which
 * catch the exception). It is answered from the cache only where the cache tells which exception a
 * stat would give: the name itself is absent (not a link whose target is) in a directory the cache
 * holds (stat again if its attribute snapshot expired), so the stat's answer is ENOENT, a {@link
 * NoSuchFileException} naming the path. That exception carries no stack trace: its construction
 * would cost more than the cached answer. Every other case takes the stat, with its exact
 * exception.
 */
final class VfsAbsence {
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private VfsAbsence() {}

  /**
   * Returns the exception a stat of the absent {@code abs} would give, if the cache tells it, else
   * null.
   *
   * @param vfs the file system's VFS
   * @param abs the path, absolute, whose follow lookup the cache answered ABSENT
   */
  static @Nullable NoSuchFileException cached(Vfs vfs, String abs) {
    int slash = abs.lastIndexOf('/');
    if (slash < 0 || slash == abs.length() - 1) {
      return null;
    }
    String parent = slash == 0 ? "/" : abs.substring(0, slash);
    LookupResult p = vfs.lookupNow(parent);
    NodeAttributes dir = p.attributes();
    if (dir == null && p.status() == LookupResult.Status.MISS) {
      // The parent's attribute snapshot expired (WATCH keeps names, not attributes): stat it
      // again, which keeps it for the next absent names of that directory.
      try {
        dir = VfsIo.join(vfs.stat(parent));
      } catch (IOException e) {
        return null;
      }
    }
    if (dir == null
        || !dir.isDirectory()
        || vfs.lookupNow(abs, NOFOLLOW).status() != LookupResult.Status.ABSENT) {
      return null;
    }
    return new Absent(abs);
  }

  /** A {@link NoSuchFileException} without a stack trace. */
  private static final class Absent extends NoSuchFileException {
    private static final long serialVersionUID = 1L;

    Absent(String file) {
      super(file);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
