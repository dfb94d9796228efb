package org.jvfs.posix.ffi;

import java.util.Locale;

/**
 * Linux kernel constants the POSIX backend passes to syscalls, each named as in the kernel header
 * it mirrors. Values that differ between architectures are chosen for the running one: x86-64 and
 * aarch64 are supported; any other architecture fails at class initialisation rather than pass a
 * wrong flag to the kernel.
 */
public final class Linux {
  private Linux() {}

  /** The architectures whose constants this class knows. */
  public enum Arch {
    /** x86-64 ({@code arch/x86}). */
    X86_64,
    /** 64-bit ARM ({@code arch/arm64}). */
    AARCH64
  }

  /** The running architecture, from {@code os.arch}. */
  public static final Arch ARCH = arch();

  private static Arch arch() {
    String a = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (a) {
      case "amd64", "x86_64" -> Arch.X86_64;
      case "aarch64", "arm64" -> Arch.AARCH64;
      default ->
          throw new ExceptionInInitializerError("vfs-posix supports x86-64 and aarch64, not " + a);
    };
  }

  private static boolean x86() {
    return ARCH == Arch.X86_64;
  }

  // ---- syscall numbers ----

  /**
   * {@code openat2}: 437 on every architecture since Linux 5.6 ({@code
   * arch/x86/entry/syscalls/syscall_64.tbl}, {@code include/uapi/asm-generic/unistd.h}).
   */
  public static final long SYS_OPENAT2 = 437;

  /**
   * {@code fchmodat2}: 452 on every architecture since Linux 6.6 ({@code asm-generic/unistd.h}).
   */
  public static final long SYS_FCHMODAT2 = 452;

  // ---- open(2) flags: include/uapi/asm-generic/fcntl.h, arch/arm64/include/uapi/asm/fcntl.h ----

  /** {@code O_RDONLY}. */
  public static final int O_RDONLY = 0;

  /** {@code O_WRONLY}. */
  public static final int O_WRONLY = 01;

  /** {@code O_RDWR}. */
  public static final int O_RDWR = 02;

  /** {@code O_ACCMODE}: the access mode bits of the flags. */
  public static final int O_ACCMODE = 03;

  /** {@code O_CREAT}. */
  public static final int O_CREAT = 0100;

  /** {@code O_EXCL}. */
  public static final int O_EXCL = 0200;

  /** {@code O_TRUNC}. */
  public static final int O_TRUNC = 01000;

  /** {@code O_APPEND}. */
  public static final int O_APPEND = 02000;

  /** {@code O_NONBLOCK}. */
  public static final int O_NONBLOCK = 04000;

  /** {@code O_DSYNC}. */
  public static final int O_DSYNC = 010000;

  /** {@code O_DIRECTORY}: 0200000 generic, 040000 on arm64 ({@code arm64/.../asm/fcntl.h}). */
  public static final int O_DIRECTORY = x86() ? 0200000 : 040000;

  /** {@code O_NOFOLLOW}: 0400000 generic, 0100000 on arm64. */
  public static final int O_NOFOLLOW = x86() ? 0400000 : 0100000;

  /** {@code O_CLOEXEC}. */
  public static final int O_CLOEXEC = 02000000;

  /** {@code O_SYNC} ({@code __O_SYNC | O_DSYNC}). */
  public static final int O_SYNC = 04000000 | O_DSYNC;

  /** {@code O_PATH}. */
  public static final int O_PATH = 010000000;

  // ---- openat2 resolve flags: include/uapi/linux/openat2.h ----

  /** {@code RESOLVE_NO_MAGICLINKS}: refuse /proc magic links. */
  public static final long RESOLVE_NO_MAGICLINKS = 0x02;

  /** {@code RESOLVE_NO_SYMLINKS}: refuse every symbolic link. */
  public static final long RESOLVE_NO_SYMLINKS = 0x04;

  /** {@code RESOLVE_BENEATH}: refuse to leave the starting directory. */
  public static final long RESOLVE_BENEATH = 0x08;

  /** {@code RESOLVE_CACHED} (Linux 5.12): fail with EAGAIN instead of blocking on IO. */
  public static final long RESOLVE_CACHED = 0x20;

  // ---- *at flags: include/uapi/linux/fcntl.h ----

  /** {@code AT_FDCWD}. */
  public static final int AT_FDCWD = -100;

  /** {@code AT_SYMLINK_NOFOLLOW}. */
  public static final int AT_SYMLINK_NOFOLLOW = 0x100;

