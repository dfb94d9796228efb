package org.jvfs.aio.ring;

import static com.google.common.base.Preconditions.checkArgument;

import java.lang.System.Logger.Level;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.aio.ffi.UringLayout.Params;
import org.jvfs.aio.ffi.UringNative;

/**
 * One io_uring instance: its queues, completion table, optional reaper thread, direct-descriptor
 * table, registered buffers and eventfd.
 *
 * <h2>Implementation notes</h2>
 *
 * <p><b>Submission (many threads, one {@code io_uring_enter} per batch).</b> A submitting thread
 * takes a completion slot (waiting or failing at the in-flight bound), then, under the short <em>SQ
 * lock</em> (no syscall inside), writes its SQEs at the local tail and publishes the tail
 * (store-release). It then calls {@link #flush()}: the <em>enter lock</em> is only ever tried,
 * never waited for. The thread that gets it loops {@code io_uring_enter(to_submit = published -
 * head)} until nothing published is left; threads that fail to get it return at once, because the
 * holder will submit their SQEs: a holder re-checks after unlocking, and the check (a volatile read
 * of the published tail after the unlock's volatile write) pairs with the writer's volatile publish
 * before its tryLock, so one of the two always sees the other (flat combining; no lost wakeup).
 * While one thread is inside the syscall, others keep writing SQEs, and the next loop iteration
 * submits them all at once: that is the batching. A linked chain is written and published under one
 * hold of the SQ lock, so a chain is never split across two enters.
 *
 * <p><b>Reaping</b> is {@link Reaper}'s: one CQ consumer at a time; a submitter drains right after
 * its enter, so an operation the kernel completed inline (a cached open, a read from the page
 * cache) completes on the submitting thread with no hop; everything else is reaped by the reaper
 * thread waiting in {@code io_uring_enter(0, 1, GETEVENTS)}, or, without one, by the owner's {@link
 * #await(OpFuture)}.
 *
 * <p><b>No silent overflow.</b> The completion table has at most CQ entries minus {@link
 * RingConfig#RESERVED_CQES} slots, and a slot is freed only after its CQE left the ring, so the
 * CQEs of every operation in flight always fit. If the kernel still reports IORING_SQ_CQ_OVERFLOW
 * (a configuration that allows it, or a kernel bug), the drain calls {@code io_uring_enter(0, 0,
 * GETEVENTS)}, which moves the kernel's overflow list (kept with IORING_FEAT_NODROP) into the CQ,
 * and drains again; the generation in {@code user_data} makes a duplicate CQE harmless.
 *
 * <p><b>Errors of enter.</b> EINTR: counted and retried (the rings are re-read first). EAGAIN and
 * EBUSY (the kernel is short of request memory, or holds overflowed CQEs): counted, the CQ is
 * drained, and the submit is retried after a growing backoff. Any other error stops the flush and
 * is logged; the published SQEs stay and are submitted by the next flush.
 *
 * <p><b>Close.</b> Idempotent. New submissions fail with {@link ClosedChannelException}; what was
 * written is submitted; if operations are in flight an IORING_OP_ASYNC_CANCEL with
 * IORING_ASYNC_CANCEL_ANY | ALL cancels them, and close waits (up to {@code closeGraceMillis}) for
 * their CQEs, so each completes through its CQE (usually {@code -ECANCELED}) after its buffers are
 * released. An operation the kernel has still not answered then (an uncancellable read stuck in a
 * device) fails with ClosedChannelException, and its pinned buffers are kept reachable for the life
 * of the process, since the kernel may still write them. Then the reaper stops, and with the SQ
 * lock, the enter lock and the drain flag all held, the rings are unmapped and the ring and eventfd
 * descriptors closed (which releases registered files and buffers). Every access to ring memory
 * happens under one of those three and checks the state first.
 *
 * <p>Thread-safe.
 */
