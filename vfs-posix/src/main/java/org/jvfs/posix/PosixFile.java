package org.jvfs.posix;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;
import org.jvfs.spi.BackendFile;
import org.jvfs.spi.Node;

/**
 * An open file of the POSIX backend: a descriptor whose calls run where {@link
 * Placement#runBlocking} puts them (on an IO thread). Thread-safe: every call holds a reference on
 * the descriptor ({@link FdRef}), so {@link #close()} during a read closes the descriptor only
 * after the read returned.
 */
final class PosixFile implements BackendFile {
  private final PosixNative nat = PosixNative.get();
  private final PosixNode node;
  private final FdRef fd;
  private final Placement placement;
  private final Runnable onClose;

  PosixFile(PosixNode node, FdRef fd, Placement placement, Runnable onClose) {
    this.node = node;
    this.fd = fd;
    this.placement = placement;
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

  @Override
  public CompletionStage<Integer> read(ByteBuffer dst, long position) {
    return call(
        f -> {
          if (!dst.hasRemaining()) {
            return 0;
          }
          long n = PosixErrors.check(nat.pread(f, dst, position));
          return n == 0 ? -1 : (int) n;
        });
  }

  @Override
  public CompletionStage<Integer> write(ByteBuffer src, long position) {
    // One pwrite: a short write is reported as such, and the VFS writes the rest.
    return call(f -> (int) PosixErrors.check(nat.pwrite(f, src, position)));
  }

  @Override
  public CompletionStage<Long> size() {
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
   * Gives the descriptor up at once (every later call fails with {@link ClosedChannelException});
   * never blocks. The descriptor is closed once no call in flight uses it, on a thread where that
   * may block ({@link PosixRoot#closeDescriptor}): the last close of a file another process deleted
   * frees its blocks.
   *
   * @return a future that completes once the descriptor is closed
   */
  @Override
  public CompletionStage<Void> close() {
    if (fd.closeOwner()) {
      onClose.run();
    }
    return fd.whenClosed();
  }
}
