package org.jvfs.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;

/** Test helpers for the memory backend's stages, which are all complete when returned. */
final class Stages {
  private Stages() {}

  /** Returns the value of a stage that must be complete and successful. */
  static <T> T done(CompletionStage<T> stage) {
    CompletableFuture<T> f = stage.toCompletableFuture();
    assertThat(f).isDone();
    return f.join();
  }

  /** Returns the failure of a stage that must be complete and failed. */
  static Throwable failure(CompletionStage<?> stage) {
    CompletableFuture<?> f = stage.toCompletableFuture();
    assertThat(f).isCompletedExceptionally();
    try {
      f.join();
      throw new AssertionError("not failed");
    } catch (CompletionException e) {
      return e.getCause();
    }
  }

  /** Asserts that a stage failed with a {@link BackendException} carrying {@code errno}. */
  static void assertErrno(CompletionStage<?> stage, Errno errno) {
    assertThat(failure(stage))
        .isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).errno())
        .isEqualTo(errno);
  }
}
