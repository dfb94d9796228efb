package org.jvfs.posix;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;
import org.jvfs.spi.BackendFile;
import org.jvfs.spi.Node;

/**
 * An open file of the POSIX backend: a descriptor whose calls run where {@link
 * Placement#runBlocking} puts them (on an IO thread).
 *
 * <p>A stream (a FIFO, a character device, a socket: opened with {@code O_NONBLOCK}) has no
 * position: it is read with {@code read(2)} and written with {@code write(2)}, positions ignored,
 * as the JDK reads such a file through a stream ({@code pread} fails with ESPIPE, "Illegal seek").
 * A read or write that is not ready (EAGAIN; for a read, also a FIFO that no writer opened yet,
 * which {@code poll} does not report) waits in the root's {@link Poller}, not on an IO thread. A
 * read returns -1 once a writer came and every writer left with nothing more to read, as the JDK's
 * blocking read does after its open waited for the first writer.
 *
 * <p>{@link #close()} gives the descriptor up at once (every later call fails with {@link
 * ClosedChannelException}); the descriptor itself is closed once no call in flight uses it, on a
 * thread where that may block ({@link PosixRoot#closeDescriptor}), and the returned future
 * completes then. A stream's waits fail with {@link java.nio.channels.AsynchronousCloseException}.
 *
 * <p>Thread-safe: every call holds a reference on the descriptor ({@link FdRef}).
 */
final class PosixFile implements BackendFile {
  private final PosixNative nat = PosixNative.get();
  private final PosixNode node;
  private final FdRef fd;
  private final Placement placement;
  private final PosixRoot root;
  private final boolean stream;
  private final boolean regular;
  private final Runnable onClose;

  PosixFile(
      PosixNode node,
      FdRef fd,
      Placement placement,
      PosixRoot root,
      boolean stream,
      boolean regular,
      Runnable onClose) {
    this.node = node;
    this.fd = fd;
    this.placement = placement;
    this.root = root;
    this.stream = stream;
    this.regular = regular;
    this.onClose = onClose;
  }

  @Override
  public Node node() {
    return node;
  }

  private interface FdTask<T> {
    T run(int fd) throws Exception;
  }

  private <T> CompletableFuture<T> call(FdTask<T> task) {
    if (fd.isClosed()) {
      return CompletableFuture.failedFuture(new ClosedChannelException());
    }
    return placement.runBlocking(
        () -> {
          if (!fd.acquire()) {
            throw new ClosedChannelException();
          }
          try {
            return task.run(fd.fd());
          } finally {
            fd.release();
          }
        });
  }

  /**
   * A stream's nonblocking step: tried on an IO thread, and if not ready, registered with the
   * {@link Poller}, which tries it again whenever the descriptor reports {@code events}.
   */
  private <T> CompletableFuture<T> streamCall(short events, Poller.Step<T> step) {
    return this.<CompletableFuture<T>>call(
            f -> {
              try {
                return CompletableFuture.completedFuture(step.run(f));
              } catch (Placement.WouldBlock e) {
                return root.poller().when(fd, events, step);
              }
            })
        .thenCompose(f -> f);
  }

  @Override
  public CompletionStage<Integer> read(ByteBuffer dst, long position) {
    if (stream) {
      return streamCall(Linux.POLLIN, f -> readStream(f, dst));
    }
    if (regular && dst.hasRemaining() && placement.here() == Placement.Mode.NONBLOCKING) {
      CompletableFuture<Integer> here = readHere(dst, position);
      if (here != null) {
        return here;
      }
    }
    return call(
        f -> {
          if (!dst.hasRemaining()) {
            return 0;
          }
          long n = PosixErrors.check(nat.pread(f, dst, position));
          return n == 0 ? -1 : (int) n;
        });
  }

  /**
   * A read of a regular file on the caller's thread (see {@link Placement}): one {@code preadv2}
   * with {@code RWF_NOWAIT}, taken if it read something. A count of 0 or EAGAIN is taken for the
   * end of the file only if a {@code statx} of the descriptor that follows it ({@code
   * AT_STATX_DONT_SYNC}) finds the file no longer than {@code position}: the read may have stopped
   * where the page cache does. Returns null where the pool must read: data not cached, a file
   * system that cannot read without waiting, an interrupted call.
   */
  private @Nullable CompletableFuture<Integer> readHere(ByteBuffer dst, long position) {
    if (!fd.acquire()) {
      return CompletableFuture.failedFuture(new ClosedChannelException());
    }
    try {
      long n = nat.preadNowait(fd.fd(), dst, position);
      if (n > 0) {
        return CompletableFuture.completedFuture((int) n);
      }
      if (n == 0 || n == -Linux.EAGAIN) {
        long size = sizeHere(fd.fd());
        return size >= 0 && position >= size ? END : null;
      }
      if (n == -Linux.EOPNOTSUPP || n == -Linux.EINTR) {
        return null;
      }
      return CompletableFuture.failedFuture(PosixErrors.of((int) n));
    } finally {
      fd.release();
    }
  }

