package org.jvfs.memory;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.BackendFile;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Node;
import org.jvfs.spi.OpenFlags;

/**
 * An open file of a {@link MemoryBackend}: a regular file, or a directory opened for reading (whose
 * reads fail with {@link Errno#EISDIR}, as {@code read(2)} on a directory descriptor does). Every
 * stage is complete when returned.
 *
 * <p>Errors follow Linux: reading a file not opened for reading, or writing one not opened for
 * writing, fails with {@link Errno#EBADF}; truncating one not opened for writing, truncating a
 * directory, or a negative size or position fails with {@link Errno#EINVAL}.
 *
 * <p>Thread-safe: content access is guarded by the {@link FileInode}'s lock; the closed flag is
 * atomic, so exactly one {@link #close()} releases the inode.
 */
final class MemoryFile implements BackendFile {
  private final Inode inode;
  private final OpenFlags flags;
  private final Set<MemoryFile> registry;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Opens {@code inode}, a FileInode or DirectoryInode, and registers in {@code registry}. */
  MemoryFile(Inode inode, OpenFlags flags, Set<MemoryFile> registry) {
    this.inode = inode;
    this.flags = flags;
    this.registry = registry;
    if (inode instanceof FileInode) {
      ((FileInode) inode).opened();
    }
    registry.add(this);
  }

  @Override
  public Node node() {
    return inode;
  }

  @Override
  public CompletionStage<Integer> read(ByteBuffer dst, long position) {
    checkNotNull(dst, "dst");
    try {
      FileInode file = file(flags.read(), Errno.EBADF);
      checkPosition(position);
      return CompletableFuture.completedFuture(file.read(dst, position));
    } catch (ClosedChannelException | BackendException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletionStage<Integer> write(ByteBuffer src, long position) {
    checkNotNull(src, "src");
    try {
      FileInode file = file(flags.write(), Errno.EBADF);
      if (!flags.append()) {
        checkPosition(position);
      }
      return CompletableFuture.completedFuture(file.write(src, position, flags.append()));
    } catch (ClosedChannelException | BackendException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletionStage<Long> size() {
    if (closed.get()) {
      return CompletableFuture.failedFuture(new ClosedChannelException());
    }
    return CompletableFuture.completedFuture(inode.size());
  }

  @Override
  public CompletionStage<Void> truncate(long size) {
    try {
      FileInode file = file(flags.write(), Errno.EINVAL);
      if (size < 0) {
        throw new BackendException(Errno.EINVAL, "size (" + size + ") must not be negative");
      }
      file.truncate(size);
      return CompletableFuture.completedFuture(null);
    } catch (ClosedChannelException | BackendException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Succeeds at once: there is no device; the data is as durable as the heap. */
  @Override
  public CompletionStage<Void> force(boolean metadata) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(new ClosedChannelException());
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> close() {
    if (closed.compareAndSet(false, true)) {
      registry.remove(this);
      if (inode instanceof FileInode) {
        ((FileInode) inode).closed();
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String toString() {
    return "MemoryFile[" + inode + (closed.get() ? ", closed]" : "]");
  }

  /**
   * Returns the open regular file if the operation is allowed.
   *
   * @param allowed whether the open mode allows the operation
   * @param denied the error if it does not
   */
  private FileInode file(boolean allowed, Errno denied)
      throws ClosedChannelException, BackendException {
    if (closed.get()) {
      throw new ClosedChannelException();
    }
    if (!allowed) {
      throw new BackendException(denied);
    }
    if (!(inode instanceof FileInode)) {
      // read(2) on a directory gives EISDIR; ftruncate(2) gives EINVAL (not a regular file).
      throw new BackendException(denied == Errno.EINVAL ? Errno.EINVAL : Errno.EISDIR);
    }
    return (FileInode) inode;
  }

  private static void checkPosition(long position) throws BackendException {
    if (position < 0) {
      throw new BackendException(Errno.EINVAL, "position (" + position + ") must not be negative");
    }
  }
}
