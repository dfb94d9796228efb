package org.jvfs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void neverMoreThanKInFlightAndEveryLatencyStored() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long[] latencies = new long[200];
    InFlight.run(
        200,
        3,
        i -> {
          most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          return CompletableFuture.runAsync(
              () -> {
                sleepMicros(200);
                inFlight.decrementAndGet();
                done.incrementAndGet();
              },
              pool);
        },
        latencies);
    assertThat(done).hasValue(200);
    assertThat(most.get()).isBetween(1, 3);
    assertThat(java.util.Arrays.stream(latencies).min().orElseThrow())
        .isGreaterThanOrEqualTo(200_000);
  }

  @Test
  void operationsThatCompleteAtOnce() throws Exception {
    long[] latencies = new long[1000];
    AtomicInteger started = new AtomicInteger();
    InFlight.run(
        1000,
        1,
        i -> {
          started.incrementAndGet();
          return CompletableFuture.completedFuture(i);
        },
        latencies);
    assertThat(started).hasValue(1000);
    assertThat(java.util.Arrays.stream(latencies).min().orElseThrow()).isNotNegative();
  }

  @Test
  void firstFailureIsThrownAfterTheOthersComplete() {
    AtomicInteger done = new AtomicInteger();
    assertThatThrownBy(
            () ->
                InFlight.run(
                    50,
                    4,
                    i ->
                        CompletableFuture.supplyAsync(
                            () -> {
                              done.incrementAndGet();
                              if (i == 10) {
                                throw new IllegalStateException("op 10");
                              }
                              return i;
                            },
                            pool),
                    new long[50]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("op 10");
    assertThat(done.get()).isBetween(11, 50);
  }

  @Test
  void checkedFailureKeepsItsType() {
    assertThatThrownBy(
            () ->
                InFlight.run(
                    5,
                    2,
                    i -> CompletableFuture.failedFuture(new IOException("disk on fire")),
                    new long[5]))
        .isInstanceOf(IOException.class)
        .hasMessage("disk on fire");
  }

  private static void sleepMicros(long us) {
    try {
      Thread.sleep(0, (int) (us * 1000));
      long until = System.nanoTime() + us * 1000;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
