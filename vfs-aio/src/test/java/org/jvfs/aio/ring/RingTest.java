package org.jvfs.aio.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jvfs.aio.ring.Fixtures.NAT;
import static org.jvfs.aio.ring.Fixtures.direct;
import static org.jvfs.aio.ring.Fixtures.neg;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.spi.Errno;

/** {@link Ring}: lifecycle, batching, reaping, enter's errors, close. */
class RingTest {
  @BeforeEach
  void setUp() {
    Fixtures.assumeUring();
  }

  private static int[] pipe() {
    int[] p = new int[2];
    assertThat(NAT.pipe2(p, IoUring.O_CLOEXEC)).isZero();
    return p;
  }

  private static void writeByte(int fd) {
    ByteBuffer one = direct(1).put(0, (byte) 7);
    assertThat(NAT.write(fd, NAT.address(one), 1)).isEqualTo(1);
  }

  @Test
  void openAndClose_manyRings_releaseEveryDescriptorAndMapping() throws Exception {
    RingConfig cfg =
        RingConfig.builder().entries(16).eventFd(true).directFiles(8).fixedBuffers(2, 4096).build();
    Ring.open(cfg).close(); // warm up
    long before = Fixtures.fdCount();
    for (int i = 0; i < 50; i++) {
      try (Ring r = Ring.open(cfg)) {
        assertThat(r.await(r.submit(Sqe::nop))).isZero();
      }
    }
    assertThat(Fixtures.fdCount()).isEqualTo(before);
  }

  @Test
  void close_isIdempotent_andLaterSubmissionsFailWithClosedChannelException() throws Exception {
    Ring r = Ring.open(RingConfig.builder().entries(8).build());
    r.close();
    r.close();
    assertThat(r.isClosed()).isTrue();
    OpFuture f = r.submit(Sqe::nop);
    assertThatThrownBy(f::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ClosedChannelException.class);
  }

  @Test
  void close_completesAPendingRead_throughItsCqe() throws Exception {
    int[] p = pipe();
    try {
      Ring r = Ring.open(RingConfig.builder().entries(8).build());
      ByteBuffer buf = direct(16);
      OpFuture read = r.submit(s -> s.read(p[0], buf, -1));
      assertThat(read).isNotDone();
      r.close();
      // Not failed by fiat: the kernel cancelled it and said so in its CQE.
      assertThat(read.join()).isEqualTo(neg(Errno.ECANCELED));
      assertThat(r.stats().abandonedAtClose()).isZero();
      assertThat(r.inFlight()).isZero();
    } finally {
      Fixtures.close(p[0]);
      Fixtures.close(p[1]);
    }
  }

  @Test
  void submit_ofAnInlineOperation_completesBeforeSubmitReturns_withoutAReaper() throws Exception {
    try (Ring r = Ring.open(RingConfig.builder().entries(8).reaper(false).build())) {
      OpFuture f = r.submit(Sqe::nop);
      assertThat(f).isDone(); // reaped by the submitter right after its io_uring_enter
      assertThat(f.join()).isZero();
    }
  }

