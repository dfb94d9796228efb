package org.jvfs.aio.ring;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.aio.ffi.UringLayout;
import org.jvfs.aio.ffi.UringLayout.Iovec;
import org.jvfs.aio.ffi.UringLayout.OpenHow;
import org.jvfs.aio.ffi.UringLayout.Timespec;
import org.jvfs.aio.ffi.UringNative;

/**
 * Writes one SQE: the encoder of each operation the engine supports, as the kernel reads it ({@code
 * io_uring/*.c} prep functions; liburing's {@code io_uring_prep_*} describe the same encodings). A
 * {@link Ring} positions the writer on a zeroed SQE and a completion slot, hands it to a {@link
 * SqeWriter}, and sets {@code user_data} itself afterwards.
 *
 * <p>Memory an SQE points to must stay valid until the CQE: byte-array paths and small structures
 * are copied into the slot's native scratch (or, if they do not fit, into a direct buffer pinned to
 * the slot); a caller's direct {@link ByteBuffer} is pinned to the slot. The engine never changes a
 * buffer's position or limit: an operation uses {@code [position, limit)} and its result says how
 * many bytes moved.
 *
 * <p>Not thread-safe: used by one thread at a time, under the ring's SQ lock. Methods return {@code
 * this} so that flags can follow the operation: {@code s.read(fd, buf, 0).link()}.
 */
public final class Sqe {
  private final ByteBuffer sqes;
  private final CompletionTable table;
  private final UringNative nat;
  private final long scratchBase;
  private int base;
  private int slot;
  private int scratchUsed;
  private boolean written;

  Sqe(ByteBuffer sqes, CompletionTable table, UringNative nat) {
    this.sqes = sqes;
    this.table = table;
    this.nat = nat;
    this.scratchBase = nat.address(table.scratchBlock());
  }

  /** Positions the writer on the SQE at byte offset {@code off}, zeroed, for {@code slot}. */
  void start(int off, int slot) {
    this.base = off;
    this.slot = slot;
    this.scratchUsed = 0;
    this.written = false;
    for (int i = 0; i < UringLayout.Sqe.SIZE; i += 8) {
      sqes.putLong(off + i, 0L);
    }
  }

  /** True once an operation was encoded. */
  boolean written() {
    return written;
  }

  /** Returns the opcode written. */
  int opcode() {
    return Byte.toUnsignedInt(sqes.get(base + UringLayout.Sqe.OPCODE));
  }

  void userData(long userData) {
    sqes.putLong(base + UringLayout.Sqe.USER_DATA, userData);
  }

  // ---- the common fields (io_uring_prep_rw) ----

  private Sqe rw(int op, int fd, long addr, int len, long off) {
    if (written) {
      throw new IllegalStateException("one operation per SQE");
    }
    written = true;
    sqes.put(base + UringLayout.Sqe.OPCODE, (byte) op);
    sqes.putInt(base + UringLayout.Sqe.FD, fd);
    sqes.putLong(base + UringLayout.Sqe.OFF, off);
    sqes.putLong(base + UringLayout.Sqe.ADDR, addr);
    sqes.putInt(base + UringLayout.Sqe.LEN, len);
    return this;
  }

  private Sqe opFlags(int flags) {
    sqes.putInt(base + UringLayout.Sqe.OP_FLAGS, flags);
    return this;
  }

  private void flag(int f) {
    int at = base + UringLayout.Sqe.FLAGS;
    sqes.put(at, (byte) (sqes.get(at) | f));
  }

  // ---- native memory for what the SQE points to ----

  /**
   * Reserves {@code n} bytes (8-aligned) of the slot's scratch, or of a direct buffer pinned to the
   * slot if they do not fit; returns the address, and leaves the buffer holding it in {@link
   * #holder} and the bytes' offset in it in {@link #holderOff}.
   */
  private long scratch(int n, ByteBuffer[] holder) {
    int at = (scratchUsed + 7) & ~7;
    if (at + n <= table.scratchBytes()) {
      scratchUsed = at + n;
      holder[0] = table.scratchBlock();
      holderOff = table.scratchOffset(slot) + at;
      return scratchBase + holderOff;
    }
    ByteBuffer b = ByteBuffer.allocateDirect(n).order(ByteOrder.nativeOrder());
    table.pin(slot, b);
    holder[0] = b;
    holderOff = 0;
    return nat.address(b);
  }

