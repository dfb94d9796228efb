package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.jvfs.Saturation;

class OpContextTest {
  @Test
  void acquire_takesOneSlotOnce_andReleaseGivesItBack() {
    Semaphore s = new Semaphore(2);
    OpContext ctx = new OpContext(s, Saturation.FAIL);
    ctx.acquire();
    ctx.acquire();
    assertThat(s.availablePermits()).isEqualTo(1);
    ctx.release();
    ctx.release();
    assertThat(s.availablePermits()).isEqualTo(2);
  }

  @Test
  void acquire_saturatedUnderFail_isRejected() {
    Semaphore s = new Semaphore(0);
    OpContext ctx = new OpContext(s, Saturation.FAIL);
    assertThatThrownBy(ctx::acquire).isInstanceOf(RejectedExecutionException.class);
    ctx.release();
    assertThat(s.availablePermits()).isZero();
  }

  @Test
  void acquire_saturatedUnderWait_blocksTheCallerUntilASlotFrees() throws Exception {
    Semaphore s = new Semaphore(0);
    CompletableFuture<Boolean> acquired = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              OpContext ctx = new OpContext(s, Saturation.WAIT);
              ctx.acquire();
              acquired.complete(true);
            });
    caller.start();
    while (!s.hasQueuedThreads()) {
      Thread.onSpinWait();
    }
    assertThat(acquired).isNotDone();
    s.release();
    caller.join();
    assertThat(acquired).isCompletedWithValue(true);
  }

  @Test
  void acquire_fromAnotherThreadWhenSaturated_neverBlocksOrFails() throws Exception {
    Semaphore s = new Semaphore(0);
    OpContext ctx = new OpContext(s, Saturation.WAIT);
    Thread io = new Thread(ctx::acquire);
    io.start();
    io.join(5_000);
    assertThat(io.isAlive()).isFalse();
    ctx.release();
    assertThat(s.availablePermits()).isZero();
  }
}
