package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Capability;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.OpenFlags;
import org.jvfs.testkit.FaultInjectingBackend.Operation;

class FaultInjectingBackendTest {
  private static final OpenFlags CREATE_RW =
      OpenFlags.from(
          Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
  private final MemoryBackend memory = MemoryBackend.create();
  private final FaultInjectingBackend backend = new FaultInjectingBackend(memory, 42);

  @AfterEach
  void close() {
    backend.close();
  }

  private static Errno errnoOf(CompletionStage<?> stage) {
    CompletableFuture<?> f = stage.toCompletableFuture();
    try {
      f.join();
      throw new AssertionError("stage did not fail");
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(BackendException.class);
      return ((BackendException) e.getCause()).errno();
    }
  }

  private Opened open(String name) {
    return backend
        .open(backend.root(), Name.of(name), CREATE_RW, null)
        .toCompletableFuture()
        .join();
  }

  @Test
  void failNext_failsThatManyCallsThenPasses() {
    backend.failNext(Operation.LOOKUP, Errno.EIO, 2);
    assertThat(errnoOf(backend.lookup(backend.root(), Name.of("x")))).isEqualTo(Errno.EIO);
    assertThat(errnoOf(backend.lookup(backend.root(), Name.of("x")))).isEqualTo(Errno.EIO);
    assertThat(backend.lookup(backend.root(), Name.of("x")).toCompletableFuture().join()).isNull();
  }

  @Test
  void failNext_open_doesNotCallDelegate() {
    backend.failNext(Operation.OPEN, Errno.EMFILE, 1);
    assertThat(errnoOf(backend.open(backend.root(), Name.of("f"), CREATE_RW, null)))
        .isEqualTo(Errno.EMFILE);
    assertThat(memory.lookup(memory.root(), Name.of("f")).toCompletableFuture().join()).isNull();
  }

  @Test
  void failRandomly_sameSeed_sameSequence() {
    List<Boolean> first = failures(7);
    List<Boolean> second = failures(7);
    assertThat(first).isEqualTo(second).contains(true, false);
  }

  private static List<Boolean> failures(long seed) {
    List<Boolean> out = new ArrayList<>();
    try (FaultInjectingBackend b = new FaultInjectingBackend(MemoryBackend.create(), seed)) {
      b.failRandomly(Operation.STORE_INFO, Errno.ENOSPC, 0.5);
      for (int i = 0; i < 64; i++) {
        out.add(b.storeInfo().toCompletableFuture().isCompletedExceptionally());
      }
    }
    return out;
  }

  @Test
  void failNext_write_failsWithEintrAndWritesNothing() {
    Opened o = open("f");
    backend.failNext(Operation.WRITE, Errno.EINTR, 1);
    ByteBuffer src = ByteBuffer.wrap(new byte[] {1, 2, 3});
    assertThat(errnoOf(o.file().write(src, 0))).isEqualTo(Errno.EINTR);
    assertThat(src.position()).isZero();
    assertThat(o.file().size().toCompletableFuture().join()).isZero();
    o.file().close();
  }

  @Test
  void failNext_close_stillClosesUnderlyingFile() {
    Opened o = open("f");
    backend.failNext(Operation.CLOSE, Errno.EIO, 1);
    assertThat(errnoOf(o.file().close())).isEqualTo(Errno.EIO);
    assertThatThrownBy(() -> o.file().size().toCompletableFuture().join())
        .hasCauseInstanceOf(java.nio.channels.ClosedChannelException.class);
  }

  @Test
  void shortTransfers_writeAndRead_moveFewerBytes() {
    Opened o = open("f");
    backend.shortTransfers(Operation.WRITE, 1.0).shortTransfers(Operation.READ, 1.0);
    ByteBuffer src = ByteBuffer.wrap(new byte[100]);
    int written = o.file().write(src, 0).toCompletableFuture().join();
    assertThat(written).isBetween(1, 99);
    assertThat(src.position()).isEqualTo(written);
    assertThat(src.limit()).isEqualTo(100);
    ByteBuffer dst = ByteBuffer.allocate(written);
    int read = o.file().read(dst, 0).toCompletableFuture().join();
    assertThat(read).isBetween(1, Math.max(1, written - 1));
    assertThat(dst.position()).isEqualTo(read);
    o.file().close();
  }

  @Test
  void delay_completesLaterOnSchedulerThread() throws InterruptedException {
    backend.delay(Operation.STORE_INFO, Duration.ofMillis(200));
    assertThat(backend.capabilities()).doesNotContain(Capability.INLINE_COMPLETION);
    long start = System.nanoTime();
    java.util.concurrent.atomic.AtomicReference<String> thread =
        new java.util.concurrent.atomic.AtomicReference<>();
    CompletableFuture<?> f = backend.storeInfo().toCompletableFuture();
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    // Attached well within the delay, so it runs where the stage completes. Waiting on a latch, not
    // on f.join(): a joining thread may itself run the stage's pending callbacks.
    f.whenComplete(
        (v, e) -> {
          thread.set(Thread.currentThread().getName());
          done.countDown();
        });
    assertThat(done.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
    assertThat(thread.get()).isEqualTo("jvfs-fault-latency");
  }

  @Test
  void clearFaults_restoresDelegateBehaviour() {
    backend.failNext(Operation.STORE_INFO, Errno.EIO, 5);
    backend.clearFaults();
    assertThat(backend.storeInfo().toCompletableFuture().join().totalSpace()).isPositive();
    assertThat(backend.capabilities()).isEqualTo(memory.capabilities());
  }

  @Test
  void probeLookup_withLookupFaults_isUnknown() {
    assertThat(backend.probeLookup(backend.root(), Name.of("x")).isKnown()).isTrue();
    backend.failRandomly(Operation.LOOKUP, Errno.EIO, 0.1);
    assertThat(backend.probeLookup(backend.root(), Name.of("x")).isKnown()).isFalse();
  }

  @Test
  void shortTransfers_otherOperation_isRefused() {
    assertThatThrownBy(() -> backend.shortTransfers(Operation.OPEN, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
