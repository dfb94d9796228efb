package org.jvfs.aio.backend;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.ClosedFileSystemException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.jvfs.aio.ring.OpFuture;
import org.jvfs.posix.PosixErrors;
import org.jvfs.posix.PosixRoot;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;
import org.jvfs.spi.BackendFile;
import org.jvfs.spi.Node;

/**
 * An open regular file (or directory) of the aio backend: a process descriptor opened by the ring,
 * read and written with IORING_OP_READ and IORING_OP_WRITE, closed with IORING_OP_CLOSE. {@link
 * #size}, {@link #truncate} and {@link #force} are posix calls on the shared IO pool ({@code
 * FTRUNCATE} and {@code FSYNC} run on io-wq workers anyway; one syscall on an IO thread is
 * cheaper).
 *
 * <p>A read or write completes only after its CQE, so the kernel is done with the caller's buffer
 * (or the direct buffer a heap buffer's bytes pass through) by then. When every ring slot is in
 * flight, a read or write runs as {@code pread}/{@code pwrite} on the IO pool instead: a caller's
 * thread never waits for a slot.
 *
 * <p>{@link #close()} gives the descriptor up at once (later calls fail with {@link
 * ClosedChannelException}); the descriptor is closed once no call in flight uses it, through the
 * ring (or the posix {@code Closer} once the ring is closed), and the returned future completes
 * then.
 *
 * <p>Thread-safe: every call holds a reference on the descriptor.
 */
final class UringFile implements BackendFile {
  private static final long CLOSED = 1L << 62;
  private static final int ECANCELED = 125;

  /** The most bytes a heap buffer's read or write moves through a direct buffer at once. */
  private static final int MAX_BOUNCE = 1 << 20;

  private final PosixNative nat = PosixNative.get();
  private final UringBackend owner;
  private final Node node;
  private final int fd;
  private final AtomicLong state = new AtomicLong();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  UringFile(UringBackend owner, Node node, int fd) {
    this.owner = owner;
    this.node = node;
    this.fd = fd;
  }

  @Override
  public Node node() {
    return node;
  }

  private boolean acquire() {
    while (true) {
      long s = state.get();
      if ((s & CLOSED) != 0) {
        return false;
      }
      if (state.compareAndSet(s, s + 1)) {
        return true;
      }
    }
  }

  private void release() {
    if (state.decrementAndGet() == CLOSED) {
      closeDescriptor();
    }
  }

  /** Fails a call of a closed file: ClosedFileSystemException once the backend is closed. */
  private <T> CompletableFuture<T> closedFailure() {
    return CompletableFuture.failedFuture(
        owner.isClosed() ? new ClosedFileSystemException() : new ClosedChannelException());
  }

  /** The failure for a CQE's {@code -errno}: cancelled by the backend's close, or the errno's. */
  private Throwable failure(int res) {
    if (res == -ECANCELED && owner.isClosed()) {
      return new ClosedFileSystemException();
    }
    return PosixErrors.of(res);
  }

  @Override
  public CompletionStage<Integer> read(ByteBuffer dst, long position) {
    if (!acquire()) {
      return closedFailure();
    }
    if (!dst.hasRemaining()) {
      release();
      return CompletableFuture.completedFuture(0);
    }
    int want = Math.min(dst.remaining(), Linux.MAX_RW_COUNT);
    ByteBuffer buf = dst.isDirect() ? dst : owner.buffers().take(Math.min(want, MAX_BOUNCE));
    if (buf != dst) {
      want = Math.min(want, buf.capacity());
      buf.limit(want);
    }
    CompletableFuture<Integer> out = new CompletableFuture<>();
    OpFuture op;
    try {
      op = owner.ring().submit(s -> s.read(fd, buf, position));
    } catch (RuntimeException e) {
      done(buf, dst);
      release();
      return CompletableFuture.failedFuture(e);
    }
    op.whenComplete(
        (res, t) -> {
          if (t != null) {
            done(buf, dst);
            if (AioErrors.refusedForRoom(t)) {
              fallback(out, () -> (int) eof(PosixErrors.check(nat.pread(fd, dst, position))));
              return;
            }
            release();
            out.completeExceptionally(AioErrors.forCaller(t));
            return;
          }
          try {
            if (res < 0) {
              out.completeExceptionally(failure(res));
            } else if (res == 0) {
              out.complete(-1);
            } else {
              if (buf != dst) {
                dst.put(buf.position(0).limit(res));
              } else {
                dst.position(dst.position() + res);
              }
              out.complete(res);
            }
          } catch (RuntimeException e) {
            out.completeExceptionally(e); // a read-only buffer, say: never leave the caller waiting
          } finally {
            done(buf, dst);
            release();
          }
        });
    return out;
  }

