package org.jvfs.memory;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of a regular file, kept in fixed-size blocks so that growing a file never copies its
 * content: only the (small) array of block references is reallocated, geometrically. A block that
 * was never written is null and reads as zeros, so a write far past the end costs no memory for the
 * gap.
 *
 * <p>Invariant: every byte at or past {@link #size()} in an allocated block is zero; {@link
 * #truncate} restores it when cutting, so a later extension reads zeros as POSIX requires.
 *
 * <p>Not thread-safe: {@link FileInode} guards it with its lock.
 */
final class FileContent {
  /** Block size in bytes; a power of two. */
  static final int BLOCK_SIZE = 8192;

  /** The largest size: the block index must fit an array index. */
  static final long MAX_SIZE = (long) (Integer.MAX_VALUE - 8) * BLOCK_SIZE;

  private static final int SHIFT = Integer.numberOfTrailingZeros(BLOCK_SIZE);
  private static final int MASK = BLOCK_SIZE - 1;
  private static final byte[][] NO_BLOCKS = new byte[0][];

  private byte[][] blocks = NO_BLOCKS;
  private long size;

  /** Returns the size in bytes. */
  long size() {
    return size;
  }

  /**
   * Reads from {@code position} into {@code dst}.
   *
   * @return the count read, -1 if {@code position} is at or past the end and {@code dst} has room
   */
  int read(ByteBuffer dst, long position) {
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (position >= size) {
      return -1;
    }
    int count = (int) Math.min(dst.remaining(), size - position);
    long pos = position;
    int left = count;
    while (left > 0) {
      int offset = (int) (pos & MASK);
      int n = Math.min(left, BLOCK_SIZE - offset);
      byte[] block = blockAt(pos);
      if (block == null) {
        for (int i = 0; i < n; i++) {
          dst.put((byte) 0);
        }
      } else {
        dst.put(block, offset, n);
      }
      pos += n;
      left -= n;
    }
    return count;
  }

  /** Writes all of {@code src} at {@code position}, growing the file (gap reads as zeros). */
  int write(ByteBuffer src, long position) {
    int count = src.remaining();
    long pos = position;
    int left = count;
    while (left > 0) {
      int offset = (int) (pos & MASK);
      int n = Math.min(left, BLOCK_SIZE - offset);
      src.get(allocateBlockAt(pos), offset, n);
      pos += n;
      left -= n;
    }
    size = Math.max(size, position + count);
    return count;
  }

  /** Sets the size: cuts (zeroing the cut tail of the last block) or extends with zeros. */
  void truncate(long newSize) {
    if (newSize < size) {
      int keep = (int) ((newSize + MASK) >>> SHIFT);
      int had = Math.min(blocks.length, (int) ((size + MASK) >>> SHIFT));
      for (int i = keep; i < had; i++) {
        blocks[i] = null;
      }
      int offset = (int) (newSize & MASK);
      if (offset != 0) {
        byte[] last = keep - 1 < blocks.length ? blocks[keep - 1] : null;
        if (last != null) {
          Arrays.fill(last, offset, BLOCK_SIZE, (byte) 0);
        }
      }
      if (keep < blocks.length / 4) {
        blocks = Arrays.copyOf(blocks, keep);
      }
    }
    size = newSize;
  }

  /** Drops all bytes. */
  void clear() {
    blocks = NO_BLOCKS;
    size = 0;
  }

  private byte @Nullable [] blockAt(long pos) {
    long index = pos >>> SHIFT;
    return index < blocks.length ? blocks[(int) index] : null;
  }

  private byte[] allocateBlockAt(long pos) {
    int i = (int) (pos >>> SHIFT);
    if (i >= blocks.length) {
      int capacity = Math.max(i + 1, Math.max(4, blocks.length * 2));
      blocks = Arrays.copyOf(blocks, capacity);
    }
    byte[] block = blocks[i];
    if (block == null) {
      block = new byte[BLOCK_SIZE];
      blocks[i] = block;
    }
    return block;
  }
}
