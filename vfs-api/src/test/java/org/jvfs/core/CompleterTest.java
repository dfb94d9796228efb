package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.ClosedFileSystemException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompleterTest {
  @Test
  void deliver_done_returnsItWithoutTheExecutor() {
    AtomicInteger used = new AtomicInteger();
    Completer c = new Completer(r -> used.incrementAndGet());
    CompletableFuture<String> done = CompletableFuture.completedFuture("x");
    assertThat(c.deliver(done)).isSameAs(done);
    assertThat(used).hasValue(0);
  }

  @Test
  void deliver_later_completesOnTheExecutor() {
    AtomicInteger used = new AtomicInteger();
    Executor counting =
        r -> {
          used.incrementAndGet();
          r.run();
        };
    Completer c = new Completer(counting);
    CompletableFuture<String> later = new CompletableFuture<>();
    CompletableFuture<String> user = c.deliver(later);
    assertThat(user).isNotDone();
    assertThat(c.pendingCount()).isEqualTo(1);
    later.complete("x");
    assertThat(user).isCompletedWithValue("x");
    assertThat(used).hasValue(1);
    assertThat(c.pendingCount()).isZero();
  }

  @Test
  void deliver_rejectingExecutor_stillCompletes() {
    Completer c =
        new Completer(
            r -> {
              throw new RejectedExecutionException();
            });
    CompletableFuture<String> later = new CompletableFuture<>();
    CompletableFuture<String> user = c.deliver(later);
    later.complete("x");
    assertThat(user).isCompletedWithValue("x");
  }

  @Test
  void close_failsPendingWithClosedFileSystem() {
    Completer c = new Completer(Runnable::run);
    CompletableFuture<String> user = c.deliver(new CompletableFuture<>());
    c.close();
    assertThat(user).isCompletedExceptionally();
    assertThat(user.handle((v, e) -> e).join()).isInstanceOf(ClosedFileSystemException.class);
    assertThat(c.pendingCount()).isZero();
  }
}