  private final ByteBuffer[] holder = new ByteBuffer[1];
  private int holderOff;

  /** Copies {@code s} NUL-terminated into native memory; returns its address. */
  private long cString(byte[] s) {
    for (byte b : s) {
      if (b == 0) {
        throw new IllegalArgumentException("a path with a NUL byte");
      }
    }
    long addr = scratch(s.length + 1, holder);
    ByteBuffer buf = holder[0];
    int off = holderOff;
    buf.put(off, s, 0, s.length);
    buf.put(off + s.length, (byte) 0);
    return addr;
  }

  /** Pins a caller's direct buffer; returns the address of its position. */
  private long pinned(ByteBuffer buf) {
    if (!buf.isDirect()) {
      throw new IllegalArgumentException("the engine needs direct buffers, not " + buf);
    }
    table.pin(slot, buf);
    return nat.address(buf) + buf.position();
  }

  // ---- flags ----

  /** IOSQE_IO_LINK: the next SQE starts only if this one succeeds in full. */
  public Sqe link() {
    flag(IoUring.IOSQE_IO_LINK);
    return this;
  }

  /** IOSQE_IO_HARDLINK: the next SQE starts whatever this one's result. */
  public Sqe hardlink() {
    flag(IoUring.IOSQE_IO_HARDLINK);
    return this;
  }

  /** IOSQE_FIXED_FILE: {@code fd} is a slot of the registered (direct) file table. */
  public Sqe fixedFile() {
    flag(IoUring.IOSQE_FIXED_FILE);
    return this;
  }

  /** IOSQE_ASYNC: skip the inline attempt, go to io-wq. */
  public Sqe async() {
    flag(IoUring.IOSQE_ASYNC);
    return this;
  }

  /** Overrides {@code user_data}: for tests that forge a stale completion only. */
  void forceUserData(long userData) {
    userData(userData);
  }

  // ---- operations ----

  /** IORING_OP_NOP: completes with 0. */
  public Sqe nop() {
    return rw(IoUring.OP_NOP, -1, 0, 0, 0);
  }

  /**
   * IORING_OP_OPENAT2: {@code openat2(dirfd, path, &how, sizeof how)}: {@code fd} = dirfd, {@code
   * addr} = path, {@code len} = sizeof(struct open_how), {@code off} (addr2) = {@code &how}.
   * Completes with the new descriptor (or, with {@link #fileIndex} / {@link #fileIndexAlloc}, 0 /
   * the slot).
   */
  public Sqe openat2(int dirfd, byte[] path, long flags, long mode, long resolve) {
    long p = cString(path);
    return openat2At(dirfd, p, flags, mode, resolve);
  }

  /** {@link #openat2(int, byte[], long, long, long)} with a NUL-terminated path (pinned). */
  public Sqe openat2(int dirfd, ByteBuffer cPath, long flags, long mode, long resolve) {
    return openat2At(dirfd, pinned(cPath), flags, mode, resolve);
  }

  private Sqe openat2At(int dirfd, long path, long flags, long mode, long resolve) {
    long how = scratch(OpenHow.SIZE, holder);
    ByteBuffer b = holder[0];
    int o = holderOff;
    b.putLong(o + OpenHow.FLAGS, flags);
    b.putLong(o + OpenHow.MODE, mode);
    b.putLong(o + OpenHow.RESOLVE, resolve);
    return rw(IoUring.OP_OPENAT2, dirfd, path, OpenHow.SIZE, how);
  }

  /**
   * Makes an OPENAT2 install its file in direct-descriptor slot {@code index} (5.15; {@code
   * file_index = index + 1}) instead of the process's descriptor table; the CQE's res is then 0.
   */
  public Sqe fileIndex(int index) {
    sqes.putInt(base + UringLayout.Sqe.FILE_INDEX, index + 1);
    return this;
  }

  /**
   * Makes an OPENAT2 install its file in a direct-descriptor slot the kernel picks from the
   * allocation range (IORING_FILE_INDEX_ALLOC, 5.19); the CQE's res is that slot.
   */
  public Sqe fileIndexAlloc() {
    sqes.putInt(base + UringLayout.Sqe.FILE_INDEX, IoUring.IORING_FILE_INDEX_ALLOC);
    return this;
  }

  /** IORING_OP_READ of {@code dst}'s remaining bytes at {@code offset} (-1: the file position). */
  public Sqe read(int fd, ByteBuffer dst, long offset) {
    return rw(IoUring.OP_READ, fd, pinned(dst), dst.remaining(), offset);
  }

