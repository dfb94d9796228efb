package org.jvfs.aio.ring;

import static org.jvfs.aio.ring.Fixtures.NAT;
import static org.jvfs.aio.ring.Fixtures.b;
import static org.jvfs.aio.ring.Fixtures.cstr;
import static org.jvfs.aio.ring.Fixtures.direct;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.aio.ffi.UringLayout.OpenHow;

/**
 * Measurements of the engine, not a test (run by hand: {@code java -cp ... RingTiming}): NOP round
 * trips, and a 4 KiB whole-file read as one linked OPENAT2 -> READ -> CLOSE submission against the
 * same work as three synchronous syscalls (openat2 through syscall(2), pread, close, as vfs-posix
 * does it) and as three separate ring round trips. Medians of single operations (qd1) on one
 * thread, then throughput with 64 chains in flight. Compare ratios from one run only.
 */
public final class RingTiming {
  private static final int WARMUP = 30_000;
  private static final int N = 100_000;

  private RingTiming() {}

  public static void main(String[] args) throws Exception {
    System.out.println(UringProbe.get().describe());
    Path dir = Files.createTempDirectory("ring-timing");
    byte[] content = new byte[4096];
    new Random(1).nextBytes(content);
    for (int i = 0; i < 64; i++) {
      Files.write(dir.resolve("f" + i), content);
    }
    int dirFd = Fixtures.dirFd(dir);
    long resolve = IoUring.RESOLVE_BENEATH | IoUring.RESOLVE_NO_MAGICLINKS;
    try (Ring manual =
            Ring.open(RingConfig.builder().entries(128).reaper(false).directFiles(256).build());
        Ring reaped = Ring.open(RingConfig.builder().entries(128).directFiles(256).build());
        Ring sqpoll =
            Ring.open(RingConfig.builder().entries(128).sqPoll(true, 1000).reaper(false).build())) {
      report(
          "NOP round trip, owner reaps (no reaper)",
          time(() -> manual.await(manual.submit(Sqe::nop))));
      report(
          "NOP round trip, reaper ring (inline drain)",
          time(() -> reaped.await(reaped.submit(Sqe::nop))));
      report("NOP round trip, SQPOLL", time(() -> sqpoll.await(sqpoll.submit(Sqe::nop))));

      ByteBuffer buf = direct(8192);
      long bufAddr = NAT.address(buf);
      ByteBuffer path = cstr("f7");
      ByteBuffer how = direct(OpenHow.SIZE);
      how.putLong(OpenHow.FLAGS, IoUring.O_RDONLY | IoUring.O_CLOEXEC);
      how.putLong(OpenHow.RESOLVE, resolve);
      long sync =
          report(
              "4 KiB file: openat2 + pread + close, 3 syscalls",
              time(
                  () -> {
                    int fd = NAT.openat2(dirFd, path, how);
                    long n = NAT.pread(fd, bufAddr, 8192, 0);
                    NAT.close(fd);
                    check(n);
                  }));
      byte[] name = b("f7");
      long chain =
          report(
              "4 KiB file: linked OPENAT2(direct)->READ->CLOSE, 1 submission",
              time(
                  () -> {
                    int slot = manual.files().allocate();
                    OpFuture[] fs =
                        manual.submitAll(
                            s ->
                                s.openat2(dirFd, name, IoUring.O_RDONLY, 0, resolve)
                                    .fileIndex(slot)
                                    .link(),
                            s -> s.read(slot, buf, 0).fixedFile().hardlink(),
                            s -> s.closeDirect(slot));
                    manual.await(fs[2]);
                    check(fs[1].join());
                    manual.files().free(slot);
                  }));
      long helper =
          report(
              "4 KiB file: OpenReadClose.submit (the same chain, with its future)",
              time(
                  () ->
                      check(
                          OpenReadClose.submit(reaped, dirFd, name, resolve, buf).join().bytes())));
      long three =
          report(
              "4 KiB file: OPENAT2, READ, CLOSE as 3 ring round trips",
              time(
                  () -> {
                    int fd =
                        manual.await(
                            manual.submit(
                                s ->
                                    s.openat2(
                                        dirFd,
                                        name,
                                        IoUring.O_RDONLY | IoUring.O_CLOEXEC,
                                        0,
                                        resolve)));
                    int n = manual.await(manual.submit(s -> s.read(fd, buf, 0)));
                    manual.await(manual.submit(s -> s.close(fd)));
                    check(n);
                  }));
      System.out.printf(
          "ratios: chain/sync %.2f, helper/sync %.2f, 3 round trips/sync %.2f%n",
          (double) chain / sync, (double) helper / sync, (double) three / sync);

      // Throughput: 64 chains in flight on one submitting thread, against the sync loop.
      int files = 200_000;
      ByteBuffer[] bufs = new ByteBuffer[64];
      for (int i = 0; i < 64; i++) {
        bufs[i] = direct(8192);
      }
      byte[][] names = new byte[64][];
      for (int i = 0; i < 64; i++) {
        names[i] = b("f" + i);
      }
      for (int round = 0; round < 2; round++) {
        long t0 = System.nanoTime();
        java.util.concurrent.CompletableFuture<?>[] inflight =
            new java.util.concurrent.CompletableFuture<?>[64];
        for (int i = 0; i < files; i++) {
          int k = i & 63;
          if (inflight[k] != null) {
            inflight[k].join();
          }
          inflight[k] = OpenReadClose.submit(reaped, dirFd, names[k], resolve, bufs[k]);
        }
        for (var f : inflight) {
          f.join();
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < files; i++) {
          int fd = NAT.openat2(dirFd, path, how);
          check(NAT.pread(fd, bufAddr, 8192, 0));
          NAT.close(fd);
        }
        long t2 = System.nanoTime();
        System.out.printf(
            "throughput round %d: chains, 64 in flight: %.0f files/s; sync syscalls: %.0f files/s%n",
            round, files * 1e9 / (t1 - t0), files * 1e9 / (t2 - t1));
      }
      // Batched: 32 chains prepared, one io_uring_enter, all reaped (the kernel-side cost).
      for (int round = 0; round < 2; round++) {
        long t0 = System.nanoTime();
        int batches = files / 32;
        OpFuture[][] chains = new OpFuture[32][];
        for (int b = 0; b < batches; b++) {
          for (int k = 0; k < 32; k++) {
            int slot = k;
            byte[] nm = names[k];
            ByteBuffer dst = bufs[k];
            chains[k] =
                manual.prepare(
                    s -> s.openat2(dirFd, nm, IoUring.O_RDONLY, 0, resolve).fileIndex(slot).link(),
                    s -> s.read(slot, dst, 0).fixedFile().hardlink(),
                    s -> s.closeDirect(slot));
          }
          manual.submitPrepared();
          for (OpFuture[] c : chains) {
            manual.await(c[2]);
            check(c[1].join());
          }
        }
        long t1 = System.nanoTime();
        System.out.printf(
            "throughput round %d: 32 chains per io_uring_enter: %.0f files/s%n",
            round, batches * 32 * 1e9 / (t1 - t0));
      }
      System.out.println("owner-reaped ring: " + manual.stats());
      Reference.reachabilityFence(buf);
      Reference.reachabilityFence(path);
      Reference.reachabilityFence(how);
      System.out.println("reaper ring: " + reaped.stats());
    } finally {
      Fixtures.close(dirFd);
    }
  }

  private static void check(long n) {
    if (n != 4096) {
      throw new AssertionError("read " + n);
    }
  }

  private interface Op {
    void run() throws Exception;
  }

  private static long[] time(Op op) throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      op.run();
    }
    long[] t = new long[N];
    for (int i = 0; i < N; i++) {
      long s = System.nanoTime();
      op.run();
      t[i] = System.nanoTime() - s;
    }
    Arrays.sort(t);
    return t;
  }

  private static long report(String what, long[] t) {
    System.out.printf(
        "%-66s p50 %6d ns  p90 %6d ns  p99 %6d ns%n",
        what, t[t.length / 2], t[t.length * 9 / 10], t[t.length * 99 / 100]);
    return t[t.length / 2];
  }
}
