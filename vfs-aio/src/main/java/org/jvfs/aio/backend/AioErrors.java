package org.jvfs.aio.backend;

import java.nio.channels.ClosedChannelException;
import java.nio.file.ClosedFileSystemException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/** How the aio backend reads a ring operation's failure (not its {@code -errno}, a refusal). */
final class AioErrors {
  private AioErrors() {}

  /** Returns {@code t} without its CompletionException wrapping. */
  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while (c instanceof CompletionException && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /**
   * True if the ring refused the operation before the kernel saw it for want of room (every slot in
   * flight, no free direct descriptor): the call goes to the posix path instead.
   */
  static boolean refusedForRoom(@Nullable Throwable t) {
    return t != null && unwrap(t) instanceof RejectedExecutionException;
  }

  /**
   * The failure a caller sees for a ring refusal: {@link ClosedFileSystemException} once the ring
   * (that is, the backend) is closed, else the refusal itself.
   */
  static Throwable forCaller(Throwable t) {
    Throwable c = unwrap(t);
    if (c instanceof ClosedChannelException || c instanceof ClosedFileSystemException) {
      return new ClosedFileSystemException();
    }
    return c;
  }
}