  /** IORING_OP_READ into native memory the caller keeps valid until the CQE. */
  public Sqe read(int fd, long addr, int len, long offset) {
    return rw(IoUring.OP_READ, fd, addr, len, offset);
  }

  /** IORING_OP_WRITE of {@code src}'s remaining bytes at {@code offset} (-1: file position). */
  public Sqe write(int fd, ByteBuffer src, long offset) {
    return rw(IoUring.OP_WRITE, fd, pinned(src), src.remaining(), offset);
  }

  /** IORING_OP_WRITE from native memory the caller keeps valid until the CQE. */
  public Sqe write(int fd, long addr, int len, long offset) {
    return rw(IoUring.OP_WRITE, fd, addr, len, offset);
  }

  /** IORING_OP_READV: {@code addr} = iovec array, {@code len} = its count. */
  public Sqe readv(int fd, ByteBuffer[] dsts, long offset) {
    return rw(IoUring.OP_READV, fd, iovecs(dsts), dsts.length, offset);
  }

  /** IORING_OP_WRITEV: {@code addr} = iovec array, {@code len} = its count. */
  public Sqe writev(int fd, ByteBuffer[] srcs, long offset) {
    return rw(IoUring.OP_WRITEV, fd, iovecs(srcs), srcs.length, offset);
  }

  private long iovecs(ByteBuffer[] bufs) {
    long iov = scratch(Iovec.SIZE * bufs.length, holder);
    ByteBuffer b = holder[0];
    int o = holderOff;
    for (int i = 0; i < bufs.length; i++) {
      b.putLong(o + i * Iovec.SIZE + Iovec.BASE, pinned(bufs[i]));
      b.putLong(o + i * Iovec.SIZE + Iovec.LEN, bufs[i].remaining());
    }
    return iov;
  }

  /**
   * IORING_OP_READ_FIXED into registered buffer {@code bufIndex} ({@code buf_index}); {@code dst}
   * must be (a view of) that buffer.
   */
  public Sqe readFixed(int fd, ByteBuffer dst, int bufIndex, long offset) {
    rw(IoUring.OP_READ_FIXED, fd, pinned(dst), dst.remaining(), offset);
    sqes.putShort(base + UringLayout.Sqe.BUF_INDEX, (short) bufIndex);
    return this;
  }

  /** IORING_OP_WRITE_FIXED from registered buffer {@code bufIndex}. */
  public Sqe writeFixed(int fd, ByteBuffer src, int bufIndex, long offset) {
    rw(IoUring.OP_WRITE_FIXED, fd, pinned(src), src.remaining(), offset);
    sqes.putShort(base + UringLayout.Sqe.BUF_INDEX, (short) bufIndex);
    return this;
  }

  /** IORING_OP_CLOSE of a process descriptor. */
  public Sqe close(int fd) {
    return rw(IoUring.OP_CLOSE, fd, 0, 0, 0);
  }

  /** IORING_OP_CLOSE of direct-descriptor slot {@code index} ({@code fd} 0, {@code file_index}). */
  public Sqe closeDirect(int index) {
    rw(IoUring.OP_CLOSE, 0, 0, 0, 0);
    return fileIndex(index);
  }

  /** IORING_OP_FSYNC; {@code fsyncFlags} 0 or IORING_FSYNC_DATASYNC. */
  public Sqe fsync(int fd, int fsyncFlags) {
    return rw(IoUring.OP_FSYNC, fd, 0, 0, 0).opFlags(fsyncFlags);
  }

  /** IORING_OP_FALLOCATE: {@code off} = offset, {@code addr} = length, {@code len} = mode. */
  public Sqe fallocate(int fd, int mode, long offset, long length) {
    return rw(IoUring.OP_FALLOCATE, fd, length, mode, offset);
  }

  /**
   * IORING_OP_STATX: {@code fd} = dirfd, {@code addr} = path, {@code len} = mask, {@code off}
   * (addr2) = the {@code struct statx} buffer (256 bytes from {@code out}'s position, pinned),
   * {@code statx_flags} = flags.
   */
  public Sqe statx(int dirfd, byte[] path, int flags, int mask, ByteBuffer out) {
    if (out.remaining() < UringLayout.Statx.SIZE) {
      throw new IllegalArgumentException("a statx buffer needs 256 bytes, has " + out.remaining());
    }
    long p = cString(path);
    return rw(IoUring.OP_STATX, dirfd, p, mask, pinned(out)).opFlags(flags);
  }