  @Test
  void submit_fromManyThreads_isBatchedIntoFewerEnters() throws Exception {
    try (Ring r = Ring.open(RingConfig.builder().entries(64).build())) {
      int threads = 4;
      int each = 20_000;
      CountDownLatch go = new CountDownLatch(1);
      AtomicInteger done = new AtomicInteger();
      List<Thread> ts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread th =
            new Thread(
                () -> {
                  try {
                    go.await();
                  } catch (InterruptedException e) {
                    return;
                  }
                  List<OpFuture> fs = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    fs.add(r.submit(Sqe::nop));
                  }
                  for (OpFuture f : fs) {
                    assertThat(f.join()).isZero();
                    done.incrementAndGet();
                  }
                });
        th.start();
        ts.add(th);
      }
      go.countDown();
      for (Thread th : ts) {
        th.join();
      }
      Ring.Stats s = r.stats();
      assertThat(done.get()).isEqualTo(threads * each);
      assertThat(s.sqesSubmitted()).isEqualTo(threads * each);
      assertThat(s.completions()).isEqualTo(threads * each);
      assertThat(s.enterCalls()).isLessThan(s.sqesSubmitted());
      System.out.printf(
          "batching: %d SQEs in %d io_uring_enter calls (%.2f per call)%n",
          s.sqesSubmitted(), s.enterCalls(), (double) s.sqesSubmitted() / s.enterCalls());
    }
  }

  @Test
  void whenFullFail_rejectsBeyondTheBound() throws Exception {
    int[] p = pipe();
    try (Ring r =
        Ring.open(
            RingConfig.builder()
                .entries(8)
                .maxInFlight(4)
                .whenFull(RingConfig.WhenFull.FAIL)
                .build())) {
      List<OpFuture> reads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        reads.add(r.submit(s -> s.read(p[0], direct(1), -1)));
      }
      OpFuture fifth = r.submit(Sqe::nop);
      assertThatThrownBy(fifth::join).hasCauseInstanceOf(RejectedExecutionException.class);
      for (int i = 0; i < 4; i++) {
        writeByte(p[1]);
      }
      for (OpFuture f : reads) {
        assertThat(f.join()).isEqualTo(1);
      }
    } finally {
      Fixtures.close(p[0]);
      Fixtures.close(p[1]);
    }
  }

  @Test
  void eventFd_isSignalledOnCompletion() throws Exception {
    try (Ring r = Ring.open(RingConfig.builder().entries(8).eventFd(true).build())) {
      assertThat(r.eventFd()).isNotNegative();
      r.await(r.submit(Sqe::nop));
      ByteBuffer counter = direct(8);
      assertThat(NAT.read(r.eventFd(), NAT.address(counter), 8)).isEqualTo(8);
      assertThat(counter.getLong(0)).isPositive();
    }
  }

  @Test
  void enter_eintrEagainEbusy_areRetried_andNothingIsLost() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Ring.EnterFn flaky =
        (fd, toSubmit, min, flags) -> {
          if (toSubmit > 0) {
            int c = calls.getAndIncrement();
            if (c % 7 == 0) {
              return -4; // EINTR
            }
            if (c % 7 == 1) {
              return -11; // EAGAIN
            }
            if (c % 7 == 2) {
              return -16; // EBUSY
            }
          }
          return NAT.ioUringEnter(fd, toSubmit, min, flags);
        };
    try (Ring r = Ring.open(RingConfig.builder().entries(16).build(), flaky)) {
      List<OpFuture> fs = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        fs.add(r.submit(Sqe::nop));
      }
      for (OpFuture f : fs) {
        assertThat(f.join()).isZero();
      }
      Ring.Stats s = r.stats();
      assertThat(s.completions()).isEqualTo(500);
      assertThat(s.eintr()).isPositive();
      assertThat(s.eagain()).isPositive();
      assertThat(s.ebusy()).isPositive();
      assertThat(s.duplicateCompletions()).isZero();
    }
  }

  @Test
  void await_interruptedByASignal_goesBackToWaiting() throws Exception {
    int[] p = pipe();
    try (Ring r = Ring.open(RingConfig.builder().entries(8).reaper(false).build())) {
      AtomicInteger tid = new AtomicInteger();
      AtomicInteger result = new AtomicInteger(Integer.MIN_VALUE);
      CountDownLatch submitted = new CountDownLatch(1);
      Thread waiter =
          new Thread(
              () -> {
                tid.set(NAT.gettid());
                OpFuture f = r.submit(s -> s.read(p[0], direct(4), -1));
                submitted.countDown();
                result.set(r.await(f)); // blocks in io_uring_enter(GETEVENTS)
              });
      waiter.start();
      submitted.await();
      long eintrBefore = r.stats().eintr();
      for (int i = 0; i < 5; i++) {
        Thread.sleep(20);
        // SIGPIPE: the JVM handles (and ignores) it, so it interrupts the wait without harm.
        assertThat(NAT.tgkill(NAT.getpid(), tid.get(), IoUring.SIGPIPE)).isZero();
      }
      Thread.sleep(20);
      assertThat(waiter.isAlive()).isTrue();
      writeByte(p[1]);
      waiter.join(5_000);
      assertThat(result.get()).isEqualTo(1);
      System.out.printf("signals: %d EINTR seen by the waiter%n", r.stats().eintr() - eintrBefore);
      assertThat(r.stats().eintr() - eintrBefore).isPositive();
    } finally {
      Fixtures.close(p[0]);
      Fixtures.close(p[1]);
    }
  }

  @Test
  void prepare_thenSubmitPrepared_sendsTheWholeBatchInOneEnter() throws Exception {
    try (Ring r = Ring.open(RingConfig.builder().entries(64).reaper(false).build())) {
      long entersBefore = r.stats().enterCalls();
      List<OpFuture> fs = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        fs.add(r.prepare(Sqe::nop)[0]);
      }
      assertThat(fs).noneMatch(OpFuture::isDone);
      r.submitPrepared();
      assertThat(r.stats().enterCalls() - entersBefore).isEqualTo(1);
      assertThat(r.stats().sqesSubmitted()).isEqualTo(48);
      assertThat(fs).allMatch(f -> f.isDone() && f.join() == 0);
    }
  }

  @Test
  void sqPoll_submitsWithoutEnteringForEachBatch() throws Exception {
    try (Ring r = Ring.open(RingConfig.builder().entries(16).sqPoll(true, 100).build())) {
      List<OpFuture> fs = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        fs.add(r.submit(Sqe::nop));
      }
      for (OpFuture f : fs) {
        assertThat(f.join()).isZero();
      }
      assertThat(r.stats().enterCalls()).isLessThan(1000);
    }
  }

  @Test
  void close_fromACompletionCallback_finishesOnAThreadOfItsOwn() throws Exception {
    Ring r = Ring.open(RingConfig.builder().entries(8).build());
    OpFuture f = r.submit(Sqe::nop);
    f.whenComplete((res, err) -> r.close());
    f.join();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!r.isClosed() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    r.close(); // waits for the close the callback started
    assertThat(r.isClosed()).isTrue();
    assertThatThrownBy(r.submit(Sqe::nop)::join).hasCauseInstanceOf(ClosedChannelException.class);
  }

  @Test
  void close_ofAnOperationTheKernelNeverAnswers_failsIt_andKeepsItsBufferPinned() throws Exception {
    int[] p = pipe();
    try {
      // Reaping paused and no grace: close cannot see the CQE of the cancelled read, which stands
      // for an operation stuck in a device that no cancel reaches.
      Ring r = Ring.open(RingConfig.builder().entries(8).closeGraceMillis(0).build());
      OpFuture read = r.submit(s -> s.read(p[0], direct(16), -1));
      r.pauseReaping(true);
      r.close();
      assertThatThrownBy(read::join).hasCauseInstanceOf(ClosedChannelException.class);
      assertThat(r.stats().abandonedAtClose()).isEqualTo(1);
    } finally {
      Fixtures.close(p[0]);
      Fixtures.close(p[1]);
    }
  }

  @Test
  void staleCqe_ofAnOldGeneration_neverCompletesTheSlotsNewOperation() throws Exception {
    int[] p = pipe();
    try (Ring r = Ring.open(RingConfig.builder().entries(8).reaper(false).build())) {
      OpFuture first = r.submit(Sqe::nop);
      assertThat(first).isDone();
      OpFuture read = r.submit(s -> s.read(p[0], direct(4), -1));
      assertThat((int) read.userData()).isEqualTo((int) first.userData()); // the slot came back
      r.submitForgedNop(first.userData()); // the old generation of the same slot
      r.submitForgedNop((long) 99 << 32 | 3); // a slot that is not armed
      r.reap();
      assertThat(read).isNotDone();
      assertThat(r.stats().staleCqes()).isEqualTo(2);
      writeByte(p[1]);
      assertThat(r.await(read)).isEqualTo(1);
      assertThat(r.stats().duplicateCompletions()).isZero();
    } finally {
      Fixtures.close(p[0]);
      Fixtures.close(p[1]);
    }
  }
}
