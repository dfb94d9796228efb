package org.jvfs.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;

/**
 * The one place where a backend's {@link Errno} becomes the {@code java.nio.file} exception the
 * JDK's own provider throws for the same call ({@code sun.nio.fs.UnixException}'s mapping), with
 * the caller's path, and with the JDK's per-operation overrides.
 */
public final class Errors {
  private Errors() {}

  /** The operations whose errors the JDK maps differently. */
  public enum Op {
    /** Anything without an override. */
    OTHER,
    /** {@code rmdir}: ENOTEMPTY and EEXIST mean DirectoryNotEmptyException. */
    RMDIR,
    /** {@code opendir}: ENOTDIR means NotDirectoryException. */
    OPENDIR,
    /** {@code readlink}: EINVAL means NotLinkException. */
    READLINK
  }

  /**
   * Returns the exception for {@code errno} on {@code file} (and {@code other}, for two-path
   * calls).
   */
  public static IOException of(Errno errno, String file, @Nullable String other, Op op) {
    switch (op) {
      case RMDIR:
        if (errno == Errno.ENOTEMPTY || errno == Errno.EEXIST) {
          return new DirectoryNotEmptyException(file);
        }
        break;
      case OPENDIR:
        if (errno == Errno.ENOTDIR) {
          return new NotDirectoryException(file);
        }
        break;
      case READLINK:
        if (errno == Errno.EINVAL) {
          return new NotLinkException(file, other, null);
        }
        break;
      default:
        break;
    }
    return switch (errno) {
      case EACCES -> new AccessDeniedException(file, other, null);
      case ENOENT -> new NoSuchFileException(file, other, null);
      case EEXIST -> new FileAlreadyExistsException(file, other, null);
      case ELOOP -> new FileSystemLoopException(file);
      default -> new FileSystemException(file, other, errno.reason());
    };
  }

  /** Returns {@link #of} for ordinary operations. */
  public static IOException of(Errno errno, String file) {
    return of(errno, file, null, Op.OTHER);
  }

  /**
   * Translates a failure from a backend stage: a {@link BackendException} becomes its JDK
   * exception; completion wrappers are peeled; anything else passes through.
   */
  public static Throwable translate(Throwable t, String file, @Nullable String other, Op op) {
    Throwable cause = unwrap(t);
    if (cause instanceof BackendException be) {
      return of(be.errno(), file, other, op);
    }
    return cause;
  }

  /** Returns {@link #translate} with no second path and no override. */
  public static Throwable translate(Throwable t, String file) {
    return translate(t, file, null, Op.OTHER);
  }

  /** Peels {@link CompletionException} and {@link ExecutionException} wrappers. */
  public static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /** Returns the errno of a backend failure, or null if it is not one. */
  static @Nullable Errno errnoOf(Throwable t) {
    return unwrap(t) instanceof BackendException be ? be.errno() : null;
  }
}