  private static long eof(long n) {
    return n == 0 ? -1 : n;
  }

  @Override
  public CompletionStage<Integer> write(ByteBuffer src, long position) {
    if (!acquire()) {
      return closedFailure();
    }
    int want = Math.min(src.remaining(), Linux.MAX_RW_COUNT);
    ByteBuffer buf;
    if (src.isDirect()) {
      buf = src;
    } else {
      buf = owner.buffers().take(Math.min(want, MAX_BOUNCE));
      want = Math.min(want, buf.capacity());
      buf.put(0, src, src.position(), want).limit(want);
    }
    CompletableFuture<Integer> out = new CompletableFuture<>();
    OpFuture op;
    try {
      op = owner.ring().submit(s -> s.write(fd, buf, position));
    } catch (RuntimeException e) {
      done(buf, src);
      release();
      return CompletableFuture.failedFuture(e);
    }
    op.whenComplete(
        (res, t) -> {
          if (t != null) {
            done(buf, src);
            if (AioErrors.refusedForRoom(t)) {
              fallback(out, () -> (int) PosixErrors.check(nat.pwrite(fd, src, position)));
              return;
            }
            release();
            out.completeExceptionally(AioErrors.forCaller(t));
            return;
          }
          try {
            if (res < 0) {
              out.completeExceptionally(failure(res));
            } else {
              src.position(src.position() + res);
              out.complete(res);
            }
          } finally {
            done(buf, src);
            release();
          }
        });
    return out;
  }

  /** Gives back a bounce buffer (not the caller's own). */
  private void done(ByteBuffer buf, ByteBuffer callers) {
    if (buf != callers) {
      owner.buffers().give(buf);
    }
  }

  /** Runs a call the ring had no room for on the IO pool; releases the reference after it. */
  private <T> void fallback(CompletableFuture<T> out, PosixRoot.BlockingCall<T> call) {
    owner
        .posixRoot()
        .runBlocking(call)
        .whenComplete(
            (v, e) -> {
              release();
              if (e != null) {
                out.completeExceptionally(AioErrors.unwrap(e));
              } else {
                out.complete(v);
              }
            });
  }

  /** A posix call with the descriptor held, on the IO pool. */
  private <T> CompletableFuture<T> onPool(PosixRoot.BlockingCall<T> call) {
    if (!acquire()) {
      return closedFailure();
    }
    CompletableFuture<T> out = new CompletableFuture<>();
    fallback(out, call);
    return out;
  }

  @Override
  public CompletionStage<Long> size() {
    return onPool(
        () -> {
          Statx s = new Statx();
          PosixErrors.check(
              nat.statx(fd, new byte[0], Linux.AT_EMPTY_PATH, Linux.STATX_BASIC_STATS, s));
          return s.size;
        });
  }

  @Override
  public CompletionStage<Void> truncate(long size) {
    return onPool(
        () -> {
          PosixErrors.check(nat.ftruncate(fd, size));
          return null;
        });
  }

  @Override
  public CompletionStage<Void> force(boolean metadata) {
    // Never retried: after EIO the data may be gone and a second fsync could succeed falsely.
    return onPool(
        () -> {
          PosixErrors.check(metadata ? nat.fsync(fd) : nat.fdatasync(fd));
          return null;
        });
  }

  /** Gives the descriptor up; the future completes once it is closed. Never blocks. */
  @Override
  public CompletionStage<Void> close() {
    while (true) {
      long s = state.get();
      if ((s & CLOSED) != 0) {
        return closed;
      }
      if (state.compareAndSet(s, s | CLOSED)) {
        owner.forget(this);
        if (s == 0) {
          closeDescriptor();
        }
        return closed;
      }
    }
  }

  /** Closes the descriptor once (never retried), through the ring or else the posix closer. */
  private void closeDescriptor() {
    OpFuture op;
    try {
      op = owner.ring().submit(s -> s.close(fd));
    } catch (RuntimeException e) {
      closeOnPosix();
      return;
    }
    op.whenComplete(
        (res, t) -> {
          if (t != null || res == -ECANCELED) {
            // Never submitted (ring closed or full), or cancelled before it ran (the ring's
            // cancel-all at close): the descriptor is still open, and this is not a retried close.
            closeOnPosix();
          } else {
            owner.descriptorClosed();
            closed.complete(null);
          }
        });
  }

  private void closeOnPosix() {
    owner
        .posixRoot()
        .closeDescriptor(
            fd,
            () -> {
              owner.descriptorClosed();
              closed.complete(null);
            });
  }

  /** True once {@link #close()} was called. */
  boolean isClosed() {
    return (state.get() & CLOSED) != 0;
  }
}
