package org.jvfs.bench;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Says in a few lower-case words what went wrong with a file operation, for a message of one line:
 * {@code "permission denied"}, {@code "no space left on device"}, ... rather than the JDK's bare
 * path (the message of an {@link AccessDeniedException} is the path alone).
 *
 * <p>Stateless.
 */
public final class Problems {
  private Problems() {}

  /**
   * Returns what went wrong, without the path: the kind of {@link FileSystemException}, else the
   * system's reason (as {@code "no space left on device"}), else the exception's message.
   *
   * @param e what a file operation threw
   */
  public static String reason(Throwable e) {
    String reason = systemReason(e);
    if (reason != null) {
      return reason;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof FileSystemLoopException) {
      return "too many levels of symbolic links";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : lower(m);
  }

  /**
   * Returns the system's reason of a {@link FileSystemException} ({@code getReason()}), or the
   * message of a plain IOException that carries one (a failed write says {@code "No space left on
   * device"}), in lower case; null if there is none.
   */
  private static @Nullable String systemReason(Throwable e) {
    String r = null;
    if (e instanceof FileSystemException f) {
      r = f.getReason();
    } else if (e.getClass() == java.io.IOException.class) {
      r = e.getMessage();
    }
    return r == null || r.isBlank() ? null : lower(r);
  }

  private static String lower(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }

  /** Returns true if the failure is a full disk (ENOSPC) or an exhausted quota (EDQUOT). */
  public static boolean diskFull(Throwable e) {
    String r = reason(e).toLowerCase(Locale.ROOT);
    return r.contains("no space left on device") || r.contains("quota exceeded");
  }
}
