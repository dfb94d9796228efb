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
 * frees its blocks on the closing thread (tens of milliseconds for a large file), a FUSE file
 * system asks its server ({@code FUSE_FLUSH}) on every close, and NFS writes back. So a thread that
 * may not block never closes: it hands the descriptor here, a push on a lock-free stack.
 *
 * <p>Waking the closer for every descriptor would cost each caller a futex wake and, on a small
 * machine, a context switch, which at one call at a time roughly doubled the latency of a
 * whole-file read. So the closer gathers: while descriptors keep coming it wakes every {@value
 * #NAP_MICROS} us and closes what came meanwhile, and a caller wakes it only when {@value #WAKE_AT}
 * are pending, when it had gone to sleep after {@value #NAPS_BEFORE_SLEEP} naps with nothing to do,
 * or for a close that someone waits for (one with a follow-up, {@link #close}). A descriptor thus
 * stays open at most about a millisecond longer than its caller was done with it.
 *
 * <p>The stack has no bound of its own: every entry is a descriptor still open, so the process's
 * descriptor limit bounds it. A thread that may block and meets that limit (EMFILE) closes what is
 * pending itself ({@link #drain}) before it tries again.
 *
 * <p>Thread-safe.
 */
final class Closer {
  private static final AtomicInteger CLOSERS = new AtomicInteger();

  /** How long the closer naps between two batches while descriptors keep coming. */
  static final long NAP_MICROS = 1000;

  /** How many empty naps the closer takes before it sleeps until woken. */
  static final int NAPS_BEFORE_SLEEP = 100;

  /** How many pending descriptors make a caller wake the closer at once. */
  static final int WAKE_AT = 64;

  /** One pending close (or task, with {@code fd} -1), on a stack of {@code depth} entries. */
  private record Entry(int fd, @Nullable Runnable after, @Nullable Entry next, int depth) {}

  private final PosixNative nat = PosixNative.get();
  private final AtomicReference<@Nullable Entry> pending = new AtomicReference<>();
  private final Thread thread;

  /** The closer sleeps until woken (not a nap): the next push wakes it. */
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
   * Closes {@code fd} on the closer's thread, then runs {@code after} there, if not null. A close
   * with a follow-up is one someone waits for: it wakes the closer at once; one without is closed
   * with the next batch. Never blocks, never fails; after {@link #stop} the calling thread closes
   * it.
   */
  void close(int fd, @Nullable Runnable after) {
    push(fd, after, after != null);
  }

  /** Runs {@code task} on the closer's thread, at once; after {@link #stop}, on the caller's. */
  void execute(Runnable task) {
    push(-1, task, true);
  }

  private void push(int fd, @Nullable Runnable after, boolean now) {
    Entry e;
    while (true) {
      Entry head = pending.get();
      e = new Entry(fd, after, head, head == null ? 1 : head.depth + 1);
      if (pending.compareAndSet(head, e)) {
        break;
      }
    }
    if (stopping) {
      drain(); // the closer may have gone: never leave a descriptor behind
    } else if (now || sleeping || e.depth >= WAKE_AT) {
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
    int emptyNaps = 0;
    while (true) {
      if (pending.get() != null) {
        drain();
        emptyNaps = 0;
      } else if (stopping) {
        return;
      } else if (emptyNaps < NAPS_BEFORE_SLEEP) {
        emptyNaps++;
      } else {
        sleeping = true;
        // Re-read after announcing the sleep: a push either is seen here or sees sleeping and
        // unparks (both fields are volatile, so one of the two orders holds).
        if (pending.get() == null && !stopping) {
          LockSupport.park(this);
        }
        sleeping = false;
        emptyNaps = 0;
        continue;
      }
      if (!stopping) {
        LockSupport.parkNanos(this, TimeUnit.MICROSECONDS.toNanos(NAP_MICROS));
      }
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