  /** Returns the size of the open file {@code f} as the kernel has it, or -errno. */
  private long sizeHere(int f) {
    Statx s = new Statx();
    int r =
        nat.statx(f, EMPTY, Linux.AT_EMPTY_PATH | Linux.AT_STATX_DONT_SYNC, Linux.STATX_SIZE, s);
    return r == 0 ? s.size : r;
  }

  private static final byte[] EMPTY = new byte[0];

  /** The answer of a read at the end of the file; never completed by anyone else. */
  private static final CompletableFuture<Integer> END = CompletableFuture.completedFuture(-1);

  /**
   * One nonblocking read of a stream. {@code read} answers 0 both at the end (every writer left)
   * and before the first writer came, so a read asks {@code poll} first: nothing reported (no data,
   * no writer yet or a writer that writes nothing) is "not ready"; POLLIN or POLLHUP say that a
   * writer came, after which 0 is the end.
   */
  private int readStream(int f, ByteBuffer dst) throws Exception {
    if (!dst.hasRemaining()) {
      return 0;
    }
    short[] revents = new short[1];
    int ready = nat.poll(new int[] {f}, new short[] {Linux.POLLIN}, revents, 1, 0);
    PosixErrors.check(ready);
    Placement.require(revents[0] != 0);
    long n = nat.read(f, dst);
    if (n == -Linux.EAGAIN) {
      throw Placement.WouldBlock.INSTANCE; // another reader took the data
    }
    PosixErrors.check(n);
    return n == 0 ? -1 : (int) n;
  }

  @Override
  public CompletionStage<Integer> write(ByteBuffer src, long position) {
    if (stream) {
      return streamCall(
          Linux.POLLOUT,
          f -> {
            long n = nat.write(f, src);
            if (n == -Linux.EAGAIN) {
              throw Placement.WouldBlock.INSTANCE; // full: wait for the reader
            }
            return (int) PosixErrors.check(n);
          });
    }
    // One pwrite: a short write is reported as such, and the VFS writes the rest.
    return call(f -> (int) PosixErrors.check(nat.pwrite(f, src, position)));
  }

  /**
   * Returns the size from a {@code statx} of the descriptor: on a caller's thread where calls are
   * tried there, with {@code AT_STATX_DONT_SYNC} (what the kernel has, as a whole-file read's size
   * is; see {@link Placement}), else on the pool.
   */
  @Override
  public CompletionStage<Long> size() {
    if (placement.here() == Placement.Mode.NONBLOCKING && fd.acquire()) {
      try {
        long size = sizeHere(fd.fd());
        if (size >= 0) {
          return CompletableFuture.completedFuture(size);
        }
      } finally {
        fd.release();
      }
    }
    return call(
        f -> {
          Statx s = new Statx();
          PosixErrors.check(
              nat.statx(f, new byte[0], Linux.AT_EMPTY_PATH, Linux.STATX_BASIC_STATS, s));
          return s.size;
        });
  }

  @Override
  public CompletionStage<Void> truncate(long size) {
    return call(
        f -> {
          PosixErrors.check(nat.ftruncate(f, size));
          return null;
        });
  }

  @Override
  public CompletionStage<Void> force(boolean metadata) {
    // Never retried: after EIO the data may be gone and a second fsync could succeed falsely.
    return call(
        f -> {
          PosixErrors.check(metadata ? nat.fsync(f) : nat.fdatasync(f));
          return null;
        });
  }

  /**
   * Gives the descriptor up; never blocks (the close runs where {@link PosixRoot#closeDescriptor}
   * puts it).
   *
   * @return a future that completes once the descriptor is closed
   */
  @Override
  public CompletionStage<Void> close() {
    if (fd.closeOwner()) {
      onClose.run();
      if (stream) {
        // Waits in the poller hold the descriptor: fail them, on a thread that may make the
        // syscall that wakes the poller.
        root.closer().execute(() -> root.poller().cancel(fd));
      }
    }
    return fd.whenClosed();
  }
}
