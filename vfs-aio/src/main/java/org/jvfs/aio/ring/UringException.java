package org.jvfs.aio.ring;

import java.io.IOException;
import org.jvfs.spi.Errno;

/**
 * A failed io_uring setup or registration: the call and the errno it returned. Operations on a ring
 * never throw this; their errors are the {@code -errno} results of their completions.
 */
public final class UringException extends IOException {
  private final String call;
  private final int errno;

  /** Creates the exception for {@code call} failing with {@code errno} (positive). */
  public UringException(String call, int errno) {
    super(call + " failed: " + describe(errno));
    this.call = call;
    this.errno = errno;
  }

  /** Returns the failed call, e.g. {@code "io_uring_setup"}. */
  public String call() {
    return call;
  }

  /** Returns the positive errno. */
  public int errno() {
    return errno;
  }

  /** Returns e.g. {@code "EPERM (Operation not permitted)"}, or {@code "errno 123"}. */
  static String describe(int errno) {
    for (Errno e : Errno.values()) {
      if (e.code() == errno) {
        return e.name() + " (" + e.reason() + ")";
      }
    }
    return "errno " + errno;
  }
}
