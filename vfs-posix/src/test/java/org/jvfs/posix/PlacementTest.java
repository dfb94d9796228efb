package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.ClosedFileSystemException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jvfs.posix.Placement.Mode;
import org.jvfs.posix.Placement.WouldBlock;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;

/**
 * {@link Placement}: the rule, with calls that record where and in which mode they ran. On an IO
 * thread a call runs there in full; elsewhere, with calls tried there, first in its nonblocking
 * form on the caller's thread and, from its first step that would block, in full on the pool; with
 * calls not tried there, on the pool; a call without a nonblocking form on the pool; and the flags
 * each mode gives its steps.
 */
@DisplayName("Where a posix call runs")
class PlacementTest {
  private final IoPool pool = new IoPool(2, 16);
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Where each run of a call happened: the thread's name and the mode. */
  private final List<String> runs = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    pool.close();
  }

  private Placement placement(boolean tryHere) {
    return new Placement(pool, tryHere, closed::get);
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(5, TimeUnit.SECONDS);
  }

  /** A call that records each run and, in NONBLOCKING, gives up if {@code blocks}. */
  private Placement.Call<String> call(boolean blocks) {
    return mode -> {
      runs.add(where() + " " + mode);
      if (mode == Mode.NONBLOCKING && blocks) {
        throw WouldBlock.INSTANCE;
      }
      return "done";
    };
  }

  private static String where() {
    return Thread.currentThread().getName().startsWith("jvfs-posix-io-") ? "io" : "caller";
  }

  @Test
  void onACallersThread_aCallThatNeverBlocks_runsThereAndIsDoneOnReturn() throws Exception {
    CompletableFuture<String> f = placement(true).run(call(false));
    assertThat(f).isCompletedWithValue("done");
    assertThat(runs).containsExactly("caller NONBLOCKING");
  }

  @Test
  void onACallersThread_aCallThatWouldBlock_startsAgainInFullOnTheIoPool() throws Exception {
    assertThat(get(placement(true).run(call(true)))).isEqualTo("done");
    assertThat(runs).containsExactly("caller NONBLOCKING", "io MAY_BLOCK");
  }

  @Test
  void onACallersThread_aFailure_isTheAnswer_notRetried() {
    Placement.Call<String> failing =
        mode -> {
          runs.add(where() + " " + mode);
          throw new BackendException(Errno.ENOENT);
        };
    CompletableFuture<String> f = placement(true).run(failing);
    assertThat(f).isCompletedExceptionally();
    assertThat(catchThrowable(f::join)).hasCauseInstanceOf(BackendException.class);
    assertThat(runs).containsExactly("caller NONBLOCKING");
  }

  @Test
  void withCallsNotTriedThere_everyCallRunsOnTheIoPool() throws Exception {
    assertThat(get(placement(false).run(call(false)))).isEqualTo("done");
    assertThat(runs).containsExactly("io MAY_BLOCK");
    assertThat(placement(false).here()).isNull();
  }

  @Test
  void onAnIoThread_everyCallRunsThereInFull_andIsDoneOnReturn() throws Exception {
    for (boolean tryHere : new boolean[] {true, false}) {
      Placement p = placement(tryHere);
      CompletableFuture<Boolean[]> seen =
          pool.submit(
              () ->
                  new Boolean[] {
                    p.run(call(true)).isDone(),
                    p.runBlocking(() -> where()).isDone(),
                    p.here() == Mode.MAY_BLOCK
                  });
      assertThat(get(seen)).containsOnly(true);
    }
    assertThat(runs).containsExactly("io MAY_BLOCK", "io MAY_BLOCK");
  }

  @Test
  void onACallersThread_aCallWithoutANonblockingForm_runsOnTheIoPool() throws Exception {
    assertThat(get(placement(true).runBlocking(PlacementTest::where))).isEqualTo("io");
  }

  @Test
  void afterClose_everyCallFails() {
    closed.set(true);
    for (CompletableFuture<?> f :
        List.of(placement(true).run(call(false)), placement(true).runBlocking(() -> "x"))) {
      assertThat(catchThrowable(() -> f.get(5, TimeUnit.SECONDS)))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(ClosedFileSystemException.class);
    }
    assertThat(runs).isEmpty();
  }

  @Test
  void nonblockingSteps_carryTheFlagsThatKeepThemFromWaiting() {
    assertThat(Placement.cachedOnly(Mode.NONBLOCKING)).isTrue();
    assertThat(Placement.cachedOnly(Mode.MAY_BLOCK)).isFalse();
    assertThat(Placement.statxSync(Mode.NONBLOCKING)).isEqualTo(Linux.AT_STATX_DONT_SYNC);
    assertThat(Placement.statxSync(Mode.MAY_BLOCK)).isEqualTo(Linux.AT_STATX_SYNC_AS_STAT);
    assertThat(Placement.readFlags(Mode.NONBLOCKING)).isEqualTo(Linux.RWF_NOWAIT);
    assertThat(Placement.readFlags(Mode.MAY_BLOCK)).isZero();
  }

  @Test
  void onACallersThread_aWholeFileReadIsOneReadOfTheThreadsBuffer() {
    int buffer = PosixNative.IO_SCRATCH;
    assertThat(Placement.readsHere(Mode.NONBLOCKING, buffer - 1)).isTrue();
    assertThat(Placement.readsHere(Mode.NONBLOCKING, buffer))
        .as("no room to see the end")
        .isFalse();
    assertThat(Placement.readsHere(Mode.MAY_BLOCK, 1L << 40)).isTrue();
  }

  @Test
  void notNow_givesUpInNonblockingMode_andIsTriedAgainLaterOnAnIoThread() {
    for (int errno : new int[] {Linux.EAGAIN, Linux.EMFILE, Linux.ENFILE}) {
      assertThat(catchThrowable(() -> Placement.opened(Mode.NONBLOCKING, -errno)))
          .as("errno %s", errno)
          .isSameAs(WouldBlock.INSTANCE);
    }
    assertThat(catchThrowable(() -> Placement.opened(Mode.MAY_BLOCK, -Linux.EAGAIN)))
        .as("a lease being broken")
        .isSameAs(Placement.NotYet.LEASE);
    assertThat(catchThrowable(() -> Placement.opened(Mode.MAY_BLOCK, -Linux.EMFILE))).isNull();
    assertThat(catchThrowable(() -> Placement.opened(Mode.NONBLOCKING, -Linux.ENOENT))).isNull();
    for (int errno :
        new int[] {Linux.EAGAIN, Linux.EOPNOTSUPP, Linux.EINVAL, Linux.ENOSYS, Linux.EINTR}) {
      assertThat(catchThrowable(() -> Placement.read(Mode.NONBLOCKING, -errno)))
          .as("errno %s", errno)
          .isSameAs(WouldBlock.INSTANCE);
    }
    assertThat(catchThrowable(() -> Placement.read(Mode.NONBLOCKING, -Linux.ENOENT))).isNull();
  }

  /** A call that cannot complete its first {@code n} tries ({@link Placement.NotYet}). */
  private Placement.Call<String> notYet(int n, Placement.NotYet why) {
    java.util.concurrent.atomic.AtomicInteger tries =
        new java.util.concurrent.atomic.AtomicInteger();
    return mode -> {
      runs.add(where() + " " + mode);
      if (mode == Mode.NONBLOCKING) {
        throw WouldBlock.INSTANCE;
      }
      if (tries.incrementAndGet() <= n) {
        throw why;
      }
      return "done";
    };
  }

  @Test
  void aCallThatCannotCompleteYet_isTriedAgainOnThePool_holdingNoIoThreadMeanwhile()
      throws Exception {
    Placement p = placement(true);
    CompletableFuture<String> f = p.run(notYet(5, Placement.NotYet.LEASE));
    assertThat(get(f)).isEqualTo("done");
    assertThat(runs)
        .containsExactly(
            "caller NONBLOCKING",
            "io MAY_BLOCK",
            "io MAY_BLOCK",
            "io MAY_BLOCK",
            "io MAY_BLOCK",
            "io MAY_BLOCK",
            "io MAY_BLOCK");
    // Made on an IO thread, the call is not done on return: it does not wait there.
    CompletableFuture<Boolean> onIo =
        pool.submit(() -> p.run(notYet(1, Placement.NotYet.LEASE)).isDone());
    assertThat(get(onIo)).isFalse();
  }

  @Test
  void aCallWaitingToBeTriedAgain_failsWhenTheBackendCloses() {
    Placement p = placement(false);
    CompletableFuture<String> f = p.run(notYet(Integer.MAX_VALUE, Placement.NotYet.LEASE));
    closed.set(true);
    p.close();
    assertThat(catchThrowable(() -> f.get(5, TimeUnit.SECONDS)))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ClosedFileSystemException.class);
  }
}
