package org.jvfs.spi;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;

/**
 * A backend's failure, carrying an {@link Errno}. Backends fail their stages with it; the VFS
 * translates it into the {@code java.nio.file} exception the JDK's own provider would throw for the
 * same call, with the caller's path. It is stackless: backends create it on hot paths (a negative
 * lookup is not exceptional) and the stack of an IO thread would tell the caller nothing.
 */
public final class BackendException extends IOException {
  private static final long serialVersionUID = 1L;

  private final Errno errno;

  /**
   * Creates an exception for {@code errno} with its standard reason.
   *
   * @throws NullPointerException if {@code errno} is null
   */
  public BackendException(Errno errno) {
    this(errno, errno.reason());
  }

  /**
   * Creates an exception for {@code errno} with a more specific message.
   *
   * @throws NullPointerException if an argument is null
   */
  public BackendException(Errno errno, String message) {
    super(checkNotNull(message, "message"));
    this.errno = checkNotNull(errno, "errno");
  }

  /** Returns this exception without filling in a stack trace: see the class comment. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  /** Returns the error number. */
  public Errno errno() {
    return errno;
  }
}
