package org.jvfs.nio;

import java.io.IOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/**
 * A lock on a region of a jvfs file, held in its file system's {@link VfsLockTable}. Locks are
 * advisory and known only inside this JVM (there is no other process to tell). Thread-safe.
 */
final class VfsFileLock extends FileLock {
  private final VfsLockTable table;
  private final Object key;
  private volatile boolean valid = true;

  VfsFileLock(
      VfsLockTable table, Object key, FileChannel ch, long position, long size, boolean shared) {
    super(ch, position, size, shared);
    this.table = table;
    this.key = key;
  }

  VfsFileLock(
      VfsLockTable table,
      Object key,
      AsynchronousFileChannel ch,
      long position,
      long size,
      boolean shared) {
    super(ch, position, size, shared);
    this.table = table;
    this.key = key;
  }

  Object key() {
    return key;
  }

  Channel owner() {
    return acquiredBy();
  }

  /** Marks the lock released; the table calls this. */
  void invalidate() {
    valid = false;
  }

  @Override
  public boolean isValid() {
    return valid;
  }

  /**
   * Releases the lock; idempotent.
   *
   * @throws ClosedChannelException if the lock is valid but its channel is closed
   */
  @Override
  public void release() throws IOException {
    if (!valid) {
      return;
    }
    if (!acquiredBy().isOpen()) {
      throw new ClosedChannelException();
    }
    table.release(this);
  }
}
