package org.jvfs.bench;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Drives asynchronous operations with a bounded number in flight, timing each from its start to its
 * completion.
 */
public final class InFlight {
  private InFlight() {}

  /**
   * Starts operations {@code 0..n-1} in order, at most {@code k} in flight at once, and waits for
   * all of them. The calling thread starts each one after a permit frees up; completions (on any
   * thread) store their latency and free the permit.
   *
   * @param n how many operations
   * @param k how many may be in flight at once
   * @param op starts operation {@code i}; it may complete at once
   * @param latencies where operation {@code i}'s latency in nanoseconds goes
   * @throws Exception the first failure of an operation, after all started ones have completed
   */
  public static void run(
      int n, int k, IntFunction<? extends CompletionStage<?>> op, long[] latencies)
      throws Exception {
    if (k < 1 || latencies.length < n) {
      throw new IllegalArgumentException("k must be positive and latencies hold n entries");
    }
    Semaphore permits = new Semaphore(k);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      for (int i = 0; i < n && failure.get() == null; i++) {
        permits.acquire();
        int index = i;
        long start = System.nanoTime();
        CompletionStage<?> stage;
        try {
          stage = op.apply(i);
        } catch (RuntimeException e) {
          permits.release();
          throw e;
        }
        stage.whenComplete(
            (v, e) -> {
              latencies[index] = System.nanoTime() - start;
              if (e != null) {
                failure.compareAndSet(null, e);
              }
              permits.release();
            });
      }
    } finally {
      permits.acquireUninterruptibly(k);
    }
    Throwable t = failure.get();
    if (t != null) {
      Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw new IllegalStateException("an operation failed", cause);
    }
  }
}
