package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class VfsIoTest {

  @Test
  void join_unwrapsToIoCause() {
    assertThatThrownBy(
            () ->
                VfsIo.join(
                    CompletableFuture.failedFuture(
                        new CompletionException(new NoSuchFileException("/x")))))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage("/x");
  }

  @Test
  void join_runtimeRethrown_checkedWrapped() throws Exception {
    assertThatThrownBy(
            () -> VfsIo.join(CompletableFuture.failedFuture(new IllegalStateException("s"))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> VfsIo.join(CompletableFuture.failedFuture(new Exception("c"))))
        .isExactlyInstanceOf(IOException.class)
        .hasRootCauseMessage("c");
    assertThat(VfsIo.join(CompletableFuture.completedFuture(3))).isEqualTo(3);
  }

  @Test
  void join_interrupted_interruptedIo() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> VfsIo.join(new CompletableFuture<>()))
          .isInstanceOf(InterruptedIOException.class);
      assertThat(Thread.interrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
