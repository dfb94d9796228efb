package org.jvfs.aio.ring;

import java.nio.ByteBuffer;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.aio.ffi.UringLayout.CqOffsets;
import org.jvfs.aio.ffi.UringLayout.Cqe;
import org.jvfs.aio.ffi.UringLayout.Params;
import org.jvfs.aio.ffi.UringLayout.SqOffsets;
import org.jvfs.aio.ffi.UringNative;

/**
 * The three regions a ring shares with the kernel, mapped from the ring's descriptor: the SQ ring
 * (head, tail, flags, the index array), the CQ ring (head, tail, the CQEs) and the SQE array. With
 * {@link IoUring#IORING_FEAT_SINGLE_MMAP} (5.4) the two rings are one mapping, as the kernel lays
 * them out; otherwise each is mapped at its own offset. Each region is wrapped in a direct buffer
 * that does not own it: nothing may touch those buffers after {@link #unmap()}.
 *
 * <p>Not thread-safe; owned by a {@link Ring}, which unmaps once, after every reader stopped.
 */
final class RingMapping {
  private final UringNative nat;
  final ByteBuffer sqRing;
  final ByteBuffer cqRing;
  final ByteBuffer sqes;
  private final long[] addrs;
  private final long[] sizes;
  private boolean unmapped;

  private RingMapping(
      UringNative nat, ByteBuffer sqRing, ByteBuffer cqRing, ByteBuffer sqes, long[] a, long[] s) {
    this.nat = nat;
    this.sqRing = sqRing;
    this.cqRing = cqRing;
    this.sqes = sqes;
    this.addrs = a;
    this.sizes = s;
  }

  /**
   * Maps the regions of the ring {@code ringFd}, whose {@code struct io_uring_params} as filled by
   * io_uring_setup is in {@code params}.
   *
   * @throws UringException if an mmap fails (what was mapped is unmapped again)
   */
  static RingMapping map(UringNative nat, int ringFd, ByteBuffer params) throws UringException {
    int sqEntries = params.getInt(Params.SQ_ENTRIES);
    int cqEntries = params.getInt(Params.CQ_ENTRIES);
    int features = params.getInt(Params.FEATURES);
    long sqSize = params.getInt(Params.SQ_OFF + SqOffsets.ARRAY) + 4L * sqEntries;
    long cqSize = params.getInt(Params.CQ_OFF + CqOffsets.CQES) + (long) Cqe.SIZE * cqEntries;
    long sqesSize = 64L * sqEntries;
    boolean single = (features & IoUring.IORING_FEAT_SINGLE_MMAP) != 0;
    long[] a = new long[3];
    long[] s = new long[3];
    try {
      if (single) {
        s[0] = Math.max(sqSize, cqSize);
        a[0] = mapOrThrow(nat, ringFd, s[0], IoUring.IORING_OFF_SQ_RING);
      } else {
        s[0] = sqSize;
        a[0] = mapOrThrow(nat, ringFd, s[0], IoUring.IORING_OFF_SQ_RING);
        s[1] = cqSize;
        a[1] = mapOrThrow(nat, ringFd, s[1], IoUring.IORING_OFF_CQ_RING);
      }
      s[2] = sqesSize;
      a[2] = mapOrThrow(nat, ringFd, s[2], IoUring.IORING_OFF_SQES);
    } catch (UringException e) {
      for (int i = 0; i < 3; i++) {
        if (a[i] != 0) {
          nat.munmap(a[i], s[i]);
        }
      }
      throw e;
    }
    ByteBuffer sq = nat.wrap(a[0], (int) s[0]);
    ByteBuffer cq = single ? sq : nat.wrap(a[1], (int) s[1]);
    ByteBuffer sqes = nat.wrap(a[2], (int) s[2]);
    return new RingMapping(nat, sq, cq, sqes, a, s);
  }

  private static long mapOrThrow(UringNative nat, int fd, long size, long offset)
      throws UringException {
    long r = nat.mmapRing(fd, size, offset);
    if (r < 0) {
      throw new UringException("mmap of ring offset 0x" + Long.toHexString(offset), (int) -r);
    }
    return r;
  }

  /** Unmaps every region; idempotent. */
  void unmap() {
    if (unmapped) {
      return;
    }
    unmapped = true;
    for (int i = 0; i < 3; i++) {
      if (addrs[i] != 0) {
        nat.munmap(addrs[i], sizes[i]);
      }
    }
  }
}
