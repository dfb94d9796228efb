package org.jvfs.core;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.jvfs.Saturation;

/**
 * One user operation's claim on the VFS's bound of operations in flight. The claim is taken the
 * first time the operation needs the backend (always on the caller's thread, before anything went
 * asynchronous, so {@link Saturation#WAIT} blocks the caller and never an IO thread) and released
 * once when the operation completes. Operations answered from the cache never touch the semaphore.
 * Not thread-safe; an operation's steps run one at a time.
 */
final class OpContext {
  private final Semaphore permits;
  private final Saturation saturation;
  private boolean held;

  OpContext(Semaphore permits, Saturation saturation) {
    this.permits = permits;
    this.saturation = saturation;
  }

  /**
   * Takes the claim if not yet held.
   *
   * @throws RejectedExecutionException under {@link Saturation#FAIL} when no slot is free
   */
  void acquire() {
    if (held) {
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
