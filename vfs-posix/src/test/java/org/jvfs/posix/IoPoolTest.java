package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.ClosedFileSystemException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;

/** {@link IoPool}: bounded, named threads that it knows, EAGAIN when full, shutdown. */
class IoPoolTest {

  private static Throwable cause(CompletableFuture<?> f) throws Exception {
    try {
      f.get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void runsOnNamedThreads() throws Exception {
    IoPool pool = new IoPool(2, 4);
    try {
      assertThat(pool.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS))
          .startsWith("jvfs-posix-io-");
      assertThat(pool.submit(() -> Thread.currentThread().isDaemon()).get(5, TimeUnit.SECONDS))
          .isTrue();
    } finally {
      pool.close();
    }
  }

  @Test
  void tellsItsOwnThreads() throws Exception {
    IoPool pool = new IoPool(1, 4);
    IoPool other = new IoPool(1, 4);
    try {
      assertThat(pool.onIoThread()).isFalse();
      assertThat(pool.submit(pool::onIoThread).get(5, TimeUnit.SECONDS)).isTrue();
      assertThat(other.submit(pool::onIoThread).get(5, TimeUnit.SECONDS))
          .as("another pool's thread")
          .isFalse();
    } finally {
      pool.close();
      other.close();
    }
  }

  @Test
  void taskFailure_failsItsFuture() throws Exception {
    IoPool pool = new IoPool(1, 1);
    try {
      Throwable t =
          cause(
              pool.submit(
                  () -> {
                    throw new BackendException(Errno.ENOENT);
                  }));
      assertThat(t).isInstanceOf(BackendException.class);
    } finally {
      pool.close();
    }
  }

  @Test
  void full_failsWithEagainAtOnce() throws Exception {
    IoPool pool = new IoPool(2, 1);
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      IoPool.Task<String> blocked =
          () -> {
            started.countDown();
            go.await();
            return "done";
          };
      CompletableFuture<String> a = pool.submit(blocked);
      CompletableFuture<String> b = pool.submit(blocked);
      assertThat(started.await(5, TimeUnit.SECONDS)).as("both threads busy").isTrue();
      CompletableFuture<String> queued = pool.submit(() -> "queued");
      CompletableFuture<String> rejected = pool.submit(() -> "rejected");
      assertThat(rejected).isCompletedExceptionally();
      assertThat(cause(rejected))
          .isInstanceOfSatisfying(
              BackendException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EAGAIN));
      go.countDown();
      assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo("done");
      assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo("done");
      assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("queued");
    } finally {
      go.countDown();
      pool.close();
    }
  }

  @Test
  void afterClose_failsWithClosedFileSystem() throws Exception {
    IoPool pool = new IoPool(1, 1);
    pool.close();
    assertThat(cause(pool.submit(() -> "late"))).isInstanceOf(ClosedFileSystemException.class);
  }

  @Test
  void close_waitsForRunningTasks() throws Exception {
    IoPool pool = new IoPool(1, 1);
    CompletableFuture<String> slow =
        pool.submit(
            () -> {
              Thread.sleep(100);
              return "slow";
            });
    pool.close();
    assertThat(slow).isCompletedWithValue("slow");
  }
}
