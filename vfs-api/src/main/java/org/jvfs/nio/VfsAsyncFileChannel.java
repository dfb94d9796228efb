package org.jvfs.nio;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.CompletionHandler;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.OpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.jvfs.AsyncFile;
import org.jvfs.spi.OpenFlags;

/**
 * An {@link AsynchronousFileChannel} over an {@link AsyncFile}: reads and writes are the VFS's own
 * asynchronous operations, with no thread hop added; futures and completion handlers complete where
 * the VFS completes them (its completion executor, or the caller's thread when the backend answered
 * at once). The executor passed to {@code open} is not used. Locks are those of {@link
 * VfsLockTable}. Thread-safe.
 */
final class VfsAsyncFileChannel extends AsynchronousFileChannel {
  private final VfsPath path;
  private final AsyncFile file;
  private final boolean readable;
  private final boolean writable;
  private volatile boolean open = true;

  private VfsAsyncFileChannel(VfsPath path, AsyncFile file, OpenFlags flags) {
    this.path = path;
    this.file = file;
    this.readable = flags.read();
    this.writable = flags.write();
  }

  /** Opens a channel; the open itself blocks, as {@code AsynchronousFileChannel.open} does. */
  static VfsAsyncFileChannel open(
      VfsPath path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
      throws IOException {
    OpenFlags flags = OpenFlags.from(options);
    path.getFileSystem().checkOpen();
    AsyncFile f =
        VfsIo.join(path.getFileSystem().vfs().open(VfsFileChannel.abs(path), options, attrs));
    return new VfsAsyncFileChannel(path, f, flags);
  }

  private <T> @Nullable CompletableFuture<T> guard(boolean read, boolean write) {
    if (!open) {
      return CompletableFuture.failedFuture(new ClosedChannelException());
    }
    if (read && !readable) {
      throw new NonReadableChannelException();
    }
    if (write && !writable) {
      throw new NonWritableChannelException();
    }
    return null;
  }

  private static <V, A> void handle(
      CompletableFuture<V> f, @Nullable A attachment, CompletionHandler<V, ? super A> handler) {
    checkNotNull(handler, "handler");
    f.whenComplete(
        (v, e) -> {
          if (e != null) {
            Throwable c =
                e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            handler.failed(c, attachment);
          } else {
            handler.completed(v, attachment);
          }
        });
  }

  private CompletableFuture<Integer> readFuture(ByteBuffer dst, long position) {
    checkNotNull(dst, "dst");
    if (position < 0) {
      throw new IllegalArgumentException("negative position: " + position);
    }
    CompletableFuture<Integer> g = guard(true, false);
    return g != null ? g : file.read(dst, position);
  }

  private CompletableFuture<Integer> writeFuture(ByteBuffer src, long position) {
    checkNotNull(src, "src");
    if (position < 0) {
      throw new IllegalArgumentException("negative position: " + position);
    }
    CompletableFuture<Integer> g = guard(false, true);
    return g != null ? g : file.write(src, position);
  }

  @Override
  public Future<Integer> read(ByteBuffer dst, long position) {
    return readFuture(dst, position);
  }

  @Override
  public <A> void read(
      ByteBuffer dst, long position, A attachment, CompletionHandler<Integer, ? super A> handler) {
    handle(readFuture(dst, position), attachment, handler);
  }

  @Override
  public Future<Integer> write(ByteBuffer src, long position) {
    return writeFuture(src, position);
  }

  @Override
  public <A> void write(
      ByteBuffer src, long position, A attachment, CompletionHandler<Integer, ? super A> handler) {
    handle(writeFuture(src, position), attachment, handler);
  }

  private void checkOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }

  @Override
  public long size() throws IOException {
    checkOpen();
    return VfsIo.join(file.size());
  }

  @Override
  public AsynchronousFileChannel truncate(long size) throws IOException {
    if (size < 0) {
      throw new IllegalArgumentException("negative size: " + size);
    }
    checkOpen();
    if (!writable) {
      throw new NonWritableChannelException();
    }
    VfsIo.join(file.truncate(size));
    return this;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    checkOpen();
    VfsIo.join(file.force(metaData));
  }

  private CompletableFuture<FileLock> lockFuture(long position, long size, boolean shared) {
    if (position < 0 || size < 0 || position + size < 0) {
      throw new IllegalArgumentException("bad lock region: " + position + ", " + size);
    }
    CompletableFuture<FileLock> g = guard(shared, !shared);
    if (g != null) {
      return g;
    }
    try {
      return CompletableFuture.completedFuture(tryLock(position, size, shared));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public Future<FileLock> lock(long position, long size, boolean shared) {
    return lockFuture(position, size, shared);
  }

  @Override
  public <A> void lock(
      long position,
      long size,
      boolean shared,
      A attachment,
      CompletionHandler<FileLock, ? super A> handler) {
    handle(lockFuture(position, size, shared), attachment, handler);
  }

  /** Locks within this JVM; see {@link VfsLockTable}. */
  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    checkOpen();
    if (shared && !readable) {
      throw new NonReadableChannelException();
    }
    if (!shared && !writable) {
      throw new NonWritableChannelException();
    }
    return path.getFileSystem()
        .locks()
        .acquire(VfsFileChannel.lockKeyOf(path), this, position, size, shared);
  }

  @Override
  public boolean isOpen() {
    return open && file.isOpen();
  }

  @Override
  public void close() throws IOException {
    if (!open) {
      return;
    }
    open = false;
    path.getFileSystem().locks().releaseAll(this);
    VfsIo.join(file.close());
  }
}
