package org.jvfs.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;

/**
 * Waits, on one thread of its own, until descriptors of files that have no end to read to (FIFOs,
 * character devices, sockets: "streams") can be read or written, and then reads or writes them
 * without blocking. A read of a FIFO no writer has opened yet, or whose writer writes nothing, may
 * wait forever; it must hold no IO thread, or a handful of them stall every other call of the
 * backend (16 pending FIFO reads once filled the IO pool). Here any number of such waits costs one
 * thread and one {@code poll(2)} entry each.
 *
 * <p>Streams are opened with {@code O_NONBLOCK}, so their reads and writes never wait: a step that
 * is not ready answers EAGAIN ({@link Placement.WouldBlock}), and its wait is registered here
 * ({@link #when}). The thread polls every registered descriptor and an eventfd that wakes it for
 * new registrations and cancellations, tries each ready wait's step again, and completes the wait
 * with the step's answer. A wait holds a reference on its descriptor ({@link FdRef}) until it has
 * left the thread's poll set, so a descriptor is never closed (and its number reused) while polled.
 *
 * <p>The thread and its eventfd are made on the first wait. A registered step runs, and its future
 * completes, on the poller's thread: steps must not block, and what runs after the future (the
 * VFS's completion executor decides) must not either. Thread-safe.
 */
final class Poller {

  /** A nonblocking step on a stream descriptor. */
  @FunctionalInterface
  interface Step<T> {
    /**
     * Runs the step on {@code fd}.
     *
     * @throws Placement.WouldBlock if the descriptor is not ready
     * @throws Exception the step's failure
     */
    T run(int fd) throws Exception;
  }

  private static final AtomicInteger POLLERS = new AtomicInteger();

  /** A registered step and its result. */
  private static final class Wait<T> {
    final FdRef ref;
    final short events;
    final Step<T> step;
    final CompletableFuture<T> result = new CompletableFuture<>();

    Wait(FdRef ref, short events, Step<T> step) {
      this.ref = ref;
      this.events = events;
      this.step = step;
    }

    /** Runs the step: completes the wait with its answer, or leaves it waiting. */
    void attempt() {
      try {
        result.complete(step.run(ref.fd()));
      } catch (Placement.WouldBlock e) {
        // Not ready after all (another reader took the data): wait on.
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    }
  }

  private final PosixNative nat = PosixNative.get();
  private final ConcurrentLinkedQueue<Wait<?>> incoming = new ConcurrentLinkedQueue<>();
  private final Set<Wait<?>> all = ConcurrentHashMap.newKeySet();
  private int eventFd = -1;
  private @Nullable Thread thread;
  private volatile boolean closed;

  /**
   * Runs {@code step} on {@code ref}'s descriptor once it reports one of {@code events} ({@link
   * Linux#POLLIN}, {@link Linux#POLLOUT}), and again after each report until the step answers.
   * Makes syscalls (an eventfd write): call it only on a thread that may.
   *
   * @return the step's answer; fails with {@link ClosedChannelException} if the descriptor is
   *     closed, {@link AsynchronousCloseException} if it is closed while waiting
   */
  <T> CompletableFuture<T> when(FdRef ref, short events, Step<T> step) {
    if (!ref.acquire()) {
      return CompletableFuture.failedFuture(new ClosedChannelException());
    }
    Wait<T> w = new Wait<>(ref, events, step);
    synchronized (this) {
      if (closed) {
        ref.release();
        return CompletableFuture.failedFuture(new AsynchronousCloseException());
      }
      if (thread == null) {
        start();
      }
      all.add(w);
      incoming.add(w);
    }
    wake();
    return w.result;
  }

  private void start() {
    int fd = nat.eventfd(0, Linux.EFD_NONBLOCK | Linux.EFD_CLOEXEC);
    if (fd < 0) {
      throw new IllegalStateException("eventfd: " + PosixErrors.of(fd).getMessage());
    }
    eventFd = fd;
    Thread t = new Thread(this::loop, "jvfs-posix-poll-" + POLLERS.incrementAndGet());
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /**
   * Fails every wait on {@code ref}'s descriptor with {@link AsynchronousCloseException} (the file
   * is being closed) and lets go of their references. Makes syscalls.
   */
  void cancel(FdRef ref) {
    boolean any = false;
    for (Wait<?> w : all) {
      if (w.ref == ref) {
        any |= w.result.completeExceptionally(new AsynchronousCloseException());
      }
    }
    if (any) {
      wake();
    }
  }

  /** Returns how many waits are registered and not yet answered. */
  int waiting() {
    int n = 0;
    for (Wait<?> w : all) {
      if (!w.result.isDone()) {
        n++;
      }
    }
    return n;
  }

  /** Wakes the thread. Under the lock: {@link #close} must not close the eventfd meanwhile. */
  private synchronized void wake() {
    if (eventFd >= 0) {
      ByteBuffer one = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, 1);
      // Never waits: EFD_NONBLOCK, and EAGAIN only if the counter is near 2^64 (awake anyway).
      nat.write(eventFd, one);
    }
  }

  private void loop() {
    List<Wait<?>> waiting = new ArrayList<>();
    int[] fds = new int[16];
    short[] events = new short[16];
    short[] revents = new short[16];
    byte[] counter = new byte[8];
    while (true) {
      for (Wait<?> w; (w = incoming.poll()) != null; ) {
        waiting.add(w);
      }
      waiting.removeIf(
          w -> {
            if (closed) {
              w.result.completeExceptionally(new AsynchronousCloseException());
            }
            if (w.result.isDone()) {
              all.remove(w);
              w.ref.release(); // the descriptor is out of the poll set now
              return true;
            }
            return false;
          });
      if (closed) {
        return;
      }
      int n = waiting.size() + 1;
      if (fds.length < n) {
        fds = Arrays.copyOf(fds, 2 * n);
        events = Arrays.copyOf(events, 2 * n);
        revents = Arrays.copyOf(revents, 2 * n);
      }
      fds[0] = eventFd;
      events[0] = Linux.POLLIN;
      for (int i = 1; i < n; i++) {
        Wait<?> w = waiting.get(i - 1);
        fds[i] = w.ref.fd();
        events[i] = w.events;
      }
      int r = nat.poll(fds, events, revents, n, -1);
      if (r < 0) {
        // ENOMEM or EINVAL (more descriptors than RLIMIT_NOFILE): fail the waits, not the thread.
        for (Wait<?> w : waiting) {
          w.result.completeExceptionally(PosixErrors.of(r));
        }
        continue;
      }
      if (revents[0] != 0) {
        nat.read(eventFd, counter);
      }
      for (int i = 1; i < n; i++) {
        Wait<?> w = waiting.get(i - 1);
        if (revents[i] != 0 && !w.result.isDone()) {
          w.attempt();
        }
      }
    }
  }

  /**
   * Fails every wait with {@link AsynchronousCloseException}, lets go of their descriptors, stops
   * the thread and closes the eventfd. Idempotent.
   */
  void close() {
    Thread t;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      t = thread;
    }
    if (t == null) {
      return;
    }
    wake();
    try {
      t.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Wait<?> w : all) {
      w.result.completeExceptionally(new AsynchronousCloseException());
    }
    if (!t.isAlive()) {
      synchronized (this) {
        nat.close(eventFd);
        eventFd = -1;
      }
    }
  }
}
