package org.jvfs.nio;

import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.Channel;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file locks held in one jvfs file system, keyed by file (its file key, or its path where the
 * backend has none). As the JDK does within one JVM, a lock that overlaps one already held on the
 * same file, by any channel, fails with {@link OverlappingFileLockException}; so {@code lock} never
 * waits. Thread-safe.
 */
final class VfsLockTable {
  private final Map<Object, List<VfsFileLock>> held = new HashMap<>();

  /**
   * Takes a lock.
   *
   * @throws OverlappingFileLockException if it overlaps a lock held on the same file
   */
  synchronized VfsFileLock acquire(
      Object key, Channel channel, long position, long size, boolean shared) {
    List<VfsFileLock> locks = held.computeIfAbsent(key, k -> new ArrayList<>());
    for (VfsFileLock l : locks) {
      if (l.overlaps(position, size)) {
        throw new OverlappingFileLockException();
      }
    }
    VfsFileLock lock =
        channel instanceof FileChannel fc
            ? new VfsFileLock(this, key, fc, position, size, shared)
            : new VfsFileLock(this, key, (AsynchronousFileChannel) channel, position, size, shared);
    locks.add(lock);
    return lock;
  }

  /** Releases one lock. */
  synchronized void release(VfsFileLock lock) {
    lock.invalidate();
    List<VfsFileLock> locks = held.get(lock.key());
    if (locks != null) {
      locks.remove(lock);
      if (locks.isEmpty()) {
        held.remove(lock.key());
      }
    }
  }

  /** Releases every lock a channel holds; when it closes. */
  synchronized void releaseAll(Channel channel) {
    for (List<VfsFileLock> locks : new ArrayList<>(held.values())) {
      for (VfsFileLock l : new ArrayList<>(locks)) {
        if (l.owner() == channel) {
          release(l);
        }
      }
    }
  }

  /** Returns the number of locks held; for tests. */
  synchronized int size() {
    int n = 0;
    for (List<VfsFileLock> locks : held.values()) {
      n += locks.size();
    }
    return n;
  }
}
