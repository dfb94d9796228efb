package org.jvfs.aio.backend;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of direct buffers of one size: the ring reads and writes only direct memory, so a
 * heap buffer's bytes pass through one of these, and the whole-file chain reads into one. A buffer
 * is given back only after the CQE of every operation that named it arrived (the kernel is done
 * with it). Buffers of other sizes are allocated and dropped.
 *
 * <p>Thread-safe.
 */
final class DirectBuffers {
  private final int size;
  private final int keep;
  private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pooled = new AtomicInteger();

  DirectBuffers(int size, int keep) {
    this.size = size;
    this.keep = keep;
  }

  /** Returns the size of the pooled buffers. */
  int size() {
    return size;
  }

  /**
   * Returns a cleared direct buffer of at least {@code n} bytes (exactly the pool's if smaller).
   */
  ByteBuffer take(int n) {
    if (n <= size) {
      ByteBuffer b = free.poll();
      if (b != null) {
        pooled.decrementAndGet();
        return b.clear();
      }
      return ByteBuffer.allocateDirect(size);
    }
    return ByteBuffer.allocateDirect(n);
  }

  /** Gives back a buffer the kernel no longer uses. */
  void give(ByteBuffer b) {
    if (b.capacity() == size && pooled.incrementAndGet() <= keep) {
      free.offer(b);
    } else if (b.capacity() == size) {
      pooled.decrementAndGet();
    }
  }
}
