package org.jvfs.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Drives asynchronous operations with a bounded number in flight, timing each from its start to its
 * completion, the way an event loop does: {@code k} lanes, each starting its next operation from
 * the completion of its previous one, on whatever thread completed it. Nobody waits for a free
 * slot, so no thread is woken per operation just to start the next one; an operation that completes
 * at once lets its lane go on in a loop (never a deeper stack).
 */
public final class InFlight {
  private InFlight() {}

  /**
   * Starts operations {@code 0..n-1} in order, at most {@code k} in flight at once, and waits for
   * all of them. The calling thread starts the lanes; each lane starts its next operation when its
   * previous one completed.
   *
   * @param n how many operations
   * @param k how many may be in flight at once
   * @param op starts operation {@code i}; it may complete at once
   * @param latencies where operation {@code i}'s latency in nanoseconds goes
   * @throws Exception the first failure of an operation, after all started ones have completed (no
   *     operation starts after a failure)
   */
  public static void run(
      int n, int k, IntFunction<? extends CompletionStage<?>> op, long[] latencies)
      throws Exception {
    if (k < 1 || latencies.length < n) {
      throw new IllegalArgumentException("k must be positive and latencies hold n entries");
    }
    Drive drive = new Drive(n, op, latencies, Math.min(k, Math.max(n, 1)));
    for (int lane = 0; lane < drive.lanes; lane++) {
      drive.lane(); // after a failure, a lane ends at once
    }
    drive.ended.await();
    Throwable t = drive.failure.get();
    if (t != null) {
      Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw new IllegalStateException("an operation failed", cause);
    }
  }

  private static final class Drive {
    final int n;
    final IntFunction<? extends CompletionStage<?>> op;
    final long[] latencies;
    final int lanes;
    final AtomicInteger next = new AtomicInteger();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final CountDownLatch ended;

    Drive(int n, IntFunction<? extends CompletionStage<?>> op, long[] latencies, int lanes) {
      this.n = n;
      this.op = op;
      this.latencies = latencies;
      this.lanes = lanes;
      this.ended = new CountDownLatch(lanes);
    }

    /**
     * Runs one lane from here: starts operations until one does not complete at once (its
     * completion then carries the lane on) or none is left (the lane ends).
     */
    void lane() {
      while (true) {
        int i = failure.get() == null ? next.getAndIncrement() : n;
        if (i >= n) {
          ended.countDown();
          return;
        }
        long start = System.nanoTime();
        CompletableFuture<?> f;
        try {
          f = op.apply(i).toCompletableFuture();
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
          ended.countDown();
          return;
        }
        if (f.isDone()) {
          finish(i, start, f);
          continue;
        }
        f.whenComplete(
            (v, e) -> {
              latencies[i] = System.nanoTime() - start;
              if (e != null) {
                failure.compareAndSet(null, e);
              }
              lane();
            });
        return;
      }
    }

    private void finish(int i, long start, CompletableFuture<?> f) {
      latencies[i] = System.nanoTime() - start;
      if (f.isCompletedExceptionally()) {
        try {
          f.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
          failure.compareAndSet(null, e);
        }
      }
    }
  }
}
