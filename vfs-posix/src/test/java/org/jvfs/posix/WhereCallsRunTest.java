package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;

/**
 * Where the probe runs a whole-file read: a caller that waits for each result has it done on its
 * own thread (at most one call in {@value Placement#SPREAD_EVERY} handed to an idle IO thread), and
 * a call made on an IO thread runs there at once.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("The probe runs reads where they cost no hand-off")
class WhereCallsRunTest {
  private final Path root = TempRoot.create("posix-where");

  @AfterEach
  void tearDown() {
    TempRoot.delete(root);
  }

  @Test
  void oneCallAtATime_runsOnTheCallersThread() throws Exception {
    Files.writeString(root.resolve("f"), "content");
    try (PosixBackend b = PosixBackend.open(PosixOptions.builder(root).watch(false).build())) {
      Node dir = b.root();
      Name f = Name.of("f");
      b.readFile(dir, f, Long.MAX_VALUE).toCompletableFuture().get(5, TimeUnit.SECONDS);
      int calls = 3 * Placement.SPREAD_EVERY;
      int handedOff = 0;
      for (int i = 0; i < calls; i++) {
        CompletableFuture<byte[]> r = b.readFile(dir, f, Long.MAX_VALUE).toCompletableFuture();
        if (!r.isDone()) {
          handedOff++;
        }
        assertThat(r.get(5, TimeUnit.SECONDS)).hasSize(7);
      }
      // One in SPREAD_EVERY (3 here), and the rare nonblocking attempt that would have blocked.
      assertThat(handedOff).as("handed off of %s", calls).isLessThanOrEqualTo(6);
    }
  }

  @Test
  void aCallOnAnIoThread_runsThere() throws Exception {
    Files.writeString(root.resolve("f"), "content");
    try (PosixBackend b = PosixBackend.open(PosixOptions.builder(root).watch(false).build())) {
      Node dir = b.root();
      Name f = Name.of("f");
      // lookup() runs as a task on an IO thread; a callback registered before it completes runs
      // there too (one registered after runs here: such tries are skipped).
      int onIoThread = 0;
      for (int i = 0; i < 200 && onIoThread < 5; i++) {
        CompletableFuture<boolean[]> seen =
            b.lookup(dir, f)
                .toCompletableFuture()
                .thenApply(
                    info ->
                        new boolean[] {
                          Thread.currentThread().getName().startsWith("jvfs-posix-io-"),
                          b.readFile(dir, f, Long.MAX_VALUE).toCompletableFuture().isDone()
                        });
        boolean[] r = seen.get(5, TimeUnit.SECONDS);
        if (r[0]) {
          onIoThread++;
          assertThat(r[1]).as("a read called on an IO thread is done at once").isTrue();
        }
      }
      assertThat(onIoThread).as("callbacks that ran on an IO thread").isPositive();
    }
  }
}
