package org.jvfs.aio.ring;

import java.nio.ByteBuffer;
import org.jvfs.aio.ffi.UringLayout.CqOffsets;
import org.jvfs.aio.ffi.UringLayout.Cqe;
import org.jvfs.aio.ffi.UringLayout.Params;

/**
 * The completion queue: the CQ ring's head, tail, overflow counter and CQEs, in memory shared with
 * the kernel.
 *
 * <h2>Ordering</h2>
 *
 * <ul>
 *   <li>The kernel owns the tail: it writes a CQE, then stores the tail with {@code
 *       smp_store_release} ({@code io_commit_cqring}). The tail is loaded here with <b>acquire</b>,
 *       so every CQE before it is seen complete.
 *   <li>The application owns the head: CQEs are copied out with plain loads, then the head is
 *       stored with <b>release</b>, so those loads happen before the kernel (which reads the head
 *       with {@code READ_ONCE} behind a full barrier when it checks for space) may overwrite the
 *       slots.
 *   <li>The CQEs are copied out into arrays <em>before</em> the head moves, and dispatched after: a
 *       slot of the completion table is therefore released only once its CQE no longer occupies the
 *       ring, so in-flight operations never exceed the ring's free space (see {@link
 *       CompletionTable}).
 * </ul>
 *
 * <p>Not thread-safe: one consumer at a time ({@link Ring}'s drain flag).
 */
final class CompletionQueue {
  final ByteBuffer ring;
  final int entries;
  private final int mask;
  private final int headOff;
  private final int tailOff;
  private final int overflowOff;
  private final int cqesOff;

  /** The batch most recently drained: user_data, res and flags of each CQE. */
  final long[] userData;

  final int[] res;
  final int[] flags;

  CompletionQueue(ByteBuffer ring, ByteBuffer params) {
    this.ring = ring;
    int base = Params.CQ_OFF;
    this.headOff = params.getInt(base + CqOffsets.HEAD);
    this.tailOff = params.getInt(base + CqOffsets.TAIL);
    this.overflowOff = params.getInt(base + CqOffsets.OVERFLOW);
    this.cqesOff = params.getInt(base + CqOffsets.CQES);
    this.mask = ring.getInt(params.getInt(base + CqOffsets.RING_MASK));
    this.entries = ring.getInt(params.getInt(base + CqOffsets.RING_ENTRIES));
    this.userData = new long[entries];
    this.res = new int[entries];
    this.flags = new int[entries];
  }

  /**
   * Copies every available CQE into {@link #userData}, {@link #res} and {@link #flags} and gives
   * their slots back to the kernel.
   *
   * @return how many CQEs were copied (at most {@link #entries})
   */
  int drain() {
    // Only this consumer writes the head, so a plain load of it is our own last store.
    int head = (int) SubmissionQueue.INT.get(ring, headOff);
    int tail = (int) SubmissionQueue.INT.getAcquire(ring, tailOff); // pairs with the kernel's
    int n = tail - head;
    for (int i = 0; i < n; i++) {
      int off = cqesOff + ((head + i) & mask) * Cqe.SIZE;
      userData[i] = ring.getLong(off + Cqe.USER_DATA);
      res[i] = ring.getInt(off + Cqe.RES);
      flags[i] = ring.getInt(off + Cqe.FLAGS);
    }
    if (n > 0) {
      SubmissionQueue.INT.setRelease(ring, headOff, tail); // our loads before the kernel reuses
    }
    return n;
  }

  /** Returns the kernel's count of dropped CQEs (0 for ever with IORING_FEAT_NODROP). */
  int overflow() {
    return (int) SubmissionQueue.INT.getAcquire(ring, overflowOff);
  }
}
