package org.jvfs.aio.ring;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.aio.ffi.UringLayout.FileIndexRange;
import org.jvfs.aio.ffi.UringLayout.RsrcRegister;
import org.jvfs.aio.ffi.UringNative;

/**
 * A ring's direct descriptors: a sparse registered file table (IORING_REGISTER_FILES2 with
 * IORING_RSRC_REGISTER_SPARSE, 5.19) of {@link #size()} slots, split in two halves. The lower half
 * is handed out here ({@link #allocate()}), for linked chains that must name the slot before the
 * open runs (OPENAT2 with {@code file_index = slot + 1}, then READ with IOSQE_FIXED_FILE, then
 * CLOSE of the slot). The upper half is the kernel's allocation range
 * (IORING_REGISTER_FILE_ALLOC_RANGE, 6.0), used by OPENAT2 with IORING_FILE_INDEX_ALLOC, whose CQE
 * names the slot it picked; the two never collide.
 *
 * <p>A direct descriptor is not in the process's descriptor table: it cannot leak to a child, and
 * closing the ring closes every file still installed. Thread-safe.
 */
public final class FileTable {
  private final int size;
  private final int[] free;
  private int top;

  private FileTable(int size) {
    this.size = size;
    int half = size / 2;
    this.free = new int[half];
    for (int i = 0; i < half; i++) {
      free[i] = half - 1 - i;
    }
    this.top = half;
  }

  /** Registers a sparse table of {@code size} slots on ring {@code ringFd}. */
  static FileTable register(UringNative nat, int ringFd, int size) throws UringException {
    ByteBuffer reg = ByteBuffer.allocateDirect(RsrcRegister.SIZE).order(ByteOrder.nativeOrder());
    reg.putInt(RsrcRegister.NR, size);
    reg.putInt(RsrcRegister.FLAGS, IoUring.IORING_RSRC_REGISTER_SPARSE);
    int r =
        nat.ioUringRegister(
            ringFd, IoUring.IORING_REGISTER_FILES2, nat.address(reg), RsrcRegister.SIZE);
    if (r < 0) {
      throw new UringException("io_uring_register(FILES2, sparse " + size + ")", -r);
    }
    ByteBuffer range =
        ByteBuffer.allocateDirect(FileIndexRange.SIZE).order(ByteOrder.nativeOrder());
    range.putInt(FileIndexRange.OFF, size / 2);
    range.putInt(FileIndexRange.LEN, size / 2);
    r =
        nat.ioUringRegister(
            ringFd, IoUring.IORING_REGISTER_FILE_ALLOC_RANGE, nat.address(range), 0);
    if (r < 0) {
      throw new UringException("io_uring_register(FILE_ALLOC_RANGE)", -r);
    }
    Reference.reachabilityFence(reg);
    Reference.reachabilityFence(range);
    return new FileTable(size);
  }

  /** Returns the number of slots. */
  public int size() {
    return size;
  }

  /** Returns the first slot of the kernel's allocation range (the upper half). */
  public int allocRangeStart() {
    return size / 2;
  }

  /** Takes a free slot of the lower half, or returns -1 if all are taken. */
  public synchronized int allocate() {
    return top == 0 ? -1 : free[--top];
  }

  /**
   * Gives back a slot taken with {@link #allocate()}, once nothing is installed in it any more (its
   * CLOSE completed, or its OPENAT2 failed).
   *
   * @throws IllegalArgumentException if the slot is not one of the lower half
   */
  public synchronized void free(int slot) {
    if (slot < 0 || slot >= size / 2 || top == free.length) {
      throw new IllegalArgumentException("slot " + slot + " is not a taken lower-half slot");
    }
    free[top++] = slot;
  }

  /** Returns how many lower-half slots are free. */
  public synchronized int available() {
    return top;
  }
}
