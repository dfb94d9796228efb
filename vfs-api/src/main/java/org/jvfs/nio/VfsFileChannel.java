package org.jvfs.nio;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.jvfs.AsyncFile;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.OpenFlags;

/**
 * A blocking {@link FileChannel} over an {@link AsyncFile}: each call waits for the VFS's future
 * and throws the IOException it failed with. Also the channel behind {@code newByteChannel} and the
 * streams. Closing it releases its locks and closes the file. {@link #map} is not supported.
 * Thread-safe; relative reads and writes are serialized on the position.
 */
final class VfsFileChannel extends FileChannel {
  private static final int CHUNK = 64 * 1024;

  private final VfsPath path;
  private final AsyncFile file;
  private final boolean readable;
  private final boolean writable;
  private final boolean append;
  private final boolean waitForClose;
  private final Object positionLock = new Object();
  private long position;
  private @Nullable Object lockKey;

  private VfsFileChannel(VfsPath path, AsyncFile file, OpenFlags flags, boolean deleteOnClose) {
    this.path = path;
    this.file = file;
    this.readable = flags.read();
    this.writable = flags.write();
    this.append = flags.append();
    this.waitForClose = writable || deleteOnClose;
  }

  /** Opens a channel with the given options; see {@link org.jvfs.Vfs#open}. */
  static VfsFileChannel open(
      VfsPath path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
      throws IOException {
    OpenFlags flags = OpenFlags.from(options);
    path.getFileSystem().checkOpen();
    AsyncFile f = VfsIo.join(path.getFileSystem().vfs().open(abs(path), options, attrs));
    return new VfsFileChannel(
        path, f, flags, options.contains(java.nio.file.StandardOpenOption.DELETE_ON_CLOSE));
  }

  static String abs(VfsPath p) {
    return p.toAbsolutePath().toString();
  }

  private void checkOpen() throws ClosedChannelException {
    if (!isOpen()) {
      throw new ClosedChannelException();
    }
  }

  private void checkReadable() throws ClosedChannelException {
    checkOpen();
    if (!readable) {
      throw new NonReadableChannelException();
    }
  }

  private void checkWritable() throws ClosedChannelException {
    checkOpen();
    if (!writable) {
      throw new NonWritableChannelException();
    }
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    checkNotNull(dst, "dst");
    checkReadable();
    synchronized (positionLock) {
      int n = VfsIo.join(file.read(dst, position));
      if (n > 0) {
        position += n;
      }
      return n;
    }
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    checkReadable();
    long total = 0;
    for (int i = offset; i < offset + length; i++) {
      ByteBuffer b = dsts[i];
      int want = b.remaining();
      int n = read(b);
      if (n < 0) {
        return total == 0 ? -1 : total;
      }
      total += n;
      if (n < want) {
        break;
      }
    }
    return total;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    checkNotNull(src, "src");
    checkWritable();
    synchronized (positionLock) {
      long at = append ? VfsIo.join(file.size()) : position;
      int n = VfsIo.join(file.write(src, at));
      position = append ? VfsIo.join(file.size()) : at + n;
      return n;
    }
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    checkWritable();
    long total = 0;
    for (int i = offset; i < offset + length; i++) {
      total += write(srcs[i]);
    }
    return total;
  }

  @Override
  public long position() throws IOException {
    checkOpen();
    synchronized (positionLock) {
      return position;
    }
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position: " + newPosition);
    }
    checkOpen();
    synchronized (positionLock) {
      position = newPosition;
    }
    return this;
  }

  @Override
  public long size() throws IOException {
    checkOpen();
    return VfsIo.join(file.size());
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    if (size < 0) {
      throw new IllegalArgumentException("negative size: " + size);
    }
    checkWritable();
    synchronized (positionLock) {
      VfsIo.join(file.truncate(size));
      if (position > size) {
        position = size;
      }
    }
    return this;
  }

  /** Forces the file to the device; also on a directory opened for reading, as databases do. */
  @Override
  public void force(boolean metaData) throws IOException {
    checkOpen();
    VfsIo.join(file.force(metaData));
  }

