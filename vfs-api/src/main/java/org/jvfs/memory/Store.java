package org.jvfs.memory;

import java.nio.file.attribute.FileTime;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.StoreInfo;

/**
 * What all inodes of one {@link MemoryBackend} share: the clock, the inode counter, the owner
 * defaults and the space account. Thread-safe: the counters are atomic, the rest is final.
 */
final class Store {
  private final long totalSpace;
  private final InstantSource clock;
  private final int uid;
  private final int gid;
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong nextInode = new AtomicLong(1);

  Store(long totalSpace, InstantSource clock, int uid, int gid) {
    this.totalSpace = totalSpace;
    this.clock = clock;
    this.uid = uid;
    this.gid = gid;
  }

  /** Returns the current time, at the clock's precision (nanoseconds where it has them). */
  FileTime now() {
    return FileTime.from(clock.instant());
  }

  /** Returns a new inode number; numbers are never reused. */
  long nextInodeNumber() {
    return nextInode.getAndIncrement();
  }

  int uid() {
    return uid;
  }

  int gid() {
    return gid;
  }

  /**
   * Takes {@code bytes} from the free space, all or nothing.
   *
   * @throws BackendException with {@link Errno#ENOSPC} if fewer are free
   */
  void reserve(long bytes) throws BackendException {
    if (bytes <= 0) {
      return;
    }
    long u;
    do {
      u = used.get();
      if (bytes > totalSpace - u) {
        throw new BackendException(Errno.ENOSPC);
      }
    } while (!used.compareAndSet(u, u + bytes));
  }

  /** Gives {@code bytes} back to the free space. */
  void release(long bytes) {
    if (bytes > 0) {
      used.addAndGet(-bytes);
    }
  }

  /** Returns the space figures: usable equals free, as on a file system without reserved blocks. */
  StoreInfo info() {
    long free = Math.max(0, totalSpace - used.get());
    return new StoreInfo(totalSpace, free, free);
  }
}
