package org.jvfs.aio.ring;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The operations in flight, indexed by the {@code user_data} of their SQEs.
 *
 * <h2>Implementation notes</h2>
 *
 * <ul>
 *   <li>A fixed number of slots, preallocated. {@code user_data} is {@code generation << 32 |
 *       index}; a slot's generation changes each time its operation completes, so a CQE carrying an
 *       old generation (a stale or duplicated CQE, or a cancel aimed at an operation that already
 *       finished) can never complete the operation now using that slot: {@link #complete} refuses
 *       it and counts it. Indices {@code 0xfffffff0} and above are never slots: the ring uses them
 *       for its own SQEs (wakeup, cancel-all at close).
 *   <li>The bound on operations in flight is a {@link Semaphore} of {@code capacity} permits, taken
 *       before a slot and given back after; {@link Ring} sizes {@code capacity} to at most the CQ's
 *       entries, so every in-flight operation's CQE fits the CQ (the CQ never overflows in normal
 *       use).
 *   <li>Free slots are a Treiber stack of indices whose head carries a version (ABA-safe): pops
 *       happen on submitting threads, pushes on the reaping thread.
 *   <li>Publication: the submitter fills a slot (pins, scratch) and then stores the future with a
 *       volatile write before it publishes the SQE; the reaper reads the future with a volatile
 *       read before it touches the slot. A slot's generation is written only by the completing
 *       thread before it pushes the slot (a CAS), and read by the next popper after its CAS.
 *   <li>A slot's pinned objects (the caller's buffers, paths copied to native memory) are dropped
 *       only in {@link #complete}: after the kernel posted the CQE, i.e. after it is done with
 *       every address the SQE named. The future is completed after that.
 *   <li>Each slot owns {@code scratchBytes} of native memory for what an SQE points to (a path, an
 *       {@code open_how}, an iovec array, a timespec), so that small operations allocate no direct
 *       memory.
 * </ul>
 *
 * <p>Thread-safe as described; {@link Sqe} uses a slot's scratch only while it holds the slot.
 */
final class CompletionTable {
  /** The first index that is never a slot: the ring's own SQEs use indices from here up. */
  static final int FIRST_INTERNAL = 0xfffffff0;

  private final int capacity;
  private final int scratchBytes;
  private final Semaphore permits;
  private final AtomicReferenceArray<@Nullable OpFuture> futures;
  private final int[] generations;
  private final @Nullable Object[][] pins;
  private final int[] pinCount;
  private final ByteBuffer scratch;
  private final AtomicIntegerArray next;
  private final AtomicLong free; // version << 32 | (index + 1), 0 in the low half = empty
  private final AtomicLong staleCqes = new AtomicLong();
  private volatile int maxInFlight;

  CompletionTable(int capacity, int scratchBytes) {
    if (capacity <= 0 || capacity > (1 << 24)) {
      throw new IllegalArgumentException("capacity (" + capacity + ") out of range");
    }
    this.capacity = capacity;
    this.scratchBytes = scratchBytes;
    this.permits = new Semaphore(capacity);
    this.futures = new AtomicReferenceArray<>(capacity);
    this.generations = new int[capacity];
    this.pins = new Object[capacity][];
    this.pinCount = new int[capacity];
    this.scratch =
        ByteBuffer.allocateDirect(Math.max(1, capacity * scratchBytes))
            .order(ByteOrder.nativeOrder());
    this.next = new AtomicIntegerArray(capacity);
    for (int i = 0; i < capacity; i++) {
      generations[i] = 1;
      next.set(i, i + 1 < capacity ? i + 2 : 0); // stored as index + 1
    }
    this.free = new AtomicLong(1); // version 0, head index 0
  }

  /** Returns the number of slots. */
  int capacity() {
    return capacity;
  }

  /** Returns the number of operations in flight (slots taken). */
  int inFlight() {
    return capacity - permits.availablePermits();
  }

  /** Returns the highest {@link #inFlight()} seen at a slot acquisition. */
  int maxInFlight() {
    return maxInFlight;
  }

  /** Returns how many CQEs named a slot whose generation had moved on. */
  long staleCqes() {
    return staleCqes.get();
  }

  /** Takes a free slot at once, or returns -1 if {@link #capacity} are in flight. */
  int tryAcquire() {
    return permits.tryAcquire() ? pop() : -1;
  }

  /** Takes a free slot, waiting up to {@code nanos}; -1 if none freed up in time. */
  int acquire(long nanos) throws InterruptedException {
    return permits.tryAcquire(nanos, TimeUnit.NANOSECONDS) ? pop() : -1;
  }

  private int pop() {
    while (true) {
      long h = free.get();
      int top = (int) h - 1;
      if (top < 0) {
        throw new IllegalStateException("a permit without a free slot");
      }
      long n = ((h >>> 32) + 1) << 32 | Integer.toUnsignedLong(next.get(top));
      if (free.compareAndSet(h, n)) {
        int inFlight = inFlight();
        if (inFlight > maxInFlight) {
          maxInFlight = inFlight; // a statistic: a lost race only under-reports
        }
        return top;
      }
    }
  }

  private void push(int slot) {
    while (true) {
      long h = free.get();
      next.set(slot, (int) h);
      long n = ((h >>> 32) + 1) << 32 | (slot + 1);
      if (free.compareAndSet(h, n)) {
        permits.release();
        return;
      }
    }
  }

  /** Returns the offset of {@code slot}'s scratch in the table's scratch block. */
  int scratchOffset(int slot) {
    return slot * scratchBytes;
  }

  /** Returns the table's scratch block (the {@link Sqe} writer takes its address once). */
  ByteBuffer scratchBlock() {
    return scratch;
  }

  /** Returns the bytes of scratch each slot owns. */
  int scratchBytes() {
    return scratchBytes;
  }

  /** Keeps {@code o} reachable until {@code slot}'s CQE arrives. */
  void pin(int slot, Object o) {
    Object[] p = pins[slot];
    int n = pinCount[slot];
    if (p == null) {
      p = new Object[4];
      pins[slot] = p;
    } else if (n == p.length) {
      p = java.util.Arrays.copyOf(p, n * 2);
      pins[slot] = p;
    }
    p[n] = o;
    pinCount[slot] = n + 1;
  }

  /**
   * Arms {@code slot} with the future its CQE completes, and returns the SQE's {@code user_data}.
   * The volatile store publishes everything written to the slot before it.
   */
  long arm(int slot, OpFuture future) {
    long userData = (long) generations[slot] << 32 | slot;
    future.userData = userData;
    futures.set(slot, future);
    return userData;
  }

  /** Releases a slot whose SQE was never published (its writer failed); drops its pins. */
  void abandon(int slot) {
    futures.set(slot, null);
    unpin(slot);
    push(slot);
  }

  private void unpin(int slot) {
    Object[] p = pins[slot];
    if (p != null) {
      java.util.Arrays.fill(p, 0, pinCount[slot], null);
    }
    pinCount[slot] = 0;
  }

  /**
   * Completes the operation a CQE names: checks the generation, drops the slot's pins, moves the
   * generation on, frees the slot, and only then completes the future with {@code res}.
   *
   * @return false (and nothing done) if no armed slot has this {@code user_data}
   */
  boolean complete(long userData, int res, int flags) {
    int slot = (int) userData;
    int gen = (int) (userData >>> 32);
    if (slot < 0 || slot >= capacity) {
      staleCqes.incrementAndGet();
      return false;
    }
    OpFuture f = futures.get(slot);
    if (f == null || generations[slot] != gen || f.userData != userData) {
      staleCqes.incrementAndGet();
      return false;
    }
    futures.set(slot, null);
    unpin(slot);
    int g = gen + 1;
    generations[slot] = g == 0 ? 1 : g;
    push(slot);
    f.finish(res, flags);
    return true;
  }

  /**
   * Takes every armed operation out of the table without completing it: the close path, for
   * operations whose CQE never came. Their pins are returned (the caller keeps them reachable); the
   * slots stay taken, so no later submission can reuse them.
   */
  List<Object> evictAll(List<OpFuture> out) {
    List<Object> kept = new ArrayList<>();
    for (int i = 0; i < capacity; i++) {
      OpFuture f = futures.getAndSet(i, null);
      if (f != null) {
        out.add(f);
        Object[] p = pins[i];
        if (p != null) {
          for (int j = 0; j < pinCount[i]; j++) {
            kept.add(p[j]);
          }
        }
        kept.add(scratch); // the slot's scratch may still be read or written by the kernel
      }
    }
    return kept;
  }

  /** True if {@code userData} names one of the ring's own SQEs, not a slot. */
  static boolean isInternal(long userData) {
    return Integer.compareUnsigned((int) userData, FIRST_INTERNAL) >= 0;
  }
}
