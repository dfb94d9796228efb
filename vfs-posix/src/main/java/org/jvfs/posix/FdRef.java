package org.jvfs.posix;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jvfs.posix.ffi.PosixNative;

/**
 * A file descriptor shared by concurrent users, closed once: when its owner has given it up and the
 * last user has released it. This is what keeps a file closed while a read is in flight from being
 * closed under a syscall that still uses its number (which the kernel could meanwhile have handed
 * to another open: a read of the wrong file).
 *
 * <p>The close itself goes to {@link Closing}, which decides where it runs: the last release may
 * happen on a thread that must not block (see {@link PosixRoot#closeDescriptor}).
 *
 * <p>Thread-safe: a count of references (the owner's one plus one per user), changed only by CAS.
 */
final class FdRef {

  /** Closes a descriptor, then runs {@code after}, on a thread where that may block. */
  @FunctionalInterface
  interface Closing {
    void close(int fd, Runnable after);
  }

  /** Closes on the releasing thread: for descriptors only threads that may block release. */
  static final Closing INLINE =
      (fd, after) -> {
        PosixNative.get().close(fd);
        after.run();
      };

  private final int fd;
  private final AtomicInteger refs = new AtomicInteger(1);
  private final AtomicBoolean released = new AtomicBoolean();
  private final FdCounter counter;
  private final Closing closing;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  FdRef(int fd, FdCounter counter, Closing closing) {
    this.fd = fd;
    this.counter = counter;
    this.closing = closing;
    counter.opened();
  }

  /** Returns the descriptor; only between a successful {@link #acquire} and its release. */
  int fd() {
    return fd;
  }

  /** Takes a reference; false if the descriptor is already closed or closing. */
  boolean acquire() {
    while (true) {
      int r = refs.get();
      if (r <= 0) {
        return false;
      }
      if (refs.compareAndSet(r, r + 1)) {
        return true;
      }
    }
  }

  /** Gives a reference back, closing the descriptor if it was the last. */
  void release() {
    if (refs.decrementAndGet() == 0) {
      // Never retried: the descriptor is released by the kernel whatever close returns.
      closing.close(
          fd,
          () -> {
            counter.closed();
            closed.complete(null);
          });
    }
  }

  /**
   * Gives up the owner's reference, once; the descriptor closes when no user holds it.
   *
   * @return true the first time, false if the owner had given it up already
   */
  boolean closeOwner() {
    if (released.compareAndSet(false, true)) {
      release();
      return true;
    }
    return false;
  }

  /** Returns true once the owner gave the descriptor up. */
  boolean isClosed() {
    return released.get();
  }

  /** Returns a future that completes once the descriptor is closed. */
  CompletableFuture<Void> whenClosed() {
    return closed;
  }
}
