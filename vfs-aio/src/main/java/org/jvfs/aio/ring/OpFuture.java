package org.jvfs.aio.ring;

import java.util.concurrent.CompletableFuture;

/**
 * The result of one SQE: completes with the CQE's {@code res} (the operation's return value, or
 * {@code -errno}; errno translation belongs to the backend), only when its CQE has arrived, so only
 * after the kernel is done with every buffer the SQE named; or exceptionally with {@link
 * java.nio.channels.ClosedChannelException} if the ring was closed before the SQE was submitted.
 *
 * <p>Only the ring completes it: {@link #complete}, {@link #completeExceptionally}, {@link
 * #obtrudeValue} and {@link #obtrudeException} are refused (they return false or do nothing), so
 * that no caller can see a "done" operation whose buffer the kernel may still write. {@link
 * #cancel(boolean)} asks the kernel to cancel (IORING_OP_ASYNC_CANCEL) and returns false at once:
 * the operation then completes through its CQE, with {@code -ECANCELED} if the cancel reached it
 * and with its own result if it finished first. {@link #isCancelled()} is therefore always false.
 *
 * <p>Dependent stages run on the thread that reaps the CQE (the reaper, or a submitter draining
 * inline completions) unless an async variant is used: they must not block.
 *
 * <p>Thread-safe.
 */
public final class OpFuture extends CompletableFuture<Integer> {
  private final Ring ring;

  /** The SQE's opcode, set by the ring after the writer ran (before the SQE is published). */
  volatile int opcode = -1;

  /** The SQE's user_data, set when the slot is armed (before the SQE is published). */
  volatile long userData;

  private volatile int cqeFlags;

  OpFuture(Ring ring) {
    this.ring = ring;
  }

  /** Returns the opcode of the SQE (IoUring.OP_*), or -1 if the writer set none yet. */
  public int opcode() {
    return opcode;
  }

  /** Returns the {@code user_data} of the SQE (what an ASYNC_CANCEL names). */
  public long userData() {
    return userData;
  }

  /** Returns the CQE's {@code flags}; meaningful once done. */
  public int cqeFlags() {
    return cqeFlags;
  }

  /** Waits for the CQE and returns its {@code res}. */
  public int res() {
    return join();
  }

  /** Completes from a CQE; counts a second completion, which must never happen. */
  void finish(int res, int flags) {
    this.cqeFlags = flags;
    if (!super.complete(res)) {
      ring.countDuplicate();
    }
  }

  /** Fails an operation that never reached the kernel (or that the kernel never answered). */
  void fail(Throwable t) {
    super.completeExceptionally(t);
  }

  /** Refused: only the ring completes an operation. */
  @Override
  public boolean complete(Integer value) {
    return false;
  }

  /** Refused: only the ring completes an operation. */
  @Override
  public boolean completeExceptionally(Throwable ex) {
    return false;
  }

  /** Refused: only the ring completes an operation. */
  @Override
  public void obtrudeValue(Integer value) {}

  /** Refused: only the ring completes an operation. */
  @Override
  public void obtrudeException(Throwable ex) {}

  /**
   * Submits an IORING_OP_ASYNC_CANCEL for this operation unless it is done; returns false (the
   * outcome arrives as this future's result). See the class comment.
   */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    if (!isDone()) {
      ring.cancel(this);
    }
    return false;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }

  @Override
  public String toString() {
    return "OpFuture[" + org.jvfs.aio.ffi.IoUring.opName(opcode) + " " + super.toString() + "]";
  }
}
