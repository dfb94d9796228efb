package org.jvfs.posix.ffi;

import java.nio.ByteBuffer;

/**
 * The fields of a {@code struct statx} the backend uses, decoded from the kernel's buffer. The
 * layout ({@code include/uapi/linux/stat.h}) is the same on x86-64 and aarch64, which is why the
 * backend uses statx and not the per-architecture {@code struct stat}. Mutable: one instance is
 * refilled by each {@link PosixNative#statx} call that is given it; not thread-safe.
 */
public final class Statx {
  /** The size of {@code struct statx} in bytes. */
  public static final int SIZE = 256;

  // Offsets of struct statx (include/uapi/linux/stat.h, Linux 4.11+).
  static final int MASK = 0; // __u32 stx_mask
  static final int NLINK = 16; // __u32 stx_nlink
  static final int UID = 20; // __u32 stx_uid
  static final int GID = 24; // __u32 stx_gid
  static final int MODE = 28; // __u16 stx_mode
  static final int INO = 32; // __u64 stx_ino
  static final int SIZE_OFF = 40; // __u64 stx_size
  static final int ATIME = 64; // struct statx_timestamp { __s64 tv_sec; __u32 tv_nsec; }
  static final int BTIME = 80;
  static final int CTIME = 96;
  static final int MTIME = 112;
  static final int DEV_MAJOR = 136; // __u32 stx_dev_major
  static final int DEV_MINOR = 140; // __u32 stx_dev_minor

  /** {@code stx_mask}: which fields the kernel filled. */
  public int mask;

  /** {@code stx_mode}: file type and permission bits. */
  public int mode;

  /** {@code stx_nlink}. */
  public int nlink;

  /** {@code stx_uid}. */
  public int uid;

  /** {@code stx_gid}. */
  public int gid;

  /** {@code stx_ino}. */
  public long ino;

  /** {@code stx_size}. */
  public long size;

  /** The device, as {@code makedev(stx_dev_major, stx_dev_minor)} would pack it. */
  public long dev;

  /** Seconds and nanoseconds of access, birth, status change and modification. */
  public long atimeSec;

  /** Nanoseconds part of the access time. */
  public int atimeNsec;

  /** Seconds of the birth time; valid only if {@code mask} has {@link Linux#STATX_BTIME}. */
  public long btimeSec;

  /** Nanoseconds part of the birth time. */
  public int btimeNsec;

  /** Seconds of the status change time. */
  public long ctimeSec;

  /** Nanoseconds part of the status change time. */
  public int ctimeNsec;

  /** Seconds of the modification time. */
  public long mtimeSec;

  /** Nanoseconds part of the modification time. */
  public int mtimeNsec;

  /** Creates an empty holder. */
  public Statx() {}

  /** Fills this holder from a buffer in native byte order holding a {@code struct statx}. */
  void decode(ByteBuffer b) {
    mask = b.getInt(MASK);
    nlink = b.getInt(NLINK);
    uid = b.getInt(UID);
    gid = b.getInt(GID);
    mode = Short.toUnsignedInt(b.getShort(MODE));
    ino = b.getLong(INO);
    size = b.getLong(SIZE_OFF);
    atimeSec = b.getLong(ATIME);
    atimeNsec = b.getInt(ATIME + 8);
    btimeSec = b.getLong(BTIME);
    btimeNsec = b.getInt(BTIME + 8);
    ctimeSec = b.getLong(CTIME);
    ctimeNsec = b.getInt(CTIME + 8);
    mtimeSec = b.getLong(MTIME);
    mtimeNsec = b.getInt(MTIME + 8);
    dev = ((long) b.getInt(DEV_MAJOR) << 32) | Integer.toUnsignedLong(b.getInt(DEV_MINOR));
  }

  /** Returns the file type bits ({@code mode & S_IFMT}). */
  public int type() {
    return mode & Linux.S_IFMT;
  }
}
