package org.jvfs.posix;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jvfs.posix.ffi.PosixNative;

/**
 * A file descriptor shared by concurrent users, closed once: when its owner has given it up and the
 * last user has released it. This is what keeps a file closed while a read is in flight from being
 * closed under a syscall that still uses its number (which the kernel could meanwhile have handed
 * to another open: a read of the wrong file).
 *
 * <p>Thread-safe: a count of references (the owner's one plus one per user), changed only by CAS.
 */
final class FdRef {
  private final int fd;
  private final AtomicInteger refs = new AtomicInteger(1);
  private final AtomicBoolean released = new AtomicBoolean();
  private final FdCounter counter;

  FdRef(int fd, FdCounter counter) {
    this.fd = fd;
    this.counter = counter;
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
      PosixNative.get().close(fd);
      counter.closed();
    }
  }

  /** Gives up the owner's reference, once; the descriptor closes when no user holds it. */
  void closeOwner() {
    if (released.compareAndSet(false, true)) {
      release();
    }
  }

  /** Returns true once the owner gave the descriptor up. */
  boolean isClosed() {
    return released.get();
  }
}
