package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;

/**
 * {@link Poller}: a step on a nonblocking FIFO descriptor runs when the descriptor is ready, on the
 * poller's thread, as often as it is not ready yet; a cancelled or closed poller's waits fail, and
 * the descriptors they held are let go.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("The poller runs a stream's steps when its descriptor is ready")
class PollerTest {
  private static final long WAIT = 10;

  private final PosixNative nat = PosixNative.get();
  private final Path dir = TempRoot.create("posix-poller");
  private final FdCounter counter = new FdCounter();
  private final Poller poller = new Poller();
  private FdRef reader;
  private int writer;

  @BeforeEach
  void setUp() throws Exception {
    FifoTest.mkfifo(dir.resolve("p"));
    byte[] p = dir.resolve("p").toString().getBytes(StandardCharsets.UTF_8);
    int r = nat.openat(Linux.AT_FDCWD, p, Linux.O_RDONLY | Linux.O_NONBLOCK | Linux.O_CLOEXEC, 0);
    reader = new FdRef(r, counter, FdRef.INLINE);
    writer = nat.openat(Linux.AT_FDCWD, p, Linux.O_WRONLY | Linux.O_NONBLOCK | Linux.O_CLOEXEC, 0);
    assertThat(writer).isNotNegative();
  }

  @AfterEach
  void tearDown() {
    poller.close();
    reader.closeOwner();
    nat.close(writer);
    TempRoot.delete(dir);
  }

  /** Reads what is there; not ready if nothing is. */
  private String read(int fd) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(64);
    long n = nat.read(fd, b);
    if (n == -Linux.EAGAIN) {
      throw Placement.WouldBlock.INSTANCE;
    }
    PosixErrors.check(n);
    return Thread.currentThread().getName() + ":" + new String(b.array(), 0, (int) n, "UTF-8");
  }

  @Test
  void aStep_runsOnThePollersThread_onceTheDescriptorIsReady() throws Exception {
    CompletableFuture<String> got = poller.when(reader, Linux.POLLIN, this::read);
    assertThat(got).isNotDone();
    nat.write(writer, ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(got.get(WAIT, TimeUnit.SECONDS)).matches("jvfs-posix-poll-\\d+:hello");
    assertThat(poller.waiting()).isZero();
  }

  @Test
  void cancel_failsTheWaits_andLetsGoOfTheDescriptor() throws Exception {
    CompletableFuture<String> a = poller.when(reader, Linux.POLLIN, this::read);
    CompletableFuture<String> b = poller.when(reader, Linux.POLLIN, this::read);
    assertThat(poller.waiting()).isEqualTo(2);
    reader.closeOwner();
    assertThat(counter.open()).as("held by the waits").isEqualTo(1);
    poller.cancel(reader);
    for (CompletableFuture<String> f : java.util.List.of(a, b)) {
      assertThat(catchThrowable(() -> f.get(WAIT, TimeUnit.SECONDS)))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(AsynchronousCloseException.class);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
    while (counter.open() > 0) {
      assertThat(System.nanoTime()).as("the poller lets go").isLessThan(deadline);
      Thread.sleep(1);
    }
    assertThat(catchThrowable(() -> poller.when(reader, Linux.POLLIN, this::read).join()))
        .hasCauseInstanceOf(ClosedChannelException.class);
  }

  @Test
  void close_failsEveryWait() {
    CompletableFuture<String> a = poller.when(reader, Linux.POLLIN, this::read);
    poller.close();
    assertThat(catchThrowable(() -> a.get(WAIT, TimeUnit.SECONDS)))
        .hasCauseInstanceOf(AsynchronousCloseException.class);
    assertThat(catchThrowable(() -> poller.when(reader, Linux.POLLIN, this::read).join()))
        .hasCauseInstanceOf(AsynchronousCloseException.class);
  }
}
