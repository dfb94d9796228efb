package org.jvfs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * {@code smallfiles} readers shaped like callers other than the runner's lane driver ({@link
 * InFlight}), so that where a backend runs calls is measured on callers it was not tuned for: a
 * pool of threads that each wait for every result ({@link Threads}), and one event-loop thread that
 * keeps K reads in flight and receives every completion on itself ({@link Loop}).
 */
final class Callers {
  private Callers() {}

  /** How many threads {@link Threads} reads with. */
  static final int THREADS = 8;

  /** Reads file {@code i} whole and returns its length, blocking. */
  @FunctionalInterface
  interface BlockingRead {
    int read(int i) throws Exception;
  }

  /**
   * {@value #THREADS} threads, each taking the next file and reading it with {@code read}, waiting
   * for the result before taking another (a server's worker pool).
   */
  static final class Threads extends SmallFiles.Reader {
    private final BlockingRead read;
    private final ExecutorService pool =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "bench-caller");
              t.setDaemon(true);
              return t;
            });
    private final @Nullable AutoCloseable owned;

    /**
     * Makes the variant; it closes {@code owned} (a VFS, say) when it is closed.
     *
     * @param read reads one file, blocking
     */
    Threads(String name, Tree tree, BlockingRead read, @Nullable AutoCloseable owned) {
      super(name, tree);
      this.read = read;
      this.owned = owned;
    }

    @Override
    void readAll(long[] latencies) throws Exception {
      AtomicInteger next = new AtomicInteger();
      List<Future<Long>> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        threads.add(
            pool.submit(
                () -> {
                  long total = 0;
                  for (int i; (i = next.getAndIncrement()) < latencies.length; ) {
                    long start = System.nanoTime();
                    total += read.read(i);
                    latencies[i] = System.nanoTime() - start;
                  }
                  return total;
                }));
      }
      for (Future<Long> f : threads) {
        try {
          bytes.add(f.get());
        } catch (ExecutionException e) {
          next.set(latencies.length); // stop the others
          throw e.getCause() instanceof Exception x ? x : e;
        }
      }
    }

    @Override
    public void close() {
      pool.shutdownNow();
      if (owned != null) {
        try {
          owned.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /**
   * One event-loop thread keeping {@code k} reads in flight: it starts every read, and every
   * completion is delivered to it (the VFS's completion executor is the loop), where it starts the
   * lane's next read; a read that completes at once lets the lane go on in a loop.
   */
  static final class Loop extends SmallFiles.Reader {
    private final ExecutorService loop;
    private final IntFunction<CompletableFuture<byte[]>> read;
    private final int k;
    private final AutoCloseable owned;

    /**
     * Makes the variant.
     *
     * @param loop the single-thread loop, on which {@code read}'s futures complete; shut down on
     *     close
     * @param read starts reading file {@code i}; called on the loop only
     * @param owned closed on close (the VFS)
     */
    Loop(
        String name,
        Tree tree,
        ExecutorService loop,
        IntFunction<CompletableFuture<byte[]>> read,
        int k,
        AutoCloseable owned) {
      super(name, tree);
      this.loop = loop;
      this.read = read;
      this.k = k;
      this.owned = owned;
    }

    /** Makes the single-thread loop executor. */
    static ExecutorService newLoop() {
      return Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "bench-event-loop");
            t.setDaemon(true);
            return t;
          });
    }

    @Override
    void readAll(long[] latencies) throws Exception {
      Round round = new Round(latencies);
      loop.execute(
          () -> {
            for (int lane = 0; lane < round.lanes; lane++) {
              round.lane();
            }
          });
      if (!round.ended.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the event loop did not finish");
      }
      if (round.failure != null) {
        throw round.failure instanceof Exception e ? e : new IllegalStateException(round.failure);
      }
    }

    /** One round's state, touched on the loop thread only (the latch publishes it). */
    private final class Round {
      final long[] latencies;
      final int lanes;
      final CountDownLatch ended;
      int next;
      @Nullable Throwable failure;

      Round(long[] latencies) {
        this.latencies = latencies;
        this.lanes = Math.max(1, Math.min(k, latencies.length));
        this.ended = new CountDownLatch(lanes);
      }

      void lane() {
        while (true) {
          int i = failure == null ? next++ : latencies.length;
          if (i >= latencies.length) {
            ended.countDown();
            return;
          }
          long start = System.nanoTime();
          CompletableFuture<byte[]> f = read.apply(i);
          if (f.isDone()) {
            finish(i, start, f.handle((b, e) -> e == null ? b : fail(e)).join());
            continue;
          }
          f.whenComplete(
              (b, e) -> {
                if (!Thread.currentThread().getName().equals("bench-event-loop")) {
                  fail(new IllegalStateException("completed off the loop"));
                }
                finish(i, start, e == null ? b : fail(e));
                lane();
              });
          return;
        }
      }

      private byte @Nullable [] fail(Throwable e) {
        if (failure == null) {
          failure =
              e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                  ? e.getCause()
                  : e;
        }
        return null;
      }

      private void finish(int i, long start, byte @Nullable [] content) {
        latencies[i] = System.nanoTime() - start;
        if (content != null) {
          bytes.add(content.length);
        }
      }
    }

    @Override
    public void close() {
      try {
        owned.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        loop.shutdownNow();
      }
    }
  }
}
