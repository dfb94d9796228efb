package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FuturesTest {
  @Test
  void loop_inline_runsWithoutStackGrowth() {
    AtomicInteger n = new AtomicInteger();
    CompletableFuture<Void> done =
        Futures.loop(() -> CompletableFuture.completedFuture(n.incrementAndGet() < 1_000_000));
    assertThat(done).isCompleted();
    assertThat(n).hasValue(1_000_000);
  }

  @Test
  void loop_async_continuesWhenStepsComplete() {
    AtomicInteger n = new AtomicInteger();
    CompletableFuture<Void> done =
        Futures.loop(() -> CompletableFuture.supplyAsync(() -> n.incrementAndGet() < 5));
    done.join();
    assertThat(n).hasValue(5);
  }

  @Test
  void loop_failure_failsTheLoop() {
    CompletableFuture<Void> done =
        Futures.loop(() -> CompletableFuture.failedFuture(new IOException("x")));
    assertThat(done).isCompletedExceptionally();
  }

  @Test
  void andFinally_runsCleanupAndKeepsTheFirstFailure() {
    AtomicInteger cleaned = new AtomicInteger();
    IOException first = new IOException("first");
    CompletableFuture<String> f =
        Futures.andFinally(
            CompletableFuture.<String>failedFuture(first),
            () -> {
              cleaned.incrementAndGet();
              return CompletableFuture.failedFuture(new IOException("second"));
            });
    assertThat(cleaned).hasValue(1);
    assertThat(f).isCompletedExceptionally();
    assertThat(first.getSuppressed()).hasSize(1);
    assertThat(
            Futures.andFinally(
                    CompletableFuture.completedFuture("v"),
                    () -> CompletableFuture.completedFuture(null))
                .join())
        .isEqualTo("v");
  }
}
