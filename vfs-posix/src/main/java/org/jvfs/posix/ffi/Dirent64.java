package org.jvfs.posix.ffi;

/**
 * Decodes the {@code struct linux_dirent64} records {@link PosixNative#getdents64} fills ({@code
 * include/linux/dirent.h}: {@code u64 d_ino @0; s64 d_off @8; unsigned short d_reclen @16; unsigned
 * char d_type @18; char d_name[] @19}, NUL-terminated). Stateless.
 */
public final class Dirent64 {
  private Dirent64() {}

  /** A visitor of one record. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * Receives one entry.
     *
     * @param buf the buffer
     * @param nameOffset where the name starts
     * @param nameLength the name's length in bytes, without the NUL
     * @param type {@code d_type}
     */
    void entry(byte[] buf, int nameOffset, int nameLength, int type);
  }

  /** Visits the records in {@code buf[0..length)}. */
  public static void forEach(byte[] buf, int length, Visitor visitor) {
    int off = 0;
    while (off < length) {
      int reclen = (buf[off + 16] & 0xff) | (buf[off + 17] & 0xff) << 8;
      if (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.BIG_ENDIAN) {
        reclen = (buf[off + 16] & 0xff) << 8 | (buf[off + 17] & 0xff);
      }
      int type = buf[off + 18] & 0xff;
      int start = off + 19;
      int end = start;
      int limit = off + reclen;
      while (end < limit && buf[end] != 0) {
        end++;
      }
      visitor.entry(buf, start, end - start, type);
      off += reclen;
    }
  }
}
