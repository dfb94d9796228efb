package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.spi.Errno;

/** {@link FdRef}: reference counting defers the close to the last release and closes once. */
class FdRefTest {
  private final PosixNative nat = PosixNative.get();
  private final FdCounter counter = new FdCounter();

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

  @Test
  void ownerOnly_closeOwnerCloses() {
    FdRef ref = new FdRef(openDevNull(), counter, FdRef.INLINE);
    assertThat(counter.open()).isEqualTo(1);
    ref.closeOwner();
    assertThat(ref.isClosed()).isTrue();
    assertThat(counter.open()).isZero();
    assertThat(ref.acquire()).as("a closed descriptor cannot be acquired").isFalse();
  }

  @Test
  void closeOwnerWhileLeased_closesAtLastRelease() {
    int fd = openDevNull();
    FdRef ref = new FdRef(fd, counter, FdRef.INLINE);
    assertThat(ref.acquire()).isTrue();
    assertThat(ref.acquire()).isTrue();
    ref.closeOwner();
    assertThat(counter.open()).as("still used twice").isEqualTo(1);
    assertThat(nat.fsync(fd)).as("the descriptor is still open").isNotEqualTo(-Errno.EBADF.code());
    ref.release();
    assertThat(counter.open()).isEqualTo(1);
    ref.release();
    assertThat(counter.open()).isZero();
  }

  @Test
  void closeOwnerTwice_closesOnce() {
    FdRef ref = new FdRef(openDevNull(), counter, FdRef.INLINE);
    ref.closeOwner();
    ref.closeOwner();
    assertThat(counter.open()).as("not closed twice").isZero();
  }

  @Test
  void acquireAfterLastRelease_fails() {
    FdRef ref = new FdRef(openDevNull(), counter, FdRef.INLINE);
    assertThat(ref.acquire()).isTrue();
    ref.closeOwner();
    ref.release();
    assertThat(ref.acquire()).isFalse();
    assertThat(counter.open()).isZero();
  }

  @Test
  void concurrentAcquireRelease_closesExactlyOnce() throws Exception {
    FdRef ref = new FdRef(openDevNull(), counter, FdRef.INLINE);
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  if (ref.acquire()) {
                    ref.release();
                  }
                }
              });
      threads[t].start();
    }
    ref.closeOwner();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(counter.open()).isZero();
  }
}