  @Override
  public long transferTo(long pos, long count, WritableByteChannel target) throws IOException {
    checkNotNull(target, "target");
    if (pos < 0 || count < 0) {
      throw new IllegalArgumentException("negative position or count");
    }
    checkReadable();
    long done = 0;
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(count, 1)));
    while (done < count) {
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), count - done));
      int n = VfsIo.join(file.read(buf, pos + done));
      if (n <= 0) {
        break;
      }
      buf.flip();
      while (buf.hasRemaining()) {
        target.write(buf);
      }
      done += n;
    }
    return done;
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long pos, long count) throws IOException {
    checkNotNull(src, "src");
    if (pos < 0 || count < 0) {
      throw new IllegalArgumentException("negative position or count");
    }
    checkWritable();
    if (pos > size()) {
      return 0;
    }
    long done = 0;
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(count, 1)));
    while (done < count) {
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), count - done));
      int n = src.read(buf);
      if (n <= 0) {
        break;
      }
      buf.flip();
      VfsIo.join(file.write(buf, pos + done));
      done += n;
    }
    return done;
  }

  @Override
  public int read(ByteBuffer dst, long pos) throws IOException {
    checkNotNull(dst, "dst");
    if (pos < 0) {
      throw new IllegalArgumentException("negative position: " + pos);
    }
    checkReadable();
    return VfsIo.join(file.read(dst, pos));
  }

  @Override
  public int write(ByteBuffer src, long pos) throws IOException {
    checkNotNull(src, "src");
    if (pos < 0) {
      throw new IllegalArgumentException("negative position: " + pos);
    }
    checkWritable();
    return VfsIo.join(file.write(src, pos));
  }

  /**
   * Not supported: jvfs backends have no memory mapping.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public MappedByteBuffer map(MapMode mode, long pos, long size) {
    throw new UnsupportedOperationException("memory mapping is not supported by jvfs");
  }

  /**
   * Locks a region. Locks are known within this JVM only; an overlapping lock held here fails with
   * OverlappingFileLockException, so this never waits.
   */
  @Override
  public FileLock lock(long pos, long size, boolean shared) throws IOException {
    return tryLock(pos, size, shared);
  }

  @Override
  public FileLock tryLock(long pos, long size, boolean shared) throws IOException {
    if (pos < 0 || size < 0 || pos + size < 0) {
      throw new IllegalArgumentException("bad lock region: " + pos + ", " + size);
    }
    if (shared) {
      checkReadable();
    } else {
      checkWritable();
    }
    return path.getFileSystem().locks().acquire(lockKey(), this, pos, size, shared);
  }

  private synchronized Object lockKey() throws IOException {
    if (lockKey == null) {
      lockKey = lockKeyOf(path);
    }
    return lockKey;
  }

  /** Returns the key locks on {@code path} are held under: its file key, or its real path. */
  static Object lockKeyOf(VfsPath path) throws IOException {
    NodeAttributes a = VfsIo.join(path.getFileSystem().vfs().stat(abs(path)));
    Object key = a.fileKey();
    return key != null ? key : path.toRealPath().toString();
  }

  /**
   * Releases the channel's locks and closes the file. A channel that could write waits for the
   * close, whose failure may say that written data were lost, and so does one opened with {@code
   * DELETE_ON_CLOSE}, whose file is gone when close returns; one that could only read does not wait
   * for a close a backend makes on a thread of its own (the posix backend's closes from a caller's
   * thread wait in a batch): its descriptor is given up and never used again, and the close of a
   * file only read has nothing to report. A failure already known is thrown.
   */
  @Override
  protected void implCloseChannel() throws IOException {
    path.getFileSystem().locks().releaseAll(this);
    CompletableFuture<Void> closing = file.close();
    if (waitForClose || closing.isDone()) {
      VfsIo.join(closing);
    }
  }

  @Override
  public String toString() {
    return "VfsFileChannel[" + path + "]";
  }
}
