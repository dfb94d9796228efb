package org.jvfs.posix;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.jvfs.posix.ffi.Linux;

/**
 * Decides on which thread a call of the posix backend runs, and how far its steps may go there.
 *
 * <p>With the probe on ({@link PosixOptions#probe()}) and openat2: a whole-file read, lookup or
 * plain open called on one of the IO threads runs there at once; called on another thread, it goes
 * to an idle IO thread while other calls are in the pool, and for one call in {@value
 * #SPREAD_EVERY} (see {@link #here}); otherwise it is tried on the caller's thread with {@code
 * openat2(RESOLVE_CACHED)} and {@code preadv2(RWF_NOWAIT)} (a whole-file read only of a file of at
 * most {@value #INLINE_READ_MAX} bytes), and EAGAIN sends it to the pool. Every other call goes to
 * the pool.
 *
 * <p>Thread-safe.
 */
final class Placement {

  /** One call in this many goes to an idle IO thread even when none is in the pool. */
  static final int SPREAD_EVERY = 64;

  /** The largest file a whole-file read tries on the caller's thread (with the probe on). */
  static final int INLINE_READ_MAX = 256 * 1024;

  /** How far the steps of a call running on this thread may go. */
  enum Mode {
    /** On an IO thread: every step, blocking ones too. */
    MAY_BLOCK,
    /** On a caller's thread: only steps that cannot block; any other gives up. */
    NONBLOCKING
  }

  /** A call, run in the given mode; in {@link Mode#NONBLOCKING} it may give up. */
  @FunctionalInterface
  interface Call<T> {
    /**
     * Runs the call.
     *
     * @throws WouldBlock (only in {@link Mode#NONBLOCKING}) at a step that would block
     * @throws Exception the call's failure
     */
    T run(Mode mode) throws Exception;
  }

  /**
   * Thrown by a call in {@link Mode#NONBLOCKING} at the first step that would block, after it
   * closed what it opened: the call then goes to the pool. Stackless, one instance.
   */
  static final class WouldBlock extends Exception {
    private static final long serialVersionUID = 1L;

    static final WouldBlock INSTANCE = new WouldBlock();

    private WouldBlock() {
      super("would block", null, false, false);
    }
  }

  private final IoPool pool;
  private final boolean tryHere;
  private final BooleanSupplier closed;

  /** Counts calls that could run on a caller's thread: see {@link #here}. */
  private final AtomicInteger spread = new AtomicInteger();

  /**
   * Makes the placement for {@code pool}.
   *
   * @param tryHere whether calls are tried on the caller's thread (the probe is on, with openat2)
   * @param closed tells whether the backend is closed: every call then fails
   */
  Placement(IoPool pool, boolean tryHere, BooleanSupplier closed) {
    this.pool = pool;
    this.tryHere = tryHere;
    this.closed = closed;
  }

  /** Returns true if calls with a nonblocking form may be tried on the caller's thread. */
  boolean triesHere() {
    return tryHere;
  }

  /**
   * Returns the mode a call with a nonblocking form runs in on this thread, or null to go to the
   * pool: {@link Mode#MAY_BLOCK} on an IO thread; on another thread, null while other calls are in
   * the pool and an IO thread is idle (the caller has several in flight: an idle IO thread means an
   * idle core), and for one call in {@value #SPREAD_EVERY} with none in the pool (so that a caller
   * that completes directly moves some lanes onto IO threads), else {@link Mode#NONBLOCKING}.
   */
  @Nullable Mode here() {
    if (!tryHere) {
      return null;
    }
    if (pool.onIoThread()) {
      return Mode.MAY_BLOCK;
    }
    boolean handOff =
        pool.hasIdleThread()
            && (pool.pending() > 0 || spread.incrementAndGet() % SPREAD_EVERY == 0);
    return handOff ? null : Mode.NONBLOCKING;
  }

  /** Runs a call that has a nonblocking form, where {@link #here} says. */
  <T> CompletableFuture<T> run(Call<T> call) {
    if (closed.getAsBoolean()) {
      return PosixRoot.closedFailure();
    }
    Mode mode = here();
    if (mode != null) {
      try {
        return CompletableFuture.completedFuture(call.run(mode));
      } catch (WouldBlock e) {
        // Given up at a step that would block: the pool starts the call again.
      } catch (Exception e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    return pool.submit(() -> call.run(Mode.MAY_BLOCK));
  }

  /** Runs a call that has no nonblocking form: on the pool. */
  <T> CompletableFuture<T> runBlocking(IoPool.Task<T> task) {
    if (closed.getAsBoolean()) {
      return PosixRoot.closedFailure();
    }
    return pool.submit(task);
  }

  /** Returns whether an {@code openat2} in this mode adds {@code RESOLVE_CACHED}. */
  static boolean cachedOnly(Mode mode) {
    return mode == Mode.NONBLOCKING;
  }

  /** Returns the flags of a read in this mode: {@code RWF_NOWAIT} on a caller's thread. */
  static int readFlags(Mode mode) {
    return mode == Mode.NONBLOCKING ? Linux.RWF_NOWAIT : 0;
  }

  /** Returns true if a whole-file read of {@code size} bytes may run in this mode. */
  static boolean readsHere(Mode mode, long size) {
    return mode == Mode.MAY_BLOCK || size <= INLINE_READ_MAX;
  }

  /** Gives up the call (in {@link Mode#NONBLOCKING}) if {@code ok} is false. */
  static void require(boolean ok) throws WouldBlock {
    if (!ok) {
      throw WouldBlock.INSTANCE;
    }
  }

  /**
   * Returns {@code fd}, the result of an {@code openat2} in this mode, or gives up the call where
   * it is EAGAIN in {@link Mode#NONBLOCKING} (not in the kernel's caches).
   */
  static int opened(Mode mode, int fd) throws WouldBlock {
    require(mode == Mode.MAY_BLOCK || fd != -Linux.EAGAIN);
    return fd;
  }

  /**
   * Returns {@code n}, the result of a read in this mode, or gives up the call where, in {@link
   * Mode#NONBLOCKING}, it means "not now": it would block (EAGAIN), {@code RWF_NOWAIT} is not
   * supported here (EOPNOTSUPP, EINVAL, ENOSYS), or a signal came (EINTR).
   */
  static long read(Mode mode, long n) throws WouldBlock {
    require(
        mode == Mode.MAY_BLOCK
            || (n != -Linux.EAGAIN
                && n != -Linux.EOPNOTSUPP
                && n != -Linux.EINVAL
                && n != -Linux.ENOSYS
                && n != -Linux.EINTR));
    return n;
  }
}
