package org.jvfs.posix;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the descriptors a backend holds, for diagnostics and leak tests. Thread-safe. */
final class FdCounter {
  private final AtomicInteger open = new AtomicInteger();

  void opened() {
    open.incrementAndGet();
  }

  void closed() {
    open.decrementAndGet();
  }

  /** Returns the descriptors open now. */
  int open() {
    return open.get();
  }
}
