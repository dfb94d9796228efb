package org.jvfs.aio.ring;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.aio.ffi.UringLayout.Iovec;
import org.jvfs.aio.ffi.UringNative;

/**
 * Buffers registered with a ring (IORING_REGISTER_BUFFERS): page-aligned direct memory the kernel
 * pins once, so READ_FIXED and WRITE_FIXED skip the per-operation page lookup. The engine owns the
 * memory; closing the ring unregisters it, and it is freed with this object (kept reachable forever
 * instead if an operation on it was never answered).
 *
 * <p>Handing buffers out to callers is left to the backend; this class is immutable and
 * thread-safe, the buffers' contents are not.
 */
public final class FixedBuffers {
  private static final int PAGE = 4096;

  private final ByteBuffer[] buffers;
  private final int size;

  private FixedBuffers(ByteBuffer[] buffers, int size) {
    this.buffers = buffers;
    this.size = size;
  }

  static FixedBuffers register(UringNative nat, int ringFd, int count, int size)
      throws UringException {
    ByteBuffer[] bufs = new ByteBuffer[count];
    ByteBuffer iov = ByteBuffer.allocateDirect(Iovec.SIZE * count).order(ByteOrder.nativeOrder());
    for (int i = 0; i < count; i++) {
      bufs[i] =
          ByteBuffer.allocateDirect(size + PAGE)
              .alignedSlice(PAGE)
              .slice(0, size)
              .order(ByteOrder.nativeOrder());
      iov.putLong(i * Iovec.SIZE + Iovec.BASE, nat.address(bufs[i]));
      iov.putLong(i * Iovec.SIZE + Iovec.LEN, size);
    }
    int r = nat.ioUringRegister(ringFd, IoUring.IORING_REGISTER_BUFFERS, nat.address(iov), count);
    Reference.reachabilityFence(iov);
    if (r < 0) {
      throw new UringException("io_uring_register(BUFFERS, " + count + " x " + size + ")", -r);
    }
    return new FixedBuffers(bufs, size);
  }

  /** Returns the number of buffers. */
  public int count() {
    return buffers.length;
  }

  /** Returns the size of each buffer. */
  public int size() {
    return size;
  }

  /**
   * Returns a view of buffer {@code index} (position 0, limit {@link #size()}), for {@link
   * Sqe#readFixed} and {@link Sqe#writeFixed} with the same index.
   */
  public ByteBuffer buffer(int index) {
    return buffers[index].duplicate().clear().order(ByteOrder.nativeOrder());
  }
}
