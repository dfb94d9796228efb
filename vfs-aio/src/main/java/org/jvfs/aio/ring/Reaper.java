package org.jvfs.aio.ring;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.jvfs.aio.ffi.IoUring;

/**
 * The consumer side of a {@link Ring}: who drains the CQ, and when.
 *
 * <ul>
 *   <li>The CQ has one consumer at a time, chosen by a <em>non-reentrant</em> flag: a completion
 *       callback that submits (and so tries to drain) cannot re-enter the drain that is running it
 *       and overwrite its batch.
 *   <li>{@link #tryDrain()} never blocks: a submitter calls it right after its io_uring_enter, so
 *       an operation the kernel completed inline completes on the submitting thread.
 *   <li>{@link #loop()} is the reaper thread: while operations are in flight it waits in {@code
 *       io_uring_enter(0, 1, GETEVENTS)} <em>without</em> the flag (submitters keep draining
 *       meanwhile) and drains when woken. It waits for any CQE, so a CQE another thread consumed
 *       first costs it nothing but a wakeup. With nothing in flight it parks outside the kernel, so
 *       that the CQEs of operations the kernel completes inside their submit (and their submitter
 *       drains) wake no thread: a submitter that leaves an operation in flight after its drain
 *       unparks it ({@link #wakeIfInFlight}). The reaper sets {@code sleeping} and then reads the
 *       in-flight count; a submitter takes its slot (a CAS on the count) and then reads {@code
 *       sleeping}: both volatile, so at least one of the two sees the other's write, and no
 *       operation is left in flight with the reaper parked.
 *   <li>{@link #await} without a reaper holds the flag while it waits in the kernel: no other
 *       thread can take the CQE it waits for, so it cannot sleep past it (the lost wakeup a waiter
 *       that released the flag first would risk).
 *   <li>A drain that finds the CQ empty but IORING_SQ_CQ_OVERFLOW set calls {@code
 *       io_uring_enter(0, 0, GETEVENTS)}, which moves the kernel's overflow list into the CQ, and
 *       drains again.
 * </ul>
 *
 * <p>Every drain checks, holding the flag, that the ring memory is still mapped; close takes the
 * flag before it unmaps. Thread-safe.
 */
final class Reaper {
  private final Ring ring;
  private final CompletionQueue cq;
  private final SubmissionQueue sq;
  private final CompletionTable table;
  private final RingCounters counters;
  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile @Nullable Thread drainer;
  private volatile boolean paused;
  private volatile boolean stop;
  private volatile boolean sleeping;
  private volatile @Nullable Thread reaperThread;

  Reaper(
      Ring ring,
      CompletionQueue cq,
      SubmissionQueue sq,
      CompletionTable table,
      RingCounters counters) {
    this.ring = ring;
    this.cq = cq;
    this.sq = sq;
    this.table = table;
    this.counters = counters;
  }

  /** Takes the drain flag if it is free. */
  boolean acquire() {
    if (draining.compareAndSet(false, true)) {
      drainer = Thread.currentThread();
      return true;
    }
    return false;
  }

  /** Releases the drain flag. */
  void release() {
    drainer = null;
    draining.set(false);
  }

  /** True if the calling thread holds the drain flag (a completion callback runs on it). */
  boolean heldByCurrentThread() {
    return drainer == Thread.currentThread();
  }

  /** Stops every drain (or resumes): for tests that let the CQ fill up. */
  void pause(boolean paused) {
    this.paused = paused;
  }

  /** Asks {@link #loop()} to return after its next wakeup (and unparks it). */
  void stop() {
    stop = true;
    Thread t = reaperThread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /**
   * After a submission and its drain: if operations are still in flight and the reaper is parked,
   * unparks it so that it waits for their CQEs in the kernel.
   */
  void wakeIfInFlight() {
    if (sleeping && table.inFlight() > 0) {
      Thread t = reaperThread;
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }

  /** Drains if no other thread is; returns false if another was (or draining is paused). */
  boolean tryDrain() {
    if (paused || !acquire()) {
      return false;
    }
    try {
      if (!ring.released()) {
        drainLocked();
      }
    } finally {
      release();
    }
    return true;
  }

  /** Holding the flag: dispatches every CQE, flushing the kernel's overflow list too. */
  void drainLocked() {
    int overflowRounds = 0;
    while (true) {
      int n = cq.drain();
      for (int i = 0; i < n; i++) {
        dispatch(cq.userData[i], cq.res[i], cq.flags[i]);
      }
      if (n > 0) {
        continue;
      }
      if (sq.cqOverflow() && overflowRounds++ < 1024) {
        // The kernel holds CQEs that did not fit (IORING_FEAT_NODROP); GETEVENTS with
        // min_complete 0 moves them into the CQ (io_cqring_overflow_flush) without waiting.
        counters.overflowFlushes.increment();
        counters.countEnterError(ring.enter(0, 0, IoUring.IORING_ENTER_GETEVENTS));
        continue;
      }
      return;
    }
  }

  private void dispatch(long userData, int res, int flags) {
    if (CompletionTable.isInternal(userData)) {
      return; // the wakeup NOP, the cancel-all at close
    }
    if (table.complete(userData, res, flags)) {
      counters.completions.increment();
    }
  }

  /** The reaper thread's body. */
  void loop() {
    reaperThread = Thread.currentThread();
    int idle = 0;
    while (!stop) {
      if (!tryDrain()) {
        Ring.backoff(idle++);
        continue;
      }
      idle = 0;
      if (stop || ring.released()) {
        return;
      }
      if (table.inFlight() == 0) {
        sleeping = true; // then read the count again: see the class comment
        if (table.inFlight() == 0 && !stop) {
          LockSupport.park(this);
        }
        sleeping = false;
        continue;
      }
      int r = ring.enter(0, 1, IoUring.IORING_ENTER_GETEVENTS);
      if (r < 0) {
        counters.countEnterError(r);
        if (-r == 9) { // EBADF: the ring is gone
          return;
        }
        if (-r != RingCounters.EINTR && -r != RingCounters.EAGAIN && -r != RingCounters.EBUSY) {
          LockSupport.parkNanos(1_000_000L);
        }
      }
    }
  }

  /**
   * Without a reaper thread, when every slot is taken: as the exclusive consumer, waits in the
   * kernel for one CQE and drains.
   */
  void waitForAnyCompletion() {
    if (!acquire()) {
      return;
    }
    try {
      if (ring.released()) {
        return;
      }
      drainLocked();
      if (table.inFlight() >= table.capacity()) {
        counters.countEnterError(ring.enter(0, 1, IoUring.IORING_ENTER_GETEVENTS));
        drainLocked();
      }
    } finally {
      release();
    }
  }

  /** See {@link Ring#await(OpFuture)}; {@code threaded} is whether a reaper thread runs. */
  int await(OpFuture op, boolean threaded) {
    if (threaded) {
      tryDrain();
      return op.join();
    }
    while (!op.isDone()) {
      if (acquire()) {
        try {
          if (ring.released()) {
            break;
          }
          drainLocked();
          if (op.isDone()) {
            break;
          }
          counters.countEnterError(ring.submitAndWaitOne());
          drainLocked();
        } finally {
          release();
        }
        ring.flush();
      } else {
        try {
          op.get(100, TimeUnit.MICROSECONDS); // the consumer completes ours too
        } catch (TimeoutException | ExecutionException e) {
          // retry (a failed operation is reported by the join below)
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return op.join();
        }
      }
    }
    return op.join();
  }
}