  /** {@code AT_REMOVEDIR}. */
  public static final int AT_REMOVEDIR = 0x200;

  /** {@code AT_EMPTY_PATH}. */
  public static final int AT_EMPTY_PATH = 0x1000;

  /** {@code AT_STATX_SYNC_AS_STAT}: do what {@code stat} does (a remote file system may sync). */
  public static final int AT_STATX_SYNC_AS_STAT = 0;

  /** {@code AT_STATX_DONT_SYNC}: answer from what the kernel has, never ask a remote server. */
  public static final int AT_STATX_DONT_SYNC = 0x4000;

  // ---- renameat2 flags: include/uapi/linux/fs.h ----

  /** {@code RENAME_NOREPLACE}. */
  public static final int RENAME_NOREPLACE = 1;

  /** {@code RENAME_EXCHANGE}. */
  public static final int RENAME_EXCHANGE = 2;

  // ---- statx masks: include/uapi/linux/stat.h ----

  /** {@code RWF_NOWAIT}: a {@code preadv2} that would wait for IO fails with EAGAIN instead. */
  public static final int RWF_NOWAIT = 0x8;

  /** {@code STATX_TYPE}: the file type bits of {@code stx_mode}. */
  public static final int STATX_TYPE = 0x1;

  /** {@code STATX_SIZE}: {@code stx_size}. */
  public static final int STATX_SIZE = 0x200;

  /** {@code STATX_BASIC_STATS}: type, mode, nlink, uid, gid, times, ino, size, blocks. */
  public static final int STATX_BASIC_STATS = 0x7ff;

  /** {@code STATX_BTIME}. */
  public static final int STATX_BTIME = 0x800;

  // ---- file types of st_mode: include/uapi/linux/stat.h ----

  /** {@code S_IFMT}. */
  public static final int S_IFMT = 0170000;

  /** {@code S_IFDIR}. */
  public static final int S_IFDIR = 0040000;

  /** {@code S_IFREG}. */
  public static final int S_IFREG = 0100000;

  /** {@code S_IFLNK}. */
  public static final int S_IFLNK = 0120000;

  /** {@code S_IFIFO}: a FIFO (named pipe). */
  public static final int S_IFIFO = 0010000;

  /** {@code S_IFCHR}: a character device. */
  public static final int S_IFCHR = 0020000;

  /** {@code S_IFBLK}: a block device. */
  public static final int S_IFBLK = 0060000;

  /** {@code S_IFSOCK}: a socket. */
  public static final int S_IFSOCK = 0140000;

  // ---- d_type of getdents64: include/linux/fs_types.h (DT_*) ----

  /** {@code DT_DIR}. */
  public static final int DT_DIR = 4;

  /** {@code DT_REG}. */
  public static final int DT_REG = 8;

  /** {@code DT_LNK}. */
  public static final int DT_LNK = 10;

  // ---- utimensat: include/uapi/linux/stat.h ----

  /** {@code UTIME_OMIT}: leave this time unchanged. */
  public static final long UTIME_OMIT = (1L << 30) - 2L;

  // ---- inotify: include/uapi/linux/inotify.h ----

  /** {@code IN_MODIFY}. */
  public static final int IN_MODIFY = 0x002;

  /** {@code IN_ATTRIB}. */
  public static final int IN_ATTRIB = 0x004;

  /** {@code IN_MOVED_FROM}. */
  public static final int IN_MOVED_FROM = 0x040;

  /** {@code IN_MOVED_TO}. */
  public static final int IN_MOVED_TO = 0x080;

  /** {@code IN_CREATE}. */
  public static final int IN_CREATE = 0x100;

  /** {@code IN_DELETE}. */
  public static final int IN_DELETE = 0x200;

  /** {@code IN_DELETE_SELF}. */
  public static final int IN_DELETE_SELF = 0x400;

  /** {@code IN_MOVE_SELF}. */
  public static final int IN_MOVE_SELF = 0x800;

  /** {@code IN_Q_OVERFLOW}: the event queue overflowed; events were lost. */
  public static final int IN_Q_OVERFLOW = 0x4000;

  /** {@code IN_IGNORED}: the watch was removed. */
  public static final int IN_IGNORED = 0x8000;

  /** {@code IN_ONLYDIR}. */
  public static final int IN_ONLYDIR = 0x01000000;