  /** IORING_OP_MKDIRAT: {@code fd} = dirfd, {@code addr} = path, {@code len} = mode. */
  public Sqe mkdirat(int dirfd, byte[] path, int mode) {
    return rw(IoUring.OP_MKDIRAT, dirfd, cString(path), mode, 0);
  }

  /** IORING_OP_UNLINKAT: {@code unlink_flags} = flags (AT_REMOVEDIR). */
  public Sqe unlinkat(int dirfd, byte[] path, int flags) {
    return rw(IoUring.OP_UNLINKAT, dirfd, cString(path), 0, 0).opFlags(flags);
  }

  /**
   * IORING_OP_RENAMEAT: {@code fd} = olddirfd, {@code addr} = oldpath, {@code len} = newdirfd,
   * {@code off} (addr2) = newpath, {@code rename_flags} = flags (RENAME_NOREPLACE, ...).
   */
  public Sqe renameat(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags) {
    long o = cString(oldpath);
    long n = cString(newpath);
    return rw(IoUring.OP_RENAMEAT, olddirfd, o, newdirfd, n).opFlags(flags);
  }

  /** IORING_OP_SYMLINKAT: {@code fd} = newdirfd, {@code addr} = target, {@code off} = linkpath. */
  public Sqe symlinkat(byte[] target, int newdirfd, byte[] linkpath) {
    long t = cString(target);
    long l = cString(linkpath);
    return rw(IoUring.OP_SYMLINKAT, newdirfd, t, 0, l);
  }

  /**
   * IORING_OP_LINKAT: {@code fd} = olddirfd, {@code addr} = oldpath, {@code len} = newdirfd, {@code
   * off} (addr2) = newpath, {@code hardlink_flags} = flags (AT_SYMLINK_FOLLOW).
   */
  public Sqe linkat(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags) {
    long o = cString(oldpath);
    long n = cString(newpath);
    return rw(IoUring.OP_LINKAT, olddirfd, o, newdirfd, n).opFlags(flags);
  }

  /** IORING_OP_FTRUNCATE (6.9): {@code off} = the new length. */
  public Sqe ftruncate(int fd, long length) {
    return rw(IoUring.OP_FTRUNCATE, fd, 0, 0, length);
  }

  /**
   * IORING_OP_ASYNC_CANCEL of the SQE whose {@code user_data} is {@code target} ({@code addr}).
   * Completes with 0 (found and cancelled: the target completes with -ECANCELED), -ENOENT (not
   * found: already completed) or -EALREADY (running: it completes on its own).
   */
  public Sqe cancel(long target) {
    return rw(IoUring.OP_ASYNC_CANCEL, -1, target, 0, 0);
  }

  /** IORING_OP_ASYNC_CANCEL with {@code cancel_flags} (IORING_ASYNC_CANCEL_ANY | _ALL ...). */
  Sqe cancelMatching(int cancelFlags) {
    return rw(IoUring.OP_ASYNC_CANCEL, -1, 0, 0, 0).opFlags(cancelFlags);
  }

  /**
   * IORING_OP_LINK_TIMEOUT: must directly follow an SQE flagged {@link #link()}; cancels it if it
   * has not completed within {@code nanos} (relative). {@code addr} = a {@code struct
   * __kernel_timespec}, {@code len} = 1. Completes with -ETIME if it fired, -ECANCELED or -ENOENT
   * if the linked SQE finished first (the linked SQE then has its own result; if the timeout fired,
   * -ECANCELED, or -EINTR for some kinds).
   */
  public Sqe linkTimeout(long nanos) {
    long ts = scratch(Timespec.SIZE, holder);
    ByteBuffer b = holder[0];
    int o = holderOff;
    b.putLong(o + Timespec.SEC, nanos / 1_000_000_000L);
    b.putLong(o + Timespec.NSEC, nanos % 1_000_000_000L);
    return rw(IoUring.OP_LINK_TIMEOUT, -1, ts, 1, 0);
  }

  /** Returns the slot of the SQE being written (for pinning from {@link Ring}). */
  int slot() {
    return slot;
  }

  /** Pins an extra object to the operation being written until its CQE arrives. */
  public Sqe pin(@Nullable Object o) {
    if (o != null) {
      table.pin(slot, o);
    }
    return this;
  }
}
