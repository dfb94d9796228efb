package org.jvfs.aio.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.aio.ffi.UringLayout.Params;
import org.jvfs.aio.ffi.UringLayout.SqOffsets;

/**
 * The submission queue: the SQ ring's head, tail, flags and index array, and the SQE array, in
 * memory shared with the kernel.
 *
 * <h2>Ordering (every access to the shared words)</h2>
 *
 * <ul>
 *   <li>The application owns the tail, the kernel the head. SQEs are written with plain stores into
 *       slots the kernel is not reading (between the published tail and head + entries), and then
 *       the tail is stored with <b>release</b> ({@link #publish()}): the kernel reads the tail with
 *       {@code smp_load_acquire} ({@code io_sqring_entries}), so it sees complete SQEs. This is the
 *       pairing io_uring.h documents ("store-release on the SQ tail").
 *   <li>The head is loaded with <b>acquire</b>: the kernel stores it with {@code smp_store_release}
 *       after it has read the SQEs ({@code io_commit_sqring}), so once the head has passed a slot,
 *       the kernel is done with it and it may be rewritten.
 *   <li>The flags word is loaded with acquire for IORING_SQ_CQ_OVERFLOW (a hint, re-checked after
 *       every drain). Under SQPOLL, {@link #needsWakeup()} is preceded by a <b>full fence</b>: the
 *       tail store must be globally visible before the flag is read, or the application and the
 *       sleeping poller can each miss the other (liburing's {@code io_uring_smp_mb()} in {@code
 *       sq_ring_needs_enter}).
 *   <li>{@link #published} mirrors the published tail in a Java volatile, so that the lost-wakeup
 *       check of {@link Ring}'s submit combiner is a pair of sequentially consistent accesses and
 *       never reads ring memory outside a lock.
 * </ul>
 *
 * <p>Not thread-safe by itself: {@link Ring} writes SQEs and publishes under its SQ lock, and reads
 * the head under its enter lock or SQ lock.
 */
final class SubmissionQueue {
  /** Native-order int access to the ring words, with access modes (acquire, release). */
  static final VarHandle INT =
      MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

  final ByteBuffer ring;
  final ByteBuffer sqes;
  final int entries;
  final int mask;
  private final int headOff;
  private final int tailOff;
  private final int flagsOff;

  /** The next SQE index to write (guarded by Ring's SQ lock). */
  private int localTail;

  /** The tail last stored for the kernel, mirrored (see the class comment). */
  private volatile int published;

  /** The head as last read by the submitter, mirrored for checks outside any lock. */
  private volatile int lastHead;

  SubmissionQueue(ByteBuffer ring, ByteBuffer sqes, ByteBuffer params) {
    this.ring = ring;
    this.sqes = sqes;
    int base = Params.SQ_OFF;
    this.headOff = params.getInt(base + SqOffsets.HEAD);
    this.tailOff = params.getInt(base + SqOffsets.TAIL);
    this.flagsOff = params.getInt(base + SqOffsets.FLAGS);
    this.mask = ring.getInt(params.getInt(base + SqOffsets.RING_MASK));
    this.entries = ring.getInt(params.getInt(base + SqOffsets.RING_ENTRIES));
    int arrayOff = params.getInt(base + SqOffsets.ARRAY);
    // The index array maps ring position -> SQE slot. The engine uses the identity (position i
    // always names SQE i), written once here before the ring is used, as liburing does. The
    // kernel reads the array only after its acquire of a tail published later (release).
    for (int i = 0; i < entries; i++) {
      ring.putInt(arrayOff + 4 * i, i);
    }
    this.localTail = (int) INT.getAcquire(ring, tailOff);
    this.published = localTail;
    this.lastHead = head();
  }

  /** Returns the kernel's head: load-acquire (see the class comment). */
  int head() {
    return (int) INT.getAcquire(ring, headOff);
  }

  /** Returns how many SQEs can be written now without overwriting unconsumed ones. */
  int space() {
    return entries - (localTail - head());
  }

  /** Returns the byte offset in {@link #sqes} of the next SQE to write, and claims it. */
  int claim() {
    int index = localTail & mask;
    localTail++;
    return index * 64;
  }

  /** Gives back the last {@code n} claimed SQEs (a writer failed before publishing). */
  void unclaim(int n) {
    localTail -= n;
  }

  /** Makes every claimed SQE visible to the kernel: store-release of the tail. */
  void publish() {
    INT.setRelease(ring, tailOff, localTail);
    published = localTail;
  }

  /**
   * Returns how many published SQEs the kernel has not consumed: the published tail minus the head
   * (load-acquire), and remembers that head for {@link #pendingHint()}.
   */
  int pending() {
    int head = head();
    lastHead = head;
    return published - head;
  }

  /**
   * Returns published minus the last head seen by {@link #pending()}: Java volatiles only, so it
   * may be called after the ring memory is gone. Over-estimates, never misses a publish that
   * happened before the call.
   */
  int pendingHint() {
    return published - lastHead;
  }

  /** Returns the flags word (load-acquire). */
  int flags() {
    return (int) INT.getAcquire(ring, flagsOff);
  }

  /** True if the kernel holds CQEs in its overflow list (IORING_SQ_CQ_OVERFLOW). */
  boolean cqOverflow() {
    return (flags() & IoUring.IORING_SQ_CQ_OVERFLOW) != 0;
  }

  /**
   * Under SQPOLL: true if the poller sleeps and needs IORING_ENTER_SQ_WAKEUP. A full fence first
   * orders the preceding tail store before this load (see the class comment).
   */
  boolean needsWakeup() {
    VarHandle.fullFence();
    return (flags() & IoUring.IORING_SQ_NEED_WAKEUP) != 0;
  }
}