  /** {@code IN_NONBLOCK} (= {@code O_NONBLOCK}). */
  public static final int IN_NONBLOCK = O_NONBLOCK;

  /** {@code IN_CLOEXEC} (= {@code O_CLOEXEC}). */
  public static final int IN_CLOEXEC = O_CLOEXEC;

  // ---- poll: include/uapi/asm-generic/poll.h ----

  /** {@code POLLIN}. */
  public static final short POLLIN = 0x0001;

  /** {@code POLLOUT}. */
  public static final short POLLOUT = 0x0004;

  /** {@code POLLERR}. */
  public static final short POLLERR = 0x0008;

  /** {@code POLLHUP}. */
  public static final short POLLHUP = 0x0010;

  /** {@code POLLNVAL}. */
  public static final short POLLNVAL = 0x0020;

  // ---- eventfd: include/uapi/linux/eventfd.h ----

  /** {@code EFD_NONBLOCK} (= {@code O_NONBLOCK}). */
  public static final int EFD_NONBLOCK = O_NONBLOCK;

  /** {@code EFD_CLOEXEC} (= {@code O_CLOEXEC}). */
  public static final int EFD_CLOEXEC = O_CLOEXEC;

  // ---- fcntl: include/uapi/asm-generic/fcntl.h, include/uapi/linux/fcntl.h ----

  /** {@code F_GETFL}: the open file description's status flags. */
  public static final int F_GETFL = 3;

  /** {@code F_SETOWN}: the process that gets SIGIO (0: none). */
  public static final int F_SETOWN = 8;

  /** {@code F_SETLEASE} ({@code F_LINUX_SPECIFIC_BASE + 0}). */
  public static final int F_SETLEASE = 1024;

  /** {@code F_GETLEASE} ({@code F_LINUX_SPECIFIC_BASE + 1}). */
  public static final int F_GETLEASE = 1025;

  /** {@code F_RDLCK}: a read lease. */
  public static final int F_RDLCK = 0;

  /** {@code F_WRLCK}: a write lease. */
  public static final int F_WRLCK = 1;

  /** {@code F_UNLCK}: no lease. */
  public static final int F_UNLCK = 2;

  // ---- posix_fadvise: include/uapi/linux/fadvise.h (x86-64 and arm64 alike) ----

  /** {@code POSIX_FADV_DONTNEED}: drop the range's clean pages from the page cache. */
  public static final int POSIX_FADV_DONTNEED = 4;

  // ---- getrlimit: include/uapi/asm-generic/resource.h ----

  /** {@code RLIMIT_NOFILE}: the most descriptors the process may have open. */
  public static final int RLIMIT_NOFILE = 7;

  // ---- errno values the backend tests for: include/uapi/asm-generic/errno-base.h, errno.h ----

  /** {@code EINTR}. */
  public static final int EINTR = 4;

  /** {@code EAGAIN}. */
  public static final int EAGAIN = 11;

  /** {@code EEXIST}. */
  public static final int EEXIST = 17;

  /** {@code ENOENT}. */
  public static final int ENOENT = 2;

  /** {@code ENXIO}: for an open of a FIFO for writing with O_NONBLOCK, no reader. */
  public static final int ENXIO = 6;

  /** {@code ENFILE}: the system's limit of open files is reached. */
  public static final int ENFILE = 23;

  /** {@code ESPIPE}: a positional read or write of a FIFO or socket. */
  public static final int ESPIPE = 29;

  /** {@code EPIPE}: a write to a FIFO with no reader. */
  public static final int EPIPE = 32;

  /** {@code ENOSYS}. */
  public static final int ENOSYS = 38;

  /** {@code EINVAL}. */
  public static final int EINVAL = 22;

  /** {@code EMFILE}: the process's limit of open descriptors is reached. */
  public static final int EMFILE = 24;

  /** {@code ENOSPC}: for inotify, the user's limit of watches is reached. */
  public static final int ENOSPC = 28;

  /** {@code EOPNOTSUPP}. */
  public static final int EOPNOTSUPP = 95;

  // ---- limits ----

  /** {@code PATH_MAX} ({@code include/uapi/linux/limits.h}), including the NUL. */
  public static final int PATH_MAX = 4096;

  /**
   * The most bytes one read or write moves on Linux ({@code MAX_RW_COUNT}, {@code
   * include/linux/fs.h}: {@code INT_MAX & PAGE_MASK}).
   */
  public static final int MAX_RW_COUNT = 0x7ffff000;
}
