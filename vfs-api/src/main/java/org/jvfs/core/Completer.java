package org.jvfs.core;

import java.nio.file.ClosedFileSystemException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands results to callers. A result that is ready when the operation returns is handed over as it
 * is, on the caller's thread: a cached lookup makes no thread hop. A result that arrives later is
 * completed on the completion executor; if the executor refuses the task, on the thread that
 * produced the result, so that no completion is ever lost. Every future not yet completed is
 * remembered, so that closing the VFS can complete it with {@link ClosedFileSystemException}.
 * Thread-safe.
 */
final class Completer {
  private final Executor executor;
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  Completer(Executor executor) {
    this.executor = executor;
  }

  <T> CompletableFuture<T> deliver(CompletableFuture<T> result) {
    if (result.isDone()) {
      return result;
    }
    CompletableFuture<T> user = new CompletableFuture<>();
    pending.add(user);
    if (closed) {
      fail(user);
      return user;
    }
    result.whenComplete(
        (value, error) -> {
          Runnable task =
              () -> {
                // Forget the future before completing it: a caller woken by the completion must
                // not see it still counted as pending. A close in between fails it first, which
                // is fine: the future still completes exactly once.
                pending.remove(user);
                if (error != null) {
                  user.completeExceptionally(Errors.unwrap(error));
                } else {
                  user.complete(value);
                }
              };
          try {
            executor.execute(task);
          } catch (RejectedExecutionException e) {
            task.run();
          }
        });
    return user;
  }

  private void fail(CompletableFuture<?> f) {
    f.completeExceptionally(new ClosedFileSystemException());
    pending.remove(f);
  }

  /** Completes every pending future with {@link ClosedFileSystemException}. Idempotent. */
  void close() {
    closed = true;
    for (CompletableFuture<?> f : pending) {
      fail(f);
    }
  }

  /** Returns how many delivered futures are not yet complete. */
  int pendingCount() {
    return pending.size();
  }
}
