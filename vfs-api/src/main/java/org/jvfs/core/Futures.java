package org.jvfs.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Small helpers for futures that often complete at once. */
final class Futures {
  private Futures() {}

  /**
   * Runs {@code body} until its future yields false: in a plain loop while its futures complete at
   * once (no stack growth with an inline backend), and by chaining once one does not.
   */
  static CompletableFuture<Void> loop(Supplier<? extends CompletionStage<Boolean>> body) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    new Runnable() {
      @Override
      public void run() {
        while (true) {
          CompletableFuture<Boolean> f;
          try {
            f = body.get().toCompletableFuture();
          } catch (Throwable t) {
            done.completeExceptionally(t);
            return;
          }
          if (!f.isDone()) {
            f.whenComplete(
                (more, e) -> {
                  if (e != null) {
                    done.completeExceptionally(Errors.unwrap(e));
                  } else if (!more) {
                    done.complete(null);
                  } else {
                    run();
                  }
                });
            return;
          }
          if (f.isCompletedExceptionally()) {
            f.whenComplete((more, e) -> done.completeExceptionally(Errors.unwrap(e)));
            return;
          }
          if (!f.join()) {
            done.complete(null);
            return;
          }
        }
      }
    }.run();
    return done;
  }

  /** Returns a future of {@code stage}, failed with {@code t} if making it threw. */
  static <T> CompletableFuture<T> of(Supplier<? extends CompletionStage<T>> stage) {
    try {
      return stage.get().toCompletableFuture();
    } catch (Throwable t) {
      return CompletableFuture.failedFuture(t);
    }
  }

  /**
   * Runs {@code cleanup} after {@code f}, whatever its outcome, and keeps {@code f}'s outcome; a
   * failing cleanup is added to a failure as suppressed, and fails a success.
   */
  static <T> CompletableFuture<T> andFinally(
      CompletableFuture<T> f, Supplier<? extends CompletionStage<?>> cleanup) {
    CompletableFuture<T> out = new CompletableFuture<>();
    f.whenComplete(
        (value, error) -> {
          CompletableFuture<?> c;
          try {
            c = cleanup.get().toCompletableFuture();
          } catch (Throwable t) {
            c = CompletableFuture.failedFuture(t);
          }
          c.whenComplete(
              (ignored, cleanupError) -> {
                if (error != null) {
                  Throwable cause = Errors.unwrap(error);
                  if (cleanupError != null && Errors.unwrap(cleanupError) != cause) {
                    cause.addSuppressed(Errors.unwrap(cleanupError));
                  }
                  out.completeExceptionally(cause);
                } else if (cleanupError != null) {
                  out.completeExceptionally(Errors.unwrap(cleanupError));
                } else {
                  out.complete(value);
                }
              });
        });
    return out;
  }
}
