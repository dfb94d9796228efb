package org.jvfs.posix;

import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;

/**
 * Turns a negative syscall result into the backend's {@link BackendException}. This is the only
 * errno translation of vfs-posix: the VFS core ({@code org.jvfs.core.Errors}) maps the {@link
 * Errno} on to the JDK's exception with its per-operation overrides. Shared with the other native
 * backends (vfs-aio), not an API for applications. Stateless.
 */
public final class PosixErrors {
  private PosixErrors() {}

  /**
   * Returns the exception for a wrapper's {@code -errno} result. An errno the SPI has no constant
   * for becomes {@link Errno#EIO} with the C library's text and the number in the message.
   */
  public static BackendException of(int negativeErrno) {
    int code = -negativeErrno;
    Errno e = Errno.of(code);
    if (e != null) {
      return new BackendException(e);
    }
    jnr.constants.platform.Errno known = jnr.constants.platform.Errno.valueOf(code);
    String text = known == null ? "Unknown error" : known.description();
    return new BackendException(Errno.EIO, text + " (errno " + code + ")");
  }

  /** Returns {@code r} if it is not negative, else throws {@link #of}. */
  public static int check(int r) throws BackendException {
    if (r < 0) {
      throw of(r);
    }
    return r;
  }

  /** Returns {@code r} if it is not negative, else throws {@link #of}. */
  public static long check(long r) throws BackendException {
    if (r < 0) {
      throw of((int) r);
    }
    return r;
  }
}
