package org.jvfs.posix;

import java.nio.file.ClosedFileSystemException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;

/**
 * The bounded pool of named IO threads on which the backend's blocking syscalls run (the TUX "async
 * IO threads"). A fixed number of threads and a bounded queue: a task beyond the queue's bound
 * fails at once with EAGAIN instead of queueing without limit (the VFS's own in-flight bound, well
 * below it by default, is what callers normally meet). It also tells whether the caller is one of
 * its threads: a call made there runs there ({@link Placement}). Thread-safe.
 */
final class IoPool {

  /** A blocking task that may fail with a checked exception. */
  @FunctionalInterface
  interface Task<T> {
    T run() throws Exception;
  }

  /** A thread of a pool, which knows its pool. */
  private static final class IoThread extends Thread {
    final IoPool pool;

    IoThread(IoPool pool, Runnable r, String name) {
      super(r, name);
      this.pool = pool;
    }
  }

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ThreadPoolExecutor executor;

  IoPool(int threads, int queueCapacity) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            r -> {
              Thread t = new IoThread(this, r, "jvfs-posix-io-" + pool + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Runs {@code task} on an IO thread; the future completes there. */
  <T> CompletableFuture<T> submit(Task<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            T value;
            try {
              value = task.run();
            } catch (Throwable t) {
              f.completeExceptionally(t);
              return;
            }
            f.complete(value);
          });
    } catch (RejectedExecutionException e) {
      f.completeExceptionally(
          executor.isShutdown()
              ? new ClosedFileSystemException()
              : new BackendException(Errno.EAGAIN, "the IO queue is full"));
    }
    return f;
  }

  /**
   * Runs {@code task} on an IO thread; if the pool refuses it (full queue, or closed), fails {@code
   * result} instead, as {@link #submit} fails its future.
   */
  void execute(Runnable task, CompletableFuture<?> result) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(
          executor.isShutdown()
              ? new ClosedFileSystemException()
              : new BackendException(Errno.EAGAIN, "the IO queue is full"));
    }
  }

  /** Returns true if the calling thread is one of this pool's. */
  boolean onIoThread() {
    return Thread.currentThread() instanceof IoThread t && t.pool == this;
  }

  /** Stops taking tasks and waits a little for the running ones. */
  void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
