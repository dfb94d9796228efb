package org.jvfs.core;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.jvfs.Saturation;

/**
 * One user operation's claim on the VFS's bound of operations in flight. The claim is taken the
 * first time the operation needs the backend. On the caller's thread, a full bound fails the
 * operation under {@link Saturation#FAIL} (the default: the caller never waits) and parks the
 * caller under {@link Saturation#WAIT} (an explicit choice, documented as blocking); an operation
 * that first needs the backend after it went asynchronous takes a free slot if there is one and
 * never waits or fails, so an IO thread is never blocked. It is released once when the operation
 * completes. Operations answered from the cache never touch the semaphore. Not thread-safe; an
 * operation's steps run one at a time.
 */
final class OpContext {
  private final Semaphore permits;
  private final Saturation saturation;
  private final Thread caller = Thread.currentThread();
  private boolean held;

  OpContext(Semaphore permits, Saturation saturation) {
    this.permits = permits;
    this.saturation = saturation;
  }

  /**
   * Takes the claim if not yet held.
   *
   * @throws RejectedExecutionException under {@link Saturation#FAIL} when no slot is free; under
   *     {@link Saturation#WAIT} the caller's thread blocks instead
   */
  void acquire() {
    if (held) {
      return;
    }
    if (Thread.currentThread() != caller) {
      // The operation went asynchronous before its first backend call of its own (it joined a
      // load another operation started). Never block or fail an IO thread here: take a slot if
      // one is free, else go on unclaimed; the bound is enforced where callers enter.
      held = permits.tryAcquire();
      return;
    }
    if (saturation == Saturation.FAIL) {
      if (!permits.tryAcquire()) {
        throw new RejectedExecutionException("too many operations in flight");
      }
    } else {
      permits.acquireUninterruptibly();
    }
    held = true;
  }

  /** Releases the claim if held. Idempotent. */
  void release() {
    if (held) {
      held = false;
      permits.release();
    }
  }
}
