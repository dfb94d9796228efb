package org.jvfs.posix.ffi;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * A record of the syscalls one thread makes through {@link PosixNative}, with the flags that decide
 * whether each may wait: the seam through which tests show what a caller's thread does (the posix
 * backend promises that a thread that is not one of its IO threads makes only the nonblocking calls
 * its placement rule lists). Every wrapper of {@link PosixNative} records its call, before making
 * it, while a trace of the calling thread is active.
 *
 * <p>At most one trace is active in a process at a time. When none is, recording costs one read of
 * a volatile field per syscall. Thread-safe.
 */
public final class SyscallTrace implements AutoCloseable {

  /**
   * One syscall made on the traced thread.
   *
   * @param name the syscall's name, as in its man page ({@code openat2}, {@code statx}, ...)
   * @param flags the flags that decide whether it may wait: the open flags of an {@code openat} or
   *     {@code openat2}, the flags of a {@code statx}, the {@code RWF_*} flags of a {@code
   *     preadv2}, the command of an {@code fcntl}; else 0
   * @param more the {@code open_how.resolve} of an {@code openat2}, the mask of a {@code statx};
   *     else 0
   */
  public record Call(String name, long flags, long more) {
    @Override
    public String toString() {
      return name + "(flags=0x" + Long.toHexString(flags) + ", 0x" + Long.toHexString(more) + ")";
    }
  }

  private static volatile @Nullable SyscallTrace active;

  private final Thread thread;
  private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

  private SyscallTrace(Thread thread) {
    this.thread = thread;
  }

  /**
   * Starts recording the syscalls {@code thread} makes through {@link PosixNative}.
   *
   * @throws IllegalStateException if another trace is active
   */
  public static synchronized SyscallTrace start(Thread thread) {
    if (active != null) {
      throw new IllegalStateException("a syscall trace is active already");
    }
    SyscallTrace t = new SyscallTrace(thread);
    active = t;
    return t;
  }

  /** Records a call of the current thread, if it is traced. */
  static void record(String name, long flags, long more) {
    SyscallTrace t = active;
    if (t != null && t.thread == Thread.currentThread()) {
      t.calls.add(new Call(name, flags, more));
    }
  }

  /** Returns the calls recorded so far, in the order they were made. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Stops recording; the calls stay readable. Idempotent. */
  @Override
  public void close() {
    synchronized (SyscallTrace.class) {
      if (active == this) {
        active = null;
      }
    }
  }
}
