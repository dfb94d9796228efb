package org.jvfs.posix;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.jvfs.posix.ffi.PosixNative;

/**
 * Closes descriptors, and runs other small cleanups that may block, on a thread of its own, for
 * threads that must not block: a caller's thread, and the {@link Poller}'s.
 *
 * <p>No {@code close} is cheap for certain: the last close of a file that another process deleted
 * frees its blocks on the closing thread (90 ms for an 8 GiB file on ext4, issue 9), a FUSE file
 * system asks its server ({@code FUSE_FLUSH}) on every close, and NFS writes back. So a thread that
 * may not block never closes: it hands the descriptor here, which costs a push on a lock-free stack
 * and, when the closer sleeps, one {@link LockSupport#unpark}.
 *
 * <p>The queue has no bound of its own: every entry is a descriptor still open, so the process's
 * descriptor limit bounds it. A thread that may block and meets that limit (EMFILE) closes what is
 * pending itself ({@link #drain}) before it tries again.
 *
 * <p>Thread-safe.
 */
final class Closer {
  private static final AtomicInteger CLOSERS = new AtomicInteger();

  /** One pending close (or task, with {@code fd} -1), on a stack. */
  private record Entry(int fd, @Nullable Runnable after, @Nullable Entry next) {}

  private final PosixNative nat = PosixNative.get();
  private final AtomicReference<@Nullable Entry> pending = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean sleeping;
  private volatile boolean stopping;

  Closer() {
    this.thread = new Thread(this::loop, "jvfs-posix-close-" + CLOSERS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
  }

  /** Returns true if the calling thread is this closer's. */
  boolean onItsThread() {
    return Thread.currentThread() == thread;
  }

  /**
   * Closes {@code fd} on the closer's thread, then runs {@code after} there. Never blocks, never
   * fails; after {@link #stop} the calling thread closes it.
   */
  void close(int fd, @Nullable Runnable after) {
    push(fd, after);
  }

  /** Runs {@code task} on the closer's thread; after {@link #stop}, on the calling thread. */
  void execute(Runnable task) {
    push(-1, task);
  }

  private void push(int fd, @Nullable Runnable after) {
    while (true) {
      Entry head = pending.get();
      if (pending.compareAndSet(head, new Entry(fd, after, head))) {
        break;
      }
    }
    if (stopping) {
      drain(); // the closer may have gone: never leave a descriptor behind
    } else if (sleeping) {
      LockSupport.unpark(thread);
    }
  }

  /**
   * Closes every pending descriptor, and runs every pending task, on the calling thread, which must
   * be allowed to block.
   *
   * @return how many descriptors it closed
   */
  int drain() {
    Entry e = pending.getAndSet(null);
    int closed = 0;
    for (; e != null; e = e.next) {
      if (e.fd >= 0) {
        // Never retried: the descriptor is released by the kernel whatever close returns.
        nat.close(e.fd);
        closed++;
      }
      if (e.after != null) {
        try {
          e.after.run();
        } catch (RuntimeException ignored) {
          // A cleanup's failure has no one to go to; the next entries must still run.
        }
      }
    }
    return closed;
  }

  private void loop() {
    while (true) {
      if (pending.get() != null) {
        drain();
        continue;
      }
      if (stopping) {
        return;
      }
      sleeping = true;
      // Re-read after announcing the sleep: a push either is seen here or sees sleeping and
      // unparks (both fields are volatile, so one of the two orders holds).
      if (pending.get() == null && !stopping) {
        LockSupport.park(this);
      }
      sleeping = false;
    }
  }

  /** Returns true if nothing is pending and the closer's thread sleeps: for tests. */
  boolean isIdle() {
    return sleeping && pending.get() == null;
  }

  /**
   * Closes what is pending and stops the thread; later closes run on their caller's thread.
   * Idempotent.
   */
  void stop() {
    stopping = true;
    LockSupport.unpark(thread);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    drain();
  }
}
