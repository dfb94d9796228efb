package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.SyscallTrace;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.Name;
import org.jvfs.spi.OpenFlags;

/**
 * {@link Closer}: descriptors handed to it are closed on its thread, never on the thread that hands
 * them over; a thread that may block closes what is pending itself; stopping closes everything. And
 * the posix backend hands it every descriptor a caller's thread would close: the last close of a
 * file another process deleted frees the file's blocks on the closing thread (90 ms for an 8 GiB
 * file was measured), so none runs there ({@link SyscallTrace} shows it).
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("Descriptors a caller's thread gives up are closed on the closer's thread")
class CloserTest {
  private static final long WAIT = 10;

  private final PosixNative nat = PosixNative.get();

  private int openDevNull() {
    int fd =
        nat.openat(
            Linux.AT_FDCWD,
            "/dev/null".getBytes(StandardCharsets.US_ASCII),
            Linux.O_RDONLY | Linux.O_CLOEXEC,
            0);
    assertThat(fd).isNotNegative();
    return fd;
  }

  private boolean isOpen(int fd) {
    return nat.fcntl(fd, Linux.F_GETFL, 0) >= 0;
  }

  @Test
  void close_runsOnTheClosersThread_thenItsFollowUp() throws Exception {
    Closer closer = new Closer();
    try {
      int fd = openDevNull();
      CountDownLatch done = new CountDownLatch(1);
      AtomicReference<String> where = new AtomicReference<>();
      AtomicReference<Boolean> closedFirst = new AtomicReference<>();
      closer.close(
          fd,
          () -> {
            where.set(Thread.currentThread().getName());
            closedFirst.set(!isOpen(fd));
            done.countDown();
          });
      assertThat(done.await(WAIT, TimeUnit.SECONDS)).isTrue();
      assertThat(where.get()).startsWith("jvfs-posix-close-");
      assertThat(closedFirst.get()).as("closed before the follow-up ran").isTrue();
    } finally {
      closer.stop();
    }
  }

  @Test
  void closesNobodyWaitsFor_areGathered_andClosedWithinANap() throws Exception {
    Closer closer = new Closer();
    try {
      int[] fds = new int[3];
      for (int i = 0; i < fds.length; i++) {
        fds[i] = openDevNull();
        closer.close(fds[i], null);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
      for (int fd : fds) {
        while (isOpen(fd)) {
          assertThat(System.nanoTime()).as("closed with the next batch").isLessThan(deadline);
          Thread.sleep(1);
        }
      }
    } finally {
      closer.stop();
    }
  }

  @Test
  void drain_closesWhatIsPending_onTheCallingThread() throws Exception {
    Closer closer = new Closer();
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      closer.execute(
          () -> {
            busy.countDown();
            try {
              release.await(WAIT, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      assertThat(busy.await(WAIT, TimeUnit.SECONDS)).as("the closer's thread is held").isTrue();
      int a = openDevNull();
      int b = openDevNull();
      closer.close(a, null);
      closer.close(b, null);
      assertThat(isOpen(a) && isOpen(b)).as("pending").isTrue();
      assertThat(closer.drain()).isEqualTo(2);
      assertThat(isOpen(a) || isOpen(b)).isFalse();
      assertThat(closer.drain()).isZero();
    } finally {
      release.countDown();
      closer.stop();
    }
  }

  @Test
  void stop_closesWhatIsPending_andLaterClosesRunOnTheirCaller() {
    Closer closer = new Closer();
    CountDownLatch release = new CountDownLatch(1);
    closer.execute(
        () -> {
          try {
            release.await(WAIT, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    int a = openDevNull();
    closer.close(a, null);
    release.countDown();
    closer.stop();
    assertThat(isOpen(a)).isFalse();
    int b = openDevNull();
    closer.close(b, null);
    assertThat(isOpen(b)).as("closed at once after stop").isFalse();
    closer.stop(); // idempotent
  }

  @Test
  void aCallersThread_closesNothing_evenTheLastDescriptorOfADeletedFile() throws Exception {
    Path root = TempRoot.create("posix-closer");
    try (RandomAccessFile big = new RandomAccessFile(root.resolve("big").toFile(), "rw")) {
      big.setLength(1L << 30);
    }
    Files.writeString(root.resolve("small"), "small");
    PosixBackend backend = PosixBackend.open(PosixOptions.builder(root).watch(false).build());
    try {
      Opened opened =
          backend
              .open(backend.root(), Name.of("big"), OpenFlags.READ, null)
              .toCompletableFuture()
              .get(WAIT, TimeUnit.SECONDS);
      Files.delete(root.resolve("big")); // the descriptor is now the file's last reference
      CompletableFuture<?>[] later = new CompletableFuture<?>[3];
      List<SyscallTrace.Call> calls =
          CallerThread.returns(
              () -> {
                try (SyscallTrace trace = SyscallTrace.start(Thread.currentThread())) {
                  later[0] = opened.file().close().toCompletableFuture();
                  later[1] =
                      backend
                          .readFile(backend.root(), Name.of("small"), Long.MAX_VALUE)
                          .toCompletableFuture();
                  later[2] =
                      CompletableFuture.completedFuture(
                          backend.probeLookup(backend.root(), Name.of("small")));
                  return trace.calls();
                }
              });
      assertThat(calls).extracting(SyscallTrace.Call::name).doesNotContain("close");
      later[0].get(WAIT, TimeUnit.SECONDS);
      assertThat(backend.heldDescriptors()).as("closed when its future completes").isZero();
      assertThat(later[1].get(WAIT, TimeUnit.SECONDS))
          .isEqualTo("small".getBytes(StandardCharsets.UTF_8));
    } finally {
      backend.close();
      TempRoot.delete(root);
    }
  }
}
