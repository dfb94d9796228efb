package org.jvfs.posix;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;

/**
 * Decides on which thread a call of the posix backend runs, and which flags keep each of its steps
 * from blocking where blocking is not allowed. This is the backend's one placement rule:
 *
 * <ol>
 *   <li>A call made on one of the backend's IO threads runs there, in full: it may block, that is
 *       what the thread is for (a caller that completes directly goes on from there without a
 *       hand-off).
 *   <li>A call made on any other thread, with the probe on ({@link PosixOptions#probe()}) and a
 *       kernel that has {@code RESOLVE_CACHED} (Linux 5.12, and not under {@link
 *       ResolveMode#WALK}), is first tried on the caller's thread in its nonblocking form ({@link
 *       Mode#NONBLOCKING}), if it has one: a lookup, a whole-file read, or an open that neither
 *       creates nor truncates. At the first step that would block, the attempt gives up (handing
 *       what it opened to the {@link Closer}) and the call goes to the IO pool, where it starts
 *       again in full. A failure that is an answer (no such file, not a directory, ...) is the
 *       call's answer, on the caller's thread.
 *   <li>Every other call goes to the IO pool; a full queue fails it with EAGAIN, the caller never
 *       waits.
 * </ol>
 *
 * <p>The nonblocking form of a call makes only these syscalls, each with the flag that keeps it
 * from waiting:
 *
 * <ul>
 *   <li>{@code openat2} from the root descriptor with {@code RESOLVE_CACHED} ({@link #cachedOnly}):
 *       EAGAIN instead of a lookup that needs IO. Opens that create or truncate have no such form
 *       (the kernel answers EAGAIN for {@code O_CREAT}/{@code O_TRUNC} with {@code RESOLVE_CACHED},
 *       {@code fs/open.c build_open_flags}).
 *   <li>{@code statx} of the descriptor it opened, with {@code AT_STATX_DONT_SYNC} ({@link
 *       #statxSync}): what the kernel has, never a round trip to a network or FUSE server.
 *   <li>one {@code preadv2} with {@code RWF_NOWAIT} ({@link #readFlags}), of a file smaller than
 *       the thread's read buffer ({@link #readsHere}): EAGAIN instead of waiting for the disk. A
 *       count short of the size {@code statx} reported is never taken for the end of file: the read
 *       goes to the pool.
 * </ul>
 *
 * <p>Anything else is a step that would block and sends the call to the pool: watching a directory
 * not yet watched ({@code inotify_add_watch}), reading a symbolic link ({@code readlinkat} of a
 * link whose target is not cached reads the disk), a second read, every call without a nonblocking
 * form, and {@code close}: any close may be the last of a file another process deleted, which frees
 * its blocks on the closing thread, so the descriptor goes to the {@link Closer}.
 *
 * <p>Not yet kept to this rule (issue 9, fixed next): a plain open of a FIFO or of a file under a
 * lease by another process waits in {@code openat2} (a whole-file read opens with {@code
 * O_NONBLOCK} and does not).
 *
 * <p>Thread-safe and stateless apart from its settings.
 */
final class Placement {

  /** How far the steps of a call running on this thread may go. */
  enum Mode {
    /** On an IO thread: every step, blocking ones too. */
    MAY_BLOCK,
    /** On a caller's thread: only the steps listed in {@link Placement}; any other gives up. */
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
   * handed what it opened to the {@link Closer}: the call then goes to the pool. Stackless, one
   * instance.
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

  /**
   * Makes the rule for {@code pool}.
   *
   * @param tryHere whether calls are tried on the caller's thread (the probe is on and the kernel
   *     has {@code RESOLVE_CACHED})
   * @param closed tells whether the backend is closed: every call then fails
   */
  Placement(IoPool pool, boolean tryHere, BooleanSupplier closed) {
    this.pool = pool;
    this.tryHere = tryHere;
    this.closed = closed;
  }

  /** Returns true if calls with a nonblocking form are tried on the caller's thread. */
  boolean triesHere() {
    return tryHere;
  }

  /**
   * Returns the mode a call with a nonblocking form runs in on this thread: {@link Mode#MAY_BLOCK}
   * on an IO thread, {@link Mode#NONBLOCKING} on another thread where calls are tried there, else
   * null (the call goes to the pool).
   */
  @Nullable Mode here() {
    if (pool.onIoThread()) {
      return Mode.MAY_BLOCK;
    }
    return tryHere ? Mode.NONBLOCKING : null;
  }

  /** Runs a call that has a nonblocking form, by the rule above. */
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

  /** Runs a call that has no nonblocking form: here on an IO thread, else on the pool. */
  <T> CompletableFuture<T> runBlocking(IoPool.Task<T> task) {
    if (closed.getAsBoolean()) {
      return PosixRoot.closedFailure();
    }
    if (pool.onIoThread()) {
      try {
        return CompletableFuture.completedFuture(task.run());
      } catch (Exception e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    return pool.submit(task);
  }

  // ---- the flags of each step ----

  /** Returns whether an {@code openat2} in this mode adds {@code RESOLVE_CACHED}. */
  static boolean cachedOnly(Mode mode) {
    return mode == Mode.NONBLOCKING;
  }

  /** Returns the sync flag of a {@code statx} in this mode. */
  static int statxSync(Mode mode) {
    return mode == Mode.NONBLOCKING ? Linux.AT_STATX_DONT_SYNC : Linux.AT_STATX_SYNC_AS_STAT;
  }

  /** Returns the flags of a read in this mode: {@code RWF_NOWAIT} on a caller's thread. */
  static int readFlags(Mode mode) {
    return mode == Mode.NONBLOCKING ? Linux.RWF_NOWAIT : 0;
  }

  /**
   * Returns true if a whole-file read of {@code size} bytes may run in this mode: on a caller's
   * thread only a file one {@code preadv2} into the thread's read buffer reads whole, with the byte
   * that shows the end of file.
   */
  static boolean readsHere(Mode mode, long size) {
    return mode == Mode.MAY_BLOCK || size < PosixNative.IO_SCRATCH;
  }

  /** Gives up the call (in {@link Mode#NONBLOCKING}) if {@code ok} is false. */
  static void require(boolean ok) throws WouldBlock {
    if (!ok) {
      throw WouldBlock.INSTANCE;
    }
  }

  /**
   * Returns {@code fd}, the result of an {@code openat2} in this mode, or gives up the call where,
   * in {@link Mode#NONBLOCKING}, it is EAGAIN (not in the kernel's caches), EMFILE or ENFILE
   * (descriptors handed to the {@link Closer} may not be closed yet: an IO thread closes them and
   * tries again).
   */
  static int opened(Mode mode, int fd) throws WouldBlock {
    require(
        mode == Mode.MAY_BLOCK
            || (fd != -Linux.EAGAIN && fd != -Linux.EMFILE && fd != -Linux.ENFILE));
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