public final class Ring implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Ring.class.getName());

  /** {@code user_data} of the ring's wakeup NOP. */
  static final long WAKEUP = -1L;

  /** {@code user_data} of the cancel-all at close. */
  static final long CLOSE_CANCEL = -2L;

  private static final int EINTR = 4;
  private static final int EAGAIN = 11;
  private static final int EBUSY = 16;

  private static final int OPEN = 0;
  private static final int CLOSING = 1;
  private static final int CLOSED = 2;

  /**
   * Pinned memory of operations the kernel never answered before their ring closed: kept reachable
   * for the life of the process, since the kernel may still write it.
   */
  private static final ConcurrentLinkedQueue<Object> GRAVEYARD = new ConcurrentLinkedQueue<>();

  /** The io_uring_enter call, a seam for tests that inject EINTR, EAGAIN and EBUSY. */
  @FunctionalInterface
  interface EnterFn {
    int enter(int ringFd, int toSubmit, int minComplete, int flags);
  }

  private final UringNative nat;
  private final RingConfig config;
  private final EnterFn enter;
  private final int ringFd;
  private final int features;
  private final RingMapping mapping;
  private final SubmissionQueue sq;
  private final CompletionQueue cq;
  private final CompletionTable table;
  private final Sqe sqe;
  private final @Nullable FileTable files;
  private final @Nullable FixedBuffers buffers;
  private final int eventFd;
  private final @Nullable Thread reaperThread;

  private final ReentrantLock sqLock = new ReentrantLock();
  private final ReentrantLock enterLock = new ReentrantLock();
  private final AtomicBoolean closeStarted = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile int state = OPEN;

  private final RingCounters counters = new RingCounters();
  private final Reaper reaper;
  private volatile int abandonedAtClose;

  private Ring(
      UringNative nat,
      RingConfig config,
      EnterFn enter,
      int ringFd,
      ByteBuffer params,
      RingMapping mapping,
      int eventFd,
      @Nullable FileTable files,
      @Nullable FixedBuffers buffers) {
    this.nat = nat;
    this.config = config;
    this.enter = enter;
    this.ringFd = ringFd;
    this.features = params.getInt(Params.FEATURES);
    this.mapping = mapping;
    this.sq = new SubmissionQueue(mapping.sqRing, mapping.sqes, params);
    this.cq = new CompletionQueue(mapping.cqRing, params);
    int capacity = Math.min(config.maxInFlight, Integer.MAX_VALUE);
    this.table = new CompletionTable(capacity, config.scratchBytes);
    this.sqe = new Sqe(mapping.sqes, table, nat);
    this.eventFd = eventFd;
    this.files = files;
    this.buffers = buffers;
    this.reaper = new Reaper(this, cq, sq, table, counters);
    if (config.reaper) {
      Thread t = new Thread(reaper::loop, config.name + "-reaper");
      t.setDaemon(true);
      this.reaperThread = t;
    } else {
      this.reaperThread = null;
    }
  }

  /**
   * Sets up a ring: io_uring_setup, the mappings, and what {@code config} asks to register.
   *
   * @throws UringException if a call fails (EPERM where io_uring is forbidden, ENOSYS where the
   *     kernel lacks it, ENOMEM, ...); nothing is left open then
   * @throws LinkageError if the native binding cannot be loaded
   */
  public static Ring open(RingConfig config) throws UringException {
    UringNative nat = UringNative.get();
    return open(config, nat::ioUringEnter);
  }

  /** {@link #open(RingConfig)} with a given io_uring_enter (the tests' seam). */
  static Ring open(RingConfig config, EnterFn enter) throws UringException {
    UringNative nat = UringNative.get();
    ByteBuffer params = ByteBuffer.allocateDirect(Params.SIZE).order(ByteOrder.nativeOrder());
    int flags = IoUring.IORING_SETUP_CQSIZE | IoUring.IORING_SETUP_SUBMIT_ALL;
    if (config.sqPoll) {
      flags |= IoUring.IORING_SETUP_SQPOLL;
    }
    int fd = setup(nat, config, params, flags);
    if (fd == -22 && (flags & IoUring.IORING_SETUP_SUBMIT_ALL) != 0) { // EINVAL before 5.18
      fd = setup(nat, config, params, flags & ~IoUring.IORING_SETUP_SUBMIT_ALL);
    }
    if (fd < 0) {
      throw new UringException("io_uring_setup", -fd);
    }
    RingMapping mapping = null;
    int efd = -1;
    try {
      mapping = RingMapping.map(nat, fd, params);
      FileTable files = null;
      if (config.directFiles > 0) {
        files = FileTable.register(nat, fd, config.directFiles);
      }
      FixedBuffers buffers = null;
      if (config.fixedBuffers > 0) {
        buffers = FixedBuffers.register(nat, fd, config.fixedBuffers, config.fixedBufferSize);
      }
      if (config.eventFd) {
        efd = nat.eventfd(0, IoUring.EFD_CLOEXEC | IoUring.EFD_NONBLOCK);
        if (efd < 0) {
          throw new UringException("eventfd", -efd);
        }
        ByteBuffer arg = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
        arg.putInt(0, efd);
        int r = nat.ioUringRegister(fd, IoUring.IORING_REGISTER_EVENTFD, nat.address(arg), 1);
        Reference.reachabilityFence(arg);
        if (r < 0) {
          throw new UringException("io_uring_register(EVENTFD)", -r);
        }
      }
      Ring ring = new Ring(nat, config, enter, fd, params, mapping, efd, files, buffers);
      if (ring.reaperThread != null) {
        ring.reaperThread.start();
      }
      return ring;
    } catch (UringException | RuntimeException | Error e) {
      if (mapping != null) {
        mapping.unmap();
      }
      if (efd >= 0) {
        nat.close(efd);
      }
      nat.close(fd);
      throw e;
    }
  }

  private static int setup(UringNative nat, RingConfig config, ByteBuffer params, int flags) {
    for (int i = 0; i < Params.SIZE; i += 4) {
      params.putInt(i, 0);
    }
    params.putInt(Params.FLAGS, flags);
    params.putInt(Params.CQ_ENTRIES, config.cqEntries);
    params.putInt(Params.SQ_THREAD_IDLE, config.sqThreadIdleMillis);
    int fd = nat.ioUringSetup(config.entries, nat.address(params));
    Reference.reachabilityFence(params);
    return fd;
  }

  // ---- accessors ----

  /** Returns the ring's descriptor (valid until close). */
  public int fd() {
    return ringFd;
  }

  /** Returns the io_uring_params features word of this ring. */
  public int features() {
    return features;
  }

  /** Returns the SQ's entries as the kernel sized it. */
  public int sqEntries() {
    return sq.entries;
  }

  /** Returns the CQ's entries as the kernel sized it. */
  public int cqEntries() {
    return cq.entries;
  }

  /** Returns the bound on operations in flight. */
  public int maxInFlight() {
    return table.capacity();
  }

  /** Returns the number of operations in flight now. */
  public int inFlight() {
    return table.inFlight();
  }

  /** Returns the registered eventfd, or -1. */
  public int eventFd() {
    return eventFd;
  }

  /** Returns the direct-descriptor table, or null if none was configured. */
  public @Nullable FileTable files() {
    return files;
  }

  /** Returns the registered buffers, or null if none were configured. */
  public @Nullable FixedBuffers buffers() {
    return buffers;
  }

  /** True once {@link #close()} has started. */
  public boolean isClosed() {
    return state != OPEN;
  }

  /** The ring's counters, a snapshot. */
  public record Stats(
      long enterCalls,
      long sqesSubmitted,
      long eintr,
      long eagain,
      long ebusy,
      long overflowFlushes,
      long staleCqes,
      long duplicateCompletions,
      long completions,
      long enterErrors,
      int maxInFlight,
      int abandonedAtClose) {}

  /** Returns a snapshot of the ring's counters. */
  public Stats stats() {
    return counters.snapshot(table, abandonedAtClose);
  }

  void countDuplicate() {
    counters.duplicates.increment();
  }

  /** True once the ring memory is unmapped (checked by every reader holding a lock or flag). */
  boolean released() {
    return state == CLOSED;
  }

  /** The ring's io_uring_enter (through the tests' seam). */
  int enter(int toSubmit, int minComplete, int flags) {
    return enter.enter(ringFd, toSubmit, minComplete, flags);
  }

  /**
   * Submits what is pending (if the enter lock is free) and waits for one CQE, in one
   * io_uring_enter; for {@link Reaper#await}, which holds the drain flag.
   */
  int submitAndWaitOne() {
    if (enterLock.tryLock()) {
      try {
        int pending = config.sqPoll ? 0 : sq.pending();
        int r = enter(pending, 1, IoUring.IORING_ENTER_GETEVENTS);
        counters.enterCalls.increment();
        if (r > 0) {
          counters.sqesSubmitted.add(r);
        }
        return r;
      } finally {
        enterLock.unlock();
      }
    }
    return enter(0, 1, IoUring.IORING_ENTER_GETEVENTS);
  }

  // ---- submission ----

  /**
   * Submits one operation. The future completes with the CQE's res once the kernel is done with
   * every buffer the SQE names; exceptionally with {@link ClosedChannelException} if the ring is
   * closed, {@link RejectedExecutionException} if the in-flight bound is reached under {@link
   * RingConfig.WhenFull#FAIL}, {@link InterruptedException} if the thread was interrupted while
   * waiting for a slot.
   *
   * @throws RuntimeException what {@code writer} throws (nothing is submitted then)
   */
  public OpFuture submit(SqeWriter writer) {
    return submitAll(writer)[0];
  }

  /**
   * Submits several SQEs, adjacent in the SQ and published together (a linked chain, if the writers
   * set {@link Sqe#link()} or {@link Sqe#hardlink()}), in one batch. Returns their futures in
   * order; see {@link #submit(SqeWriter)}.
   *
   * @throws IllegalArgumentException if there are more writers than SQ entries
   */
  public OpFuture[] submitAll(SqeWriter... writers) {
    OpFuture[] fs = write(writers);
    flush();
    tryDrain();
    reaper.wakeIfInFlight();
    return fs;
  }

  /**
   * Writes and publishes SQEs like {@link #submitAll} but does not enter the kernel: a caller that
   * prepares many operations (a directory walk's lookups, many callers' opens) then calls {@link
   * #submitPrepared()} once, and the kernel gets them all in one {@code io_uring_enter}. Another
   * thread's flush may submit them earlier; nothing waits for a flush that never comes, since every
   * later submission and the reaper's close path flush too, but a caller that prepares must call
   * {@link #submitPrepared()}.
   */
  public OpFuture[] prepare(SqeWriter... writers) {
    return write(writers);
  }

  /** Submits every prepared SQE and completes whatever the kernel finished inline. */
  public void submitPrepared() {
    flush();
    tryDrain();
    reaper.wakeIfInFlight();
  }

  private OpFuture[] write(SqeWriter[] writers) {
    int n = writers.length;
    checkArgument(n > 0 && n <= sq.entries, "writers (%s) must be in [1, %s]", n, sq.entries);
    OpFuture[] fs = new OpFuture[n];
    for (int i = 0; i < n; i++) {
      fs[i] = new OpFuture(this);
    }
    int[] slots = new int[n];
    for (int i = 0; i < n; i++) {
      Throwable why = null;
      int s;
      try {
        s = acquireSlot();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        s = -1;
        why = e;
      }
      if (s < 0) {
        for (int j = 0; j < i; j++) {
          table.abandon(slots[j]);
        }
        if (why == null) {
          why =
              state != OPEN
                  ? new ClosedChannelException()
                  : new RejectedExecutionException(table.capacity() + " operations in flight");
        }
        for (OpFuture f : fs) {
          f.fail(why);
        }
        return fs;
      }
      slots[i] = s;
    }
    sqLock.lock();
    try {
      while (state == OPEN && sq.space() < n) {
        sqLock.unlock();
        try {
          makeRoom();
        } finally {
          sqLock.lock();
        }
      }
      if (state != OPEN) {
        for (int s : slots) {
          table.abandon(s);
        }
        ClosedChannelException closedEx = new ClosedChannelException();
        for (OpFuture f : fs) {
          f.fail(closedEx);
        }
        return fs;
      }
      int claimed = 0;
      try {
        for (int i = 0; i < n; i++) {
          sqe.start(sq.claim(), slots[i]);
          claimed++;
          writers[i].write(sqe);
          if (!sqe.written()) {
            throw new IllegalArgumentException("writer " + i + " encoded no operation");
          }
          fs[i].opcode = sqe.opcode();
          sqe.userData(table.arm(slots[i], fs[i]));
        }
      } catch (RuntimeException | Error e) {
        sq.unclaim(claimed);
        for (int s : slots) {
          table.abandon(s);
        }
        throw e;
      }
      sq.publish();
    } finally {
      sqLock.unlock();
    }
    return fs;
  }

  /**
   * Submits an IORING_OP_ASYNC_CANCEL of {@code target}. Its future completes with 0 (the target
   * was cancelled and completes with -ECANCELED), -ENOENT (the target already completed, or its
   * slot moved on: the generation in user_data keeps a late cancel from hitting a new operation) or
   * -EALREADY (the target is running and completes on its own). The target's buffers stay pinned
   * until its own CQE in every case.
   */
  public OpFuture cancel(OpFuture target) {
    long ud = target.userData;
    return submit(s -> s.cancel(ud));
  }

  private int acquireSlot() throws InterruptedException {
    int s = table.tryAcquire();
    if (s >= 0 || config.whenFull == RingConfig.WhenFull.FAIL) {
      return s;
    }
    while (state == OPEN) {
      flush();
      tryDrain();
      s = table.acquire(reaperThread != null ? 1_000_000L : 20_000L);
      if (s >= 0) {
        return s;
      }
      if (reaperThread == null) {
        reaper.waitForAnyCompletion();
      }
    }
    return -1;
  }

  private void makeRoom() {
    flush();
    if (config.sqPoll && enterLock.tryLock()) {
      try {
        if (state != CLOSED) {
          enter.enter(ringFd, 0, 0, IoUring.IORING_ENTER_SQ_WAIT);
        }
      } finally {
        enterLock.unlock();
      }
    } else {
      Thread.yield();
    }
  }

  /**
   * Submits everything published, unless another thread is doing so (it will also submit what this
   * thread published; see the class comment).
   */
  void flush() {
    while (true) {
      if (!enterLock.tryLock()) {
        return;
      }
      try {
        if (state == CLOSED) {
          return;
        }
        submitPending();
      } finally {
        enterLock.unlock();
      }
      // The re-check that pairs with a writer's publish-then-tryLock: volatiles only.
      if (config.sqPoll || state == CLOSED || sq.pendingHint() <= 0) {
        return;
      }
    }
  }

  /** Under the enter lock: io_uring_enter until the kernel consumed everything published. */
  private void submitPending() {
    if (config.sqPoll) {
      // The poller consumes the SQ; enter only to wake it (fence + flag in needsWakeup).
      if (sq.needsWakeup()) {
        int r = enter.enter(ringFd, 0, 0, IoUring.IORING_ENTER_SQ_WAKEUP);
        counters.enterCalls.increment();
        counters.countEnterError(r);
      }
      return;
    }
    int backoff = 0;
    while (true) {
      int pending = sq.pending();
      if (pending <= 0) {
        return;
      }
      int r = enter.enter(ringFd, pending, 0, 0);
      counters.enterCalls.increment();
      if (r > 0) {
        counters.sqesSubmitted.add(r);
        backoff = 0;
        continue;
      }
      int e = -r;
      if (r == 0 || e == EAGAIN || e == EBUSY) {
        if (e == EBUSY) {
          counters.ebusy.increment();
        } else {
          counters.eagain.increment();
        }
        tryDrain();
        backoff(backoff++);
      } else if (e == EINTR) {
        counters.eintr.increment();
      } else {
        counters.enterErrors.increment();
        LOG.log(Level.WARNING, "io_uring_enter failed: {0}", UringException.describe(e));
        return;
      }
    }
  }

  static void backoff(int round) {
    if (round < 16) {
      Thread.onSpinWait();
    } else if (round < 64) {
      Thread.yield();
    } else {
      LockSupport.parkNanos(50_000L);
    }
  }

  // ---- reaping ----

  /**
   * Completes every operation whose CQE is in the CQ now, on this thread, unless another thread is
   * doing so. Never blocks.
   */
  public void reap() {
    tryDrain();
  }

  /** Drains if no other thread is; returns false if another was. */
  boolean tryDrain() {
    return reaper.tryDrain();
  }

  /**
   * Waits for {@code op} and returns its CQE's res, reaping on this thread while it waits. With a
   * reaper thread, this drains once and then waits for the reaper. Without one, the calling thread
   * becomes the CQ's consumer: it submits and waits in one {@code io_uring_enter(to_submit, 1,
   * GETEVENTS)} and completes every CQE it finds, its own and others'. The thread's interrupt
   * status is not looked at; a signal (EINTR) is counted and the wait resumed.
   *
   * @throws java.util.concurrent.CompletionException if the operation failed (ring closed)
   */
  public int await(OpFuture op) {
    return reaper.await(op, reaperThread != null);
  }

  // ---- close ----

  /**
   * Closes the ring; see the class comment. Idempotent: a second call waits for the first to
   * finish.
   */
  @Override
  public void close() {
    if (reaper.heldByCurrentThread() || Thread.currentThread() == reaperThread) {
      // Called from a completion callback: this thread holds the drain flag (or is the reaper,
      // which close joins), so close cannot finish here. It runs on a thread of its own instead,
      // and this call returns at once.
      if (closeStarted.get()) {
        return;
      }
      Thread t = new Thread(this::close, config.name + "-close");
      t.setDaemon(true);
      t.start();
      return;
    }
    if (!closeStarted.compareAndSet(false, true)) {
      awaitClosed();
      return;
    }
    try {
      doClose();
    } finally {
      closed.countDown();
    }
  }

  private void awaitClosed() {
    boolean interrupted = false;
    while (true) {
      try {
        closed.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void doClose() {
    sqLock.lock();
    try {
      state = CLOSING; // writers check it under the SQ lock: none publishes after this
    } finally {
      sqLock.unlock();
    }
    flushAll();
    if (table.inFlight() > 0) {
      submitInternal(
          CLOSE_CANCEL,
          IoUring.IORING_ASYNC_CANCEL_ANY | IoUring.IORING_ASYNC_CANCEL_ALL,
          IoUring.OP_ASYNC_CANCEL);
      flushAll();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.closeGraceMillis);
    while (table.inFlight() > 0 && System.nanoTime() - deadline < 0) {
      tryDrain();
      if (table.inFlight() > 0) {
        LockSupport.parkNanos(100_000L);
      }
    }
    tryDrain();
    if (table.inFlight() > 0) {
      List<OpFuture> lost = new ArrayList<>();
      GRAVEYARD.addAll(table.evictAll(lost));
      if (buffers != null) {
        GRAVEYARD.add(buffers);
      }
      abandonedAtClose = lost.size();
      LOG.log(
          Level.WARNING,
          "{0}: {1} operations not answered by the kernel at close; their buffers stay pinned",
          config.name,
          lost.size());
      for (OpFuture f : lost) {
        f.fail(new ClosedChannelException());
      }
    }
    // Wake whoever waits in the kernel (the reaper; an owner in await) for the last time.
    reaper.stop();
    submitInternal(WAKEUP, 0, IoUring.OP_NOP);
    flushAll();
    if (reaperThread != null) {
      try {
        reaperThread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sqLock.lock();
    enterLock.lock();
    while (!reaper.acquire()) {
      Thread.onSpinWait();
    }
    try {
      state = CLOSED;
      mapping.unmap();
      nat.close(ringFd);
      if (eventFd >= 0) {
        nat.close(eventFd);
      }
    } finally {
      reaper.release();
      enterLock.unlock();
      sqLock.unlock();
    }
  }

  /** Submits until nothing published is left, waiting for the enter lock (close only). */
  private void flushAll() {
    for (int round = 0; round < 10_000; round++) {
      enterLock.lock();
      try {
        if (state == CLOSED) {
          return;
        }
        submitPending();
        if (config.sqPoll ? sq.pending() <= 0 : sq.pendingHint() <= 0) {
          return;
        }
      } finally {
        enterLock.unlock();
      }
      Thread.yield();
    }
  }

  /** Writes one of the ring's own SQEs (no slot; the CQ keeps room for it). */
  private void submitInternal(long userData, int cancelFlags, int op) {
    sqLock.lock();
    try {
      while (sq.space() < 1) {
        sqLock.unlock();
        try {
          flushAll();
          Thread.yield();
        } finally {
          sqLock.lock();
        }
      }
      sqe.start(sq.claim(), 0);
      if (op == IoUring.OP_NOP) {
        sqe.nop();
      } else {
        sqe.cancelMatching(cancelFlags);
      }
      sqe.userData(userData);
      sq.publish();
    } finally {
      sqLock.unlock();
    }
  }

  // ---- test seams ----

  /** Submits a NOP whose user_data is forged: a stale or duplicate CQE, for tests. */
  void submitForgedNop(long userData) {
    sqLock.lock();
    try {
      sqe.start(sq.claim(), 0);
      sqe.nop();
      sqe.forceUserData(userData);
      sq.publish();
    } finally {
      sqLock.unlock();
    }
    flush();
  }

  /** Stops (or resumes) every drain: for tests that let the CQ fill up. */
  void pauseReaping(boolean paused) {
    reaper.pause(paused);
  }

  /** The kernel's count of dropped CQEs (stays 0 with IORING_FEAT_NODROP); -1 once closed. */
  int cqDropped() {
    sqLock.lock();
    try {
      return state == CLOSED ? -1 : cq.overflow();
    } finally {
      sqLock.unlock();
    }
  }

  /** True if the kernel reports CQEs in its overflow list now. */
  boolean cqOverflowFlag() {
    sqLock.lock();
    try {
      return state != CLOSED && sq.cqOverflow();
    } finally {
      sqLock.unlock();
    }
  }

  @Override
  public String toString() {
    return config.name + "[fd=" + ringFd + ", sq=" + sq.entries + ", cq=" + cq.entries + "]";
  }
}
