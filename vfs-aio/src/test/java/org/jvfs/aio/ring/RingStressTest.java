package org.jvfs.aio.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jvfs.aio.ring.Fixtures.NAT;
import static org.jvfs.aio.ring.Fixtures.direct;
import static org.jvfs.aio.ring.Fixtures.neg;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.spi.Errno;

/**
 * The ring under load: ten times the CQ's size submitted at once from several threads, 100,000
 * cancel races, a provoked CQ overflow. Nothing may be lost, completed twice, or written by the
 * kernel into a buffer after its operation completed.
 */
class RingStressTest {
  private static final int ECANCELED = neg(Errno.ECANCELED);
  private static final int ENOENT = neg(Errno.ENOENT);
  private static final int EALREADY = -114;
  private static final int ETIME = -62;
  private static final int EINTR = neg(Errno.EINTR);

  @BeforeEach
  void setUp() {
    Fixtures.assumeUring();
  }

  private static int[] pipe(int flags) {
    int[] p = new int[2];
    assertThat(NAT.pipe2(p, IoUring.O_CLOEXEC | flags)).isZero();
    return p;
  }

  @Test
  void tenTimesTheCqSize_fromFourThreads_allCompleteExactlyOnce() throws Exception {
    try (Ring ring = Ring.open(RingConfig.builder().entries(32).cqEntries(64).build())) {
      int threads = 4;
      int total = 10 * ring.cqEntries();
      int each = total / threads;
      AtomicIntegerArray completions = new AtomicIntegerArray(total);
      AtomicIntegerArray results = new AtomicIntegerArray(total);
      int[][] pipes = new int[threads][];
      int[] readsPerPipe = new int[threads];
      for (int t = 0; t < threads; t++) {
        pipes[t] = pipe(0);
        for (int i = 0; i < each; i++) {
          if (i % 4 != 3) {
            readsPerPipe[t]++;
          }
        }
      }
      AtomicReference<Throwable> failure = new AtomicReference<>();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> submitters = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int tt = t;
        Thread th =
            new Thread(
                () -> {
                  try {
                    go.await();
                    for (int i = 0; i < each; i++) {
                      int id = tt * each + i;
                      OpFuture f =
                          i % 4 == 3
                              ? ring.submit(Sqe::nop)
                              : ring.submit(s -> s.read(pipes[tt][0], direct(1), -1));
                      f.whenComplete(
                          (res, err) -> {
                            completions.incrementAndGet(id);
                            results.set(id, err == null ? res : Integer.MIN_VALUE);
                          });
                    }
                  } catch (Throwable e) {
                    failure.set(e);
                  }
                });
        th.start();
        submitters.add(th);
      }
      go.countDown();
      // Let the reads fill the table: the submitters then wait for slots.
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (ring.inFlight() < ring.maxInFlight() && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      assertThat(ring.inFlight()).isEqualTo(ring.maxInFlight());
      ByteBuffer one = direct(1);
      long addr = NAT.address(one);
      for (int round = 0; round < each; round++) {
        for (int t = 0; t < threads; t++) {
          if (round < readsPerPipe[t]) {
            assertThat(NAT.write(pipes[t][1], addr, 1)).isEqualTo(1);
          }
        }
      }
      Reference.reachabilityFence(one);
      for (Thread th : submitters) {
        th.join(20_000);
      }
      assertThat(failure.get()).isNull();
      deadline = System.nanoTime() + 10_000_000_000L;
      while (ring.inFlight() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      for (int id = 0; id < total; id++) {
        assertThat(completions.get(id)).as("completions of op %d", id).isEqualTo(1);
        int expected = (id % each) % 4 == 3 ? 0 : 1;
        assertThat(results.get(id)).as("result of op %d", id).isEqualTo(expected);
      }
      Ring.Stats s = ring.stats();
      assertThat(s.completions()).isEqualTo(total);
      assertThat(s.duplicateCompletions()).isZero();
      assertThat(s.staleCqes()).isZero();
      assertThat(s.maxInFlight()).isEqualTo(ring.maxInFlight());
      assertThat(ring.cqDropped()).isZero();
      for (int[] p : pipes) {
        Fixtures.close(p[0]);
        Fixtures.close(p[1]);
      }
    }
  }

  @Test
  void cancelRaces_100000_noBufferWrittenAfterItsCompletion_noDoubleCompletion() throws Exception {
    int threads = 2;
    int batch = 32;
    int perThread = 1563 * batch; // 50,016: 100,032 races in all
    try (Ring ring = Ring.open(RingConfig.builder().entries(128).build())) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      int[][] outcomes = new int[threads][6];
      List<Thread> ts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int tt = t;
        Thread th =
            new Thread(
                () -> {
                  try {
                    races(ring, perThread, batch, new SplittableRandom(42 + tt), outcomes[tt]);
                  } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                  }
                });
        th.start();
        ts.add(th);
      }
      for (Thread th : ts) {
        th.join();
      }
      if (failure.get() != null) {
        throw new AssertionError(failure.get());
      }
      Ring.Stats s = ring.stats();
      assertThat(s.duplicateCompletions()).isZero();
      assertThat(s.staleCqes()).isZero();
      int[] sum = new int[6];
      for (int[] o : outcomes) {
        for (int i = 0; i < 6; i++) {
          sum[i] += o[i];
        }
      }
      System.out.printf(
          "cancel races: %d reads cancelled, %d completed with data; cancels: %d found, %d"
              + " ENOENT, %d EALREADY; %d with a link timeout%n",
          sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]);
      assertThat(sum[0] + sum[1]).isEqualTo(threads * perThread);
      assertThat(sum[0]).isPositive();
      assertThat(sum[1]).isPositive();
    }
  }

  /**
   * One thread's races, {@code batch} at a time on a fresh pipe: a read (1 in 4 linked to a short
   * LINK_TIMEOUT), an ASYNC_CANCEL of it, and bytes written before or after the cancel at random.
   */
  private static void races(Ring ring, int n, int batch, SplittableRandom rnd, int[] outcome) {
    ByteBuffer[] bufs = new ByteBuffer[batch];
    for (int i = 0; i < batch; i++) {
      bufs[i] = direct(8);
    }
    ByteBuffer src = direct(8);
    long srcAddr = NAT.address(src);
    ByteBuffer sink = direct(4096);
    long sinkAddr = NAT.address(sink);
    for (int done = 0; done < n; done += batch) {
      int[] p = pipe(0);
      OpFuture[] reads = new OpFuture[batch];
      OpFuture[] timeouts = new OpFuture[batch];
      OpFuture[] cancels = new OpFuture[batch];
      long written = 0;
      for (int i = 0; i < batch; i++) {
        ByteBuffer buf = bufs[i];
        if (rnd.nextInt(4) == 0) {
          long ns = rnd.nextInt(20_000);
          OpFuture[] fs = ring.submitAll(s -> s.read(p[0], buf, -1).link(), s -> s.linkTimeout(ns));
          reads[i] = fs[0];
          timeouts[i] = fs[1];
          outcome[5]++;
        } else {
          reads[i] = ring.submit(s -> s.read(p[0], buf, -1));
        }
        // The buffer is the test's "release": once the read completes, paint a canary into it.
        reads[i].whenComplete((r, e) -> buf.putLong(0, 0xA5A5A5A5A5A5A5A5L));
        if (rnd.nextBoolean()) {
          written += NAT.write(p[1], srcAddr, 1 + rnd.nextInt(3));
        }
        cancels[i] = ring.cancel(reads[i]);
        if (rnd.nextInt(3) == 0) {
          written += NAT.write(p[1], srcAddr, 1);
        }
      }
      // A cancel can miss a read that is between two tries (woken by a byte another read then
      // took, about to poll again): it says -ENOENT or -EALREADY and the read waits on. End of
      // file completes those with 0.
      Fixtures.close(p[1]);
      long read = 0;
      for (int i = 0; i < batch; i++) {
        int r = reads[i].join();
        int c = cancels[i].join();
        assertThat(c).as("cancel result").isIn(0, ENOENT, EALREADY);
        if (r == ECANCELED || r == EINTR) {
          outcome[0]++;
        } else {
          assertThat(r).as("read result").isBetween(0, 8);
          read += r;
          outcome[1]++;
        }
        if (c == 0) {
          assertThat(r).as("a found cancel cancels").isIn(ECANCELED, EINTR);
          outcome[2]++;
        } else if (c == ENOENT) {
          outcome[3]++;
        } else {
          outcome[4]++;
        }
        if (timeouts[i] != null) {
          assertThat(timeouts[i].join()).isIn(ETIME, ECANCELED, ENOENT, 0);
        }
      }
      // Every byte written was read by a completed read or is still in the pipe.
      long left = 0;
      long got;
      while ((got = NAT.read(p[0], sinkAddr, 4096)) > 0) {
        left += got;
      }
      Fixtures.close(p[0]);
      assertThat(read + left).as("bytes accounted for").isEqualTo(written);
      // The native calls above got only addresses: keep the buffers alive across them.
      Reference.reachabilityFence(src);
      Reference.reachabilityFence(sink);
      // No read wrote into its buffer after completing: every canary is intact.
      for (int i = 0; i < batch; i++) {
        assertThat(bufs[i].getLong(0)).as("canary of buffer %d", i).isEqualTo(0xA5A5A5A5A5A5A5A5L);
      }
    }
  }

  @Test
  void cqOverflow_provoked_nothingLostNorCompletedTwice() throws Exception {
    try (Ring ring =
        Ring.open(
            RingConfig.builder()
                .entries(8)
                .cqEntries(16)
                .maxInFlight(64)
                .allowCqOverflowForTesting()
                .reaper(false)
                .build())) {
      assertThat(ring.features() & IoUring.IORING_FEAT_NODROP).isNotZero();
      ring.pauseReaping(true);
      List<OpFuture> fs = new ArrayList<>();
      for (int b = 0; b < 8; b++) {
        for (OpFuture f :
            ring.submitAll(
                Sqe::nop, Sqe::nop, Sqe::nop, Sqe::nop, Sqe::nop, Sqe::nop, Sqe::nop, Sqe::nop)) {
          fs.add(f);
        }
      }
      assertThat(ring.cqOverflowFlag()).as("IORING_SQ_CQ_OVERFLOW").isTrue();
      assertThat(ring.cqDropped()).as("dropped CQEs").isZero();
      assertThat(fs).noneMatch(OpFuture::isDone);
      ring.pauseReaping(false);
      ring.reap();
      assertThat(fs).allMatch(f -> f.isDone() && f.join() == 0);
      Ring.Stats s = ring.stats();
      assertThat(s.completions()).isEqualTo(64);
      assertThat(s.duplicateCompletions()).isZero();
      assertThat(s.overflowFlushes()).isPositive();
      assertThat(ring.cqOverflowFlag()).isFalse();
      System.out.printf(
          "overflow: 64 NOPs into a 16-entry CQ, %d overflow flushes, %d EBUSY, %d EAGAIN%n",
          s.overflowFlushes(), s.ebusy(), s.eagain());
    }
  }
}
