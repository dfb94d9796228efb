package org.jvfs.posix;

import java.io.IOException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;

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
 *       Mode#NONBLOCKING}), if it has one: a lookup, a node's attributes, a whole-file read, or an
 *       open that neither creates nor truncates. At the first step that would block, the attempt
 *       gives up (handing what it opened to the {@link Closer}) and the call goes to the IO pool,
 *       where it starts again in full. A failure that is an answer (no such file, not a directory,
 *       ...) is the call's answer, on the caller's thread.
 *   <li>Every other call goes to the IO pool; a full queue fails it with EAGAIN, the caller never
 *       waits.
 * </ol>
 *
 * <p>A caller's thread makes only these syscalls, each with the flag that keeps it from waiting
 * ({@code CallerThreadSyscallsTest} traces it, through {@link org.jvfs.posix.ffi.SyscallTrace}, for
 * a FIFO, a leased file, an uncached link and the last close of a deleted file):
 *
 * <ul>
 *   <li>{@code openat2} from the root descriptor with {@code RESOLVE_CACHED} ({@link #cachedOnly}):
 *       EAGAIN instead of a lookup that needs IO; and either {@code O_PATH} (a lookup: no file is
 *       opened, no driver, FIFO or lease is involved) or {@code O_NONBLOCK} ({@link #OPEN_FLAGS}:
 *       the open of a FIFO returns at once instead of waiting for a writer, and that of a file
 *       another process holds a lease on fails with EAGAIN instead of waiting for the lease to
 *       break; open(2)). Opens that create or truncate have no such form (the kernel answers EAGAIN
 *       for {@code O_CREAT}/{@code O_TRUNC} with {@code RESOLVE_CACHED}, {@code fs/open.c
 *       build_open_flags}).
 *   <li>{@code statx} of the descriptor it opened, with {@code AT_STATX_DONT_SYNC} ({@link
 *       #statxSync}): what the kernel has, never a round trip to a network or FUSE server.
 *   <li>one {@code preadv2} with {@code RWF_NOWAIT} ({@link #readFlags}), of a regular file smaller
 *       than the thread's read buffer ({@link #readsHere}): EAGAIN instead of waiting for the disk.
 *       A count short of the size {@code statx} reported is never taken for the end of file (the
 *       read may have stopped where the page cache does): the read goes to the pool.
 *   <li>one {@code preadv2} with {@code RWF_NOWAIT} for a positional read of an open regular file
 *       ({@code PosixFile#read}): a count above 0 is the read's answer (a read may be short); 0 or
 *       EAGAIN is the end of the file only if a {@code statx} of the descriptor with {@code
 *       AT_STATX_DONT_SYNC} then finds it no longer than the position; else, and for EOPNOTSUPP,
 *       the read goes to the pool. {@code PosixFile#size} is such a {@code statx} too.
 * </ul>
 *
 * <p>Nothing else: no {@code close} (any close may be the last of a file another process deleted,
 * which frees its blocks on the closing thread; the descriptor goes to the {@link Closer}), no
 * {@code readlinkat} (the target of a link not in the page cache is read from the disk), no {@code
 * inotify_add_watch}, no read or write of a FIFO or device (an IO thread tries it, and its wait is
 * the {@link Poller}'s), and no call without a nonblocking form. The open of a device node runs its
 * driver's open, with {@code O_NONBLOCK}, which open(2) says makes neither the open nor later IO on
 * the descriptor wait; the backend cannot vouch for a driver beyond that.
 *
 * <p>A call that cannot complete yet but must not hold an IO thread while it waits is tried again
 * later ({@link NotYet}): an open of a file under another process's lease (the kernel breaks the
 * lease; an open with {@code O_NONBLOCK} fails with EAGAIN until the holder gives it up or {@code
 * /proc/sys/fs/lease-break-time} passes, 45 s by default) and an open of a FIFO for writing that no
 * one reads yet (ENXIO; the JDK waits for a reader). It is tried again on the pool after 1, 2, 4,
 * ... up to {@value #MAX_RETRY_DELAY_MS} ms, so any number of such waits holds no IO thread.
 *
 * <p>Thread-safe.
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
     * @throws NotYet (only in {@link Mode#MAY_BLOCK}) if the call cannot complete yet and would
     *     hold the IO thread for long: it is tried again later
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

  /**
   * A call that cannot complete now, thrown in {@link Mode#MAY_BLOCK} where waiting would hold the
   * IO thread for long: the call is tried again later, on the pool. Stackless, one instance per
   * reason.
   */
  static final class NotYet extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * An open of a file another process holds a lease on (EAGAIN with {@code O_NONBLOCK}): the
     * kernel has started breaking it. Tried again until the lease break time has passed, then
     * EAGAIN.
     */
    static final NotYet LEASE = new NotYet("a lease on the file is being broken", true);

    /** An open of a FIFO for writing that no one reads yet (ENXIO): tried again until a reader. */
    static final NotYet NO_READER = new NotYet("the FIFO has no reader yet", false);

    /** Whether the retries end after the lease break time (with EAGAIN), or go on until close. */
    final boolean bounded;

    private NotYet(String why, boolean bounded) {
      super(why, null, false, false);
      this.bounded = bounded;
    }
  }

  /** The longest pause between two tries of a call that could not complete yet. */
  static final long MAX_RETRY_DELAY_MS = 64;

  /** The flags every open of a file adds: see the class comment. */
  static final int OPEN_FLAGS = Linux.O_NONBLOCK;

  /** How long a lease may hold an open: the kernel's lease break time, and a margin. */
  private static final long LEASE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(leaseBreakSeconds() + 5);

  private final IoPool pool;
  private final boolean tryHere;
  private final BooleanSupplier closed;
  private final Set<CompletableFuture<?>> retrying = ConcurrentHashMap.newKeySet();

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
    if (mode == Mode.MAY_BLOCK) {
      CompletableFuture<T> result = new CompletableFuture<>();
      runHere(call, result, 0, 0);
      return result;
    }
    if (mode == Mode.NONBLOCKING) {
      try {
        return CompletableFuture.completedFuture(call.run(mode));
      } catch (WouldBlock e) {
        // Given up at a step that would block: the pool starts the call again.
      } catch (NotYet e) {
        throw new AssertionError("NotYet in NONBLOCKING mode", e);
      } catch (Exception e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    onPool(call, result, 0, 0);
    return result;
  }

  private <T> void onPool(Call<T> call, CompletableFuture<T> result, int tries, long since) {
    pool.execute(() -> runHere(call, result, tries, since), result);
  }

  /** Runs the call in full on this (IO) thread; if it cannot complete yet, tries again later. */
  private <T> void runHere(Call<T> call, CompletableFuture<T> result, int tries, long since) {
    try {
      result.complete(call.run(Mode.MAY_BLOCK));
    } catch (NotYet e) {
      retryLater(call, result, tries, tries == 0 ? System.nanoTime() : since, e);
    } catch (Throwable t) {
      result.completeExceptionally(t);
    }
  }

  private <T> void retryLater(
      Call<T> call, CompletableFuture<T> result, int tries, long since, NotYet why) {
    if (why.bounded && System.nanoTime() - since > LEASE_WAIT_NANOS) {
      result.completeExceptionally(new BackendException(Errno.EAGAIN, why.getMessage()));
      return;
    }
    if (closed.getAsBoolean()) {
      result.completeExceptionally(new ClosedFileSystemException());
      return;
    }
    retrying.add(result);
    long delay = Math.min(MAX_RETRY_DELAY_MS, 1L << Math.min(tries, 20));
    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, Runnable::run)
        .execute(
            () -> {
              // On the shared delay thread: only hands the call to the pool, never runs it here.
              retrying.remove(result);
              if (!result.isDone()) {
                onPool(call, result, tries + 1, since);
              }
            });
  }

  /** Fails the calls waiting to be tried again with {@link ClosedFileSystemException}. */
  void close() {
    for (CompletableFuture<?> f : retrying) {
      f.completeExceptionally(new ClosedFileSystemException());
    }
  }

  /** Reads {@code /proc/sys/fs/lease-break-time} (seconds); 45, the kernel's default, if absent. */
  private static long leaseBreakSeconds() {
    try {
      return Long.parseLong(Files.readString(Path.of("/proc/sys/fs/lease-break-time")).trim());
    } catch (IOException | RuntimeException e) {
      return 45;
    }
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
   * Returns {@code fd}, the result of an open in this mode, or gives the call up where it would
   * wait: in {@link Mode#NONBLOCKING}, EAGAIN (not in the kernel's caches, or a lease) and EMFILE
   * or ENFILE (descriptors handed to the {@link Closer} may not be closed yet: an IO thread closes
   * them and tries again); in {@link Mode#MAY_BLOCK}, EAGAIN (after the wrapper's retries of a
   * rename race, a lease being broken: {@link NotYet#LEASE}).
   */
  static int opened(Mode mode, int fd) throws WouldBlock, NotYet {
    if (fd == -Linux.EAGAIN && mode == Mode.MAY_BLOCK) {
      throw NotYet.LEASE;
    }
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
