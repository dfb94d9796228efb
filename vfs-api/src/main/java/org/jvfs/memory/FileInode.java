package org.jvfs.memory;

import java.nio.ByteBuffer;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.NodeKind;

/**
 * A regular file: its content and the count of open files on it.
 *
 * <p>Thread safety: the content is guarded by this inode's read-write lock (reads share it, writes
 * and truncations take it exclusively, so an append lands at the end atomically). The lock is never
 * held while taking the backend's tree lock; it may be held while taking the inode monitor. Space
 * is reserved from the {@link Store} before content grows and given back when it shrinks or when
 * the file is freed: when its last link is gone and its last open file closed, as an unlinked file
 * stays readable while open.
 */
final class FileInode extends Inode {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final FileContent content = new FileContent();
  private int openCount; // guarded by lock's write lock
  private boolean freed; // guarded by lock's write lock

  FileInode(Store store, Set<PosixFilePermission> permissions) {
    super(store, permissions);
  }

  @Override
  NodeKind kind() {
    return NodeKind.FILE;
  }

  @Override
  long size() {
    lock.readLock().lock();
    try {
      return content.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Reads as {@code pread(2)}; see {@link FileContent#read}. */
  int read(ByteBuffer dst, long position) {
    lock.readLock().lock();
    try {
      return content.read(dst, position);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Returns the whole content, read under the lock so that it is one consistent snapshot.
   *
   * @throws BackendException {@link Errno#EFBIG} if the content is longer than {@code limit}
   */
  byte[] readAll(long limit) throws BackendException {
    lock.readLock().lock();
    try {
      long size = content.size();
      if (size > limit || size > Integer.MAX_VALUE - 8) {
        throw new BackendException(Errno.EFBIG);
      }
      byte[] out = new byte[(int) size];
      if (size > 0) {
        content.read(ByteBuffer.wrap(out), 0);
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Writes all of {@code src} at {@code position}, or at the end if {@code append}, and marks the
   * file modified.
   *
   * @throws BackendException {@link Errno#ENOSPC} if the store lacks the space, {@link Errno#EFBIG}
   *     past the largest file
   */
  int write(ByteBuffer src, long position, boolean append) throws BackendException {
    if (!src.hasRemaining()) {
      return 0; // as pwrite(2) with a count of 0: no change, no time update
    }
    int count;
    lock.writeLock().lock();
    try {
      long at = append ? content.size() : position;
      long end = at + src.remaining();
      if (end > FileContent.MAX_SIZE || end < 0) {
        throw new BackendException(Errno.EFBIG);
      }
      store.reserve(end - content.size());
      count = content.write(src, at);
    } finally {
      lock.writeLock().unlock();
    }
    touchModified();
    return count;
  }

  /**
   * Sets the size as {@code ftruncate(2)} and marks the file modified.
   *
   * @throws BackendException {@link Errno#ENOSPC} or {@link Errno#EFBIG} when extending
   */
  void truncate(long size) throws BackendException {
    lock.writeLock().lock();
    try {
      if (size > FileContent.MAX_SIZE) {
        throw new BackendException(Errno.EFBIG);
      }
      long old = content.size();
      store.reserve(size - old);
      content.truncate(size);
      store.release(old - size);
    } finally {
      lock.writeLock().unlock();
    }
    touchModified();
  }

  /** Counts an open file on this inode. */
  void opened() {
    lock.writeLock().lock();
    try {
      openCount++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Returns true once the file was freed (no links and no open files left). */
  boolean freed() {
    lock.readLock().lock();
    try {
      return freed;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Counts a close, and frees the content if the file has no links left. */
  void closed() {
    lock.writeLock().lock();
    try {
      openCount--;
      freeIfUnused();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Frees the content if the file has no links and no open files; called after an unlink. */
  void unlinked() {
    lock.writeLock().lock();
    try {
      freeIfUnused();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void freeIfUnused() {
    if (!freed && openCount == 0 && linkCount() == 0) {
      freed = true;
      store.release(content.size());
      content.clear();
    }
  }
}
