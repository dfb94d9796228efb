package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.ClosedFileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The {@code Completion} group of {@link VfsConformanceKit}: futures complete on the configured
 * executor.
 */
abstract class VfsCompletionConformance extends VfsConformanceGroup {

  VfsCompletionConformance(VfsConformanceKit kit) {
    super(kit);
  }

  @Test
  void completionExecutor_isUsedExactlyWhenAnOperationWaited() {
    // Twenty writes at once: an asynchronous backend may, rarely, finish one whole write before
    // the VFS hands its future over (then no hop is needed), but never all twenty.
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      writes.add(vfs().write("/f" + i, new byte[] {1}));
    }
    await(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));
    if (!inlineBackend() && completionMode() != CompletionMode.DIRECT) {
      // The writes waited for the backend: their futures complete through the executor.
      assertThat(completionTasks()).isPositive();
    } else {
      // An inline backend answers at once (no thread hop), and direct completion runs on the
      // IO thread: either way the kit's executor never sees a task.
      assertThat(completionTasks()).isZero();
    }
  }

  @Test
  void manyConcurrentOperations_allComplete() {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      writes.add(vfs().write("/f" + i, ("v" + i).getBytes(UTF_8)));
    }
    await(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));
    List<CompletableFuture<byte[]>> reads = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      reads.add(vfs().readAllBytes("/f" + i));
    }
    for (int i = 0; i < 200; i++) {
      assertThat(new String(await(reads.get(i)), UTF_8)).isEqualTo("v" + i);
    }
    assertThat(await(vfs().list("/"))).hasSize(200);
  }

  @Test
  void close_completesPendingFutures() {
    put("/f", "x");
    List<CompletableFuture<?>> fs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fs.add(vfs().readAllBytes("/f"));
    }
    vfs().close();
    for (CompletableFuture<?> f : fs) {
      try {
        f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertThat(unwrap(e)).isInstanceOf(ClosedFileSystemException.class);
      } catch (InterruptedException | TimeoutException e) {
        fail("a future was left pending by close", e);
      }
    }
    assertThat(vfs().pendingOperations()).isZero();
  }
}
