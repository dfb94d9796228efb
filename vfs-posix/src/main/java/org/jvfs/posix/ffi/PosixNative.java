package org.jvfs.posix.ffi;

import static org.jvfs.posix.ffi.Linux.EAGAIN;
import static org.jvfs.posix.ffi.Linux.EINTR;
import static org.jvfs.posix.ffi.Linux.EINVAL;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.SaveError;

/**
 * The one class of vfs-posix that touches JNR-FFI: bindings to the Linux C library and raw syscalls
 * the POSIX backend needs, each wrapper documented with the C prototype it calls.
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li>The JNR surface is primitives only: pointers cross as addresses in {@code long}s, into
 *       direct scratch buffers owned by the calling thread. Nothing is marshalled by JNR, and no
 *       {@link String} ever reaches it.
 *   <li>Paths are byte arrays (a {@link org.jvfs.spi.Name}'s UTF-8 bytes, encoded once); each call
 *       copies them, NUL-terminated, into the thread's reusable path buffer. A path with a NUL byte
 *       fails with {@code -EINVAL}, a path of {@code PATH_MAX} bytes or more with {@code
 *       -ENAMETOOLONG}, before any syscall.
 *   <li>A wrapper returns the call's result, or {@code -errno} on failure: errno is read once,
 *       right after the failing call, and never again.
 *   <li>Calls that may be interrupted by a signal are retried on {@code EINTR}; {@code close} and
 *       {@code fsync} never are (the descriptor is gone either way; a retried fsync after an error
 *       can falsely succeed). One read or write moves at most {@link Linux#MAX_RW_COUNT} bytes.
 * </ul>
 *
 * <p>Thread-safe: the scratch buffers are per thread.
 */
public final class PosixNative {

  /**
   * The JNR binding. Public only because JNR implements it in a class loader of its own; use the
   * wrappers of {@link PosixNative}. Every pointer is an address in a {@code long} (LP64).
   *
   * <p>The C variadic functions ({@code syscall}, {@code openat}) are declared with fixed arity,
   * not {@code @Variadic}: JNR sends a variadic declaration down its generic, array-marshalling
   * invoker, measurably slower than C, while a fixed one gets a generated stub about as fast as C.
   * This is sound on the only ABIs the backend supports, x86-64 System V and aarch64 Linux
   * (AAPCS64), which pass variadic integer arguments exactly as fixed ones; on x86-64 a variadic
   * callee reads {@code %al} only to decide whether to spill vector registers, which no
   * integer-only call uses. {@code syscall} takes four arguments after the number (unused ones are
   * passed as 0 and ignored by the kernel): no binding here has six parameters, since JNR's
   * generated stub for six {@code long} parameters was found to mis-pass the sixth (renameat2
   * through {@code syscall} received garbage flags), which is also why renameat2 binds the C
   * library's function (glibc 2.28, as statx needs) rather than {@code syscall}.
   */
  public interface LibC {
    /**
     * {@code long syscall(long number, ...)}, bound with fixed arity as {@code long syscall(long
     * number, long a1, long a2, long a3, long a4)}.
     */
    @SaveError
    long syscall(long number, long a1, long a2, long a3, long a4);

    /**
     * {@code int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
     * unsigned int flags)} (glibc 2.28).
     */
    @SaveError
    int renameat2(int olddirfd, long oldpath, int newdirfd, long newpath, int flags);

    /**
     * {@code int openat(int dirfd, const char *path, int flags, ...)}, bound with fixed arity as
     * {@code int openat(int dirfd, const char *path, int flags, mode_t mode)}.
     */
    @SaveError
    int openat(int dirfd, long path, int flags, int mode);

    /** {@code int statx(int dirfd, const char *path, int flags, unsigned mask, struct statx *)}. */
    @SaveError
    int statx(int dirfd, long path, int flags, int mask, long statxbuf);

    /** {@code ssize_t getdents64(int fd, void *dirp, size_t count)}. */
    @SaveError
    long getdents64(int fd, long dirp, long count);

    /** {@code ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t bufsiz)}. */
    @SaveError
    long readlinkat(int dirfd, long path, long buf, long bufsiz);

    /** {@code int mkdirat(int dirfd, const char *path, mode_t mode)}. */
    @SaveError
    int mkdirat(int dirfd, long path, int mode);

    /** {@code int unlinkat(int dirfd, const char *path, int flags)}. */
    @SaveError
    int unlinkat(int dirfd, long path, int flags);

    /** {@code int linkat(int olddirfd, const char *old, int newdirfd, const char *new, int)}. */
    @SaveError
    int linkat(int olddirfd, long oldpath, int newdirfd, long newpath, int flags);

    /** {@code int symlinkat(const char *target, int newdirfd, const char *linkpath)}. */
    @SaveError
    int symlinkat(long target, int newdirfd, long linkpath);

    /** {@code int fchmodat(int dirfd, const char *path, mode_t mode, int flags)}. */
    @SaveError
    int fchmodat(int dirfd, long path, int mode, int flags);

    /** {@code int utimensat(int dirfd, const char *path, const struct timespec t[2], int)}. */
    @SaveError
    int utimensat(int dirfd, long path, long times, int flags);

    /** {@code ssize_t pread(int fd, void *buf, size_t count, off_t offset)}. */
    @SaveError
    long pread(int fd, long buf, long count, long offset);

    /**
     * {@code ssize_t preadv2(int fd, const struct iovec *iov, int iovcnt, off_t offset, int
     * flags)}.
     */
    @SaveError
    long preadv2(int fd, long iov, int iovcnt, long offset, int flags);

    /** {@code ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)}. */
    @SaveError
    long pwrite(int fd, long buf, long count, long offset);

    /** {@code int fsync(int fd)}. */
    @SaveError
    int fsync(int fd);

    /** {@code int fdatasync(int fd)}. */
    @SaveError
    int fdatasync(int fd);

    /** {@code int ftruncate(int fd, off_t length)}. */
    @SaveError
    int ftruncate(int fd, long length);

    /** {@code int close(int fd)}. */
    @SaveError
    int close(int fd);

    /** {@code int fstatfs(int fd, struct statfs *buf)}. */
    @SaveError
    int fstatfs(int fd, long buf);

    /** {@code int inotify_init1(int flags)}. */
    @SaveError
    int inotify_init1(int flags);

    /** {@code int inotify_add_watch(int fd, const char *path, uint32_t mask)}. */
    @SaveError
    int inotify_add_watch(int fd, long path, int mask);

    /** {@code int inotify_rm_watch(int fd, int wd)}. */
    @SaveError
    int inotify_rm_watch(int fd, int wd);

    /** {@code ssize_t read(int fd, void *buf, size_t count)}. */
    @SaveError
    long read(int fd, long buf, long count);

    /** {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)}. */
    @SaveError
    int poll(long fds, long nfds, int timeout);

    /** {@code ssize_t write(int fd, const void *buf, size_t count)}. */
    @SaveError
    long write(int fd, long buf, long count);

    /** {@code int eventfd(unsigned int initval, int flags)}. */
    @SaveError
    int eventfd(int initval, int flags);

    /**
     * {@code int fcntl(int fd, int cmd, ...)}, bound with fixed arity as {@code int fcntl(int fd,
     * int cmd, long arg)} (see the note on variadic functions above).
     */
    @SaveError
    int fcntl(int fd, int cmd, long arg);

    /**
     * {@code int posix_fadvise(int fd, off_t offset, off_t len, int advice)}: returns the error
     * number itself, never -1 with errno.
     */
    int posix_fadvise(int fd, long offset, long len, int advice);

    /** {@code int getrlimit(int resource, struct rlimit *rlim)}. */
    @SaveError
    int getrlimit(int resource, long rlim);

    /** {@code int setrlimit(int resource, const struct rlimit *rlim)}. */
    @SaveError
    int setrlimit(int resource, long rlim);
  }

  private static final int ENAMETOOLONG = 36;

  /** How often an openat2 that lost a race with a rename (EAGAIN) is tried again. */
  private static final int RESOLVE_RACE_RETRIES = 64;

  /**
   * The size of a thread's bounce buffer for reads and writes of heap buffers: the most one {@link
   * #preadPeek} asks for.
   */
  public static final int IO_SCRATCH = 256 * 1024;

  /** The size of {@code struct statfs} on LP64 Linux ({@code asm-generic/statfs.h}). */
  private static final int STATFS_SIZE = 120;

  private static final PosixNative INSTANCE = new PosixNative();

  private final LibC libc;
  private final Runtime runtime;
  private final ThreadLocal<Scratch> scratch;

  private PosixNative() {
    this.libc = LibraryLoader.create(LibC.class).load("c");
    this.runtime = Runtime.getRuntime(libc);
    this.scratch = ThreadLocal.withInitial(Scratch::new);
  }

  /** Returns the process-wide binding, loading the C library on first use. */
  public static PosixNative get() {
    return INSTANCE;
  }

  /** A thread's direct buffers, and their addresses. */
  private final class Scratch {
    final ByteBuffer path1 = direct(Linux.PATH_MAX + 1);
    final ByteBuffer path2 = direct(Linux.PATH_MAX + 1);
    final ByteBuffer struct = direct(Statx.SIZE);
    final long path1Addr = address(path1);
    final long path2Addr = address(path2);
    final long structAddr = address(struct);
    ByteBuffer io;
    long ioAddr;
    ByteBuffer pollfds;
    long pollfdsAddr;

    ByteBuffer io() {
      if (io == null) {
        io = direct(IO_SCRATCH);
        ioAddr = address(io);
      }
      return io;
    }

    /** Returns a buffer of at least {@code n} {@code struct pollfd}s (8 bytes each). */
    ByteBuffer pollfds(int n) {
      if (pollfds == null || pollfds.capacity() < 8 * n) {
        pollfds = direct(8 * Math.max(n, 16));
        pollfdsAddr = address(pollfds);
      }
      return pollfds;
    }
  }

  private static ByteBuffer direct(int size) {
    return ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
  }

  /** Returns the address of a direct buffer's first byte (not of its position). */
  private long address(ByteBuffer direct) {
    return Pointer.wrap(runtime, direct).address();
  }

  private int errno() {
    return runtime.getLastError();
  }

  /**
   * Copies {@code path} NUL-terminated into {@code buf}; returns 0, or -EINVAL for a NUL byte,
   * -ENAMETOOLONG if it does not fit {@code PATH_MAX}.
   */
  private static int putPath(ByteBuffer buf, byte[] path) {
    if (path.length >= Linux.PATH_MAX) {
      return -ENAMETOOLONG;
    }
    for (byte b : path) {
      if (b == 0) {
        return -EINVAL;
      }
    }
    buf.put(0, path, 0, path.length);
    buf.put(path.length, (byte) 0);
    return 0;
  }

  /**
   * Copies {@code dir + "/" + name} ({@code name} alone if {@code dir} is empty) NUL-terminated
   * into {@code buf}; returns 0, or -EINVAL for a NUL byte, -ENAMETOOLONG if it does not fit {@code
   * PATH_MAX}.
   */
  private static int putPath(ByteBuffer buf, byte[] dir, byte[] name) {
    if (dir.length == 0) {
      return putPath(buf, name);
    }
    int length = dir.length + 1 + name.length;
    if (length >= Linux.PATH_MAX) {
      return -ENAMETOOLONG;
    }
    for (byte b : dir) {
      if (b == 0) {
        return -EINVAL;
      }
    }
    for (byte b : name) {
      if (b == 0) {
        return -EINVAL;
      }
    }
    buf.put(0, dir, 0, dir.length);
    buf.put(dir.length, (byte) '/');
    buf.put(dir.length + 1, name, 0, name.length);
    buf.put(length, (byte) 0);
    return 0;
  }

  // ---- resolution and metadata ----

  /**
   * {@code long syscall(SYS_openat2, int dirfd, const char *path, struct open_how *how, size_t
   * size)} with {@code struct open_how { __u64 flags; __u64 mode; __u64 resolve; }} ({@code
   * include/uapi/linux/openat2.h}, 24 bytes). Retried on EINTR, and on EAGAIN (a race with a rename
   * under RESOLVE_BENEATH, see openat2(2)) unless {@code resolve} has {@link Linux#RESOLVE_CACHED},
   * where EAGAIN is the answer.
   *
   * @return the new descriptor, or -errno (ENOSYS where the kernel lacks openat2)
   */
  public int openat2(int dirfd, byte[] path, long flags, long mode, long resolve) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, path);
    if (bad != 0) {
      return bad;
    }
    return openat2(dirfd, s, flags, mode, resolve);
  }

  private int openat2(int dirfd, Scratch s, long flags, long mode, long resolve) {
    ByteBuffer how = s.struct;
    how.putLong(0, flags);
    how.putLong(8, mode);
    how.putLong(16, resolve);
    SyscallTrace.record("openat2", flags, resolve);
    int tries = 0;
    while (true) {
      long r = libc.syscall(Linux.SYS_OPENAT2, dirfd, s.path1Addr, s.structAddr, 24);
      if (r >= 0) {
        return (int) r;
      }
      int e = errno();
      if (e == EINTR
          || (e == EAGAIN
              && (resolve & Linux.RESOLVE_CACHED) == 0
              && ++tries < RESOLVE_RACE_RETRIES)) {
        continue;
      }
      return -e;
    }
  }

  /**
   * {@link #openat2(int, byte[], long, long, long)} of the path {@code dir + "/" + name} ({@code
   * name} alone if {@code dir} is empty), composed in the thread's scratch buffer without an
   * intermediate array.
   *
   * @return the new descriptor, or -errno (EINVAL for a NUL byte, ENAMETOOLONG beyond PATH_MAX)
   */
  public int openat2(int dirfd, byte[] dir, byte[] name, long flags, long mode, long resolve) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, dir, name);
    if (bad != 0) {
      return bad;
    }
    return openat2(dirfd, s, flags, mode, resolve);
  }

  /**
   * {@code int openat(int dirfd, const char *path, int flags, mode_t mode)}. Retried on EINTR.
   *
   * @return the new descriptor, or -errno
   */
  public int openat(int dirfd, byte[] path, int flags, int mode) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, path);
    if (bad != 0) {
      return bad;
    }
    SyscallTrace.record("openat", flags, 0);
    while (true) {
      int r = libc.openat(dirfd, s.path1Addr, flags, mode);
      if (r >= 0) {
        return r;
      }
      int e = errno();
      if (e != EINTR) {
        return -e;
      }
    }
  }

  /**
   * {@code int statx(int dirfd, const char *path, int flags, unsigned int mask, struct statx *buf)}
   * (glibc 2.28, Linux 4.11); fills {@code out} on success.
   *
   * @return 0, or -errno
   */
  public int statx(int dirfd, byte[] path, int flags, int mask, Statx out) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, path);
    if (bad != 0) {
      return bad;
    }
    SyscallTrace.record("statx", flags, mask);
    int r = libc.statx(dirfd, s.path1Addr, flags, mask, s.structAddr);
    if (r != 0) {
      return -errno();
    }
    out.decode(s.struct);
    return 0;
  }

  /**
   * {@code ssize_t getdents64(int fd, void *dirp, size_t count)} (glibc 2.30): reads directory
   * entries, {@code struct linux_dirent64} records ({@link Dirent64}), into {@code out}. Retried on
   * EINTR.
   *
   * @return the number of bytes filled (0 at the end of the directory), or -errno
   */
  public long getdents64(int fd, byte[] out) {
    Scratch s = scratch.get();
    ByteBuffer io = s.io();
    int count = Math.min(out.length, io.capacity());
    SyscallTrace.record("getdents64", 0, 0);
    while (true) {
      long n = libc.getdents64(fd, s.ioAddr, count);
      if (n >= 0) {
        io.get(0, out, 0, (int) n);
        return n;
      }
      int e = errno();
      if (e != EINTR) {
        return -e;
      }
    }
  }

  /**
   * {@code ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t bufsiz)}: copies the
   * link's content into {@code out}, without a NUL.
   *
   * @return the content's length (equal to {@code out.length} if it may have been cut), or -errno
   */
  public int readlinkat(int dirfd, byte[] path, byte[] out) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, path);
    if (bad != 0) {
      return bad;
    }
    int cap = Math.min(out.length, s.path2.capacity());
    SyscallTrace.record("readlinkat", 0, 0);
    long n = libc.readlinkat(dirfd, s.path1Addr, s.path2Addr, cap);
    if (n < 0) {
      return -errno();
    }
    s.path2.get(0, out, 0, (int) n);
    return (int) n;
  }

  /**
   * {@code int mkdirat(int dirfd, const char *path, mode_t mode)}.
   *
   * @return 0, or -errno
   */
  public int mkdirat(int dirfd, byte[] path, int mode) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, path);
    if (bad != 0) {
      return bad;
    }
    SyscallTrace.record("mkdirat", 0, 0);
    return libc.mkdirat(dirfd, s.path1Addr, mode) == 0 ? 0 : -errno();
  }

  /**
   * {@code int unlinkat(int dirfd, const char *path, int flags)}.
   *
   * @return 0, or -errno
   */
  public int unlinkat(int dirfd, byte[] path, int flags) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, path);
    if (bad != 0) {
      return bad;
    }
    SyscallTrace.record("unlinkat", flags, 0);
    return libc.unlinkat(dirfd, s.path1Addr, flags) == 0 ? 0 : -errno();
  }

  /**
   * {@code int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
   * unsigned int flags)} (glibc 2.28, Linux 3.15), flags {@link Linux#RENAME_NOREPLACE} or {@link
   * Linux#RENAME_EXCHANGE}.
   *
   * @return 0, or -errno
   */
  public int renameat2(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, oldpath);
    if (bad == 0) {
      bad = putPath(s.path2, newpath);
    }
    if (bad != 0) {
      return bad;
    }
    SyscallTrace.record("renameat2", flags, 0);
    int r = libc.renameat2(olddirfd, s.path1Addr, newdirfd, s.path2Addr, flags);
    return r == 0 ? 0 : -errno();
  }

  /**
   * {@code int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int
   * flags)}.
   *
   * @return 0, or -errno
   */
  public int linkat(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, oldpath);
    if (bad == 0) {
      bad = putPath(s.path2, newpath);
    }
    if (bad != 0) {
      return bad;
    }
    SyscallTrace.record("linkat", flags, 0);
    return libc.linkat(olddirfd, s.path1Addr, newdirfd, s.path2Addr, flags) == 0 ? 0 : -errno();
  }

  /**
   * {@code int symlinkat(const char *target, int newdirfd, const char *linkpath)}.
   *
   * @return 0, or -errno
   */
  public int symlinkat(byte[] target, int newdirfd, byte[] linkpath) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, target);
    if (bad == 0) {
      bad = putPath(s.path2, linkpath);
    }
    if (bad != 0) {
      return bad;
    }
    SyscallTrace.record("symlinkat", 0, 0);
    return libc.symlinkat(s.path1Addr, newdirfd, s.path2Addr) == 0 ? 0 : -errno();
  }

  /**
   * {@code int fchmodat(int dirfd, const char *path, mode_t mode, int flags)}. Follows a final
   * symbolic link: callers pass only names known not to be links, such as {@code /proc/self/fd/N}
   * of their own O_PATH descriptor, or {@code "."}.
   *
   * @return 0, or -errno
   */
  public int fchmodat(int dirfd, byte[] path, int mode, int flags) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, path);
    if (bad != 0) {
      return bad;
    }
    SyscallTrace.record("fchmodat", flags, 0);
    return libc.fchmodat(dirfd, s.path1Addr, mode, flags) == 0 ? 0 : -errno();
  }

  /**
   * {@code long syscall(SYS_fchmodat2, int dirfd, const char *path, mode_t mode, unsigned int
   * flags)} (Linux 6.6), which honours {@link Linux#AT_SYMLINK_NOFOLLOW}.
   *
   * @return 0, or -errno (ENOSYS on older kernels, EOPNOTSUPP for a link with NOFOLLOW)
   */
  public int fchmodat2(int dirfd, byte[] path, int mode, int flags) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, path);
    if (bad != 0) {
      return bad;
    }
    SyscallTrace.record("fchmodat2", flags, 0);
    long r = libc.syscall(Linux.SYS_FCHMODAT2, dirfd, s.path1Addr, mode, flags);
    return r == 0 ? 0 : -errno();
  }

  /**
   * {@code int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)};
   * a nanosecond field of {@link Linux#UTIME_OMIT} leaves that time unchanged.
   *
   * @return 0, or -errno
   */
  public int utimensat(
      int dirfd,
      byte[] path,
      long atimeSec,
      long atimeNsec,
      long mtimeSec,
      long mtimeNsec,
      int fl) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, path);
    if (bad != 0) {
      return bad;
    }
    ByteBuffer t = s.struct;
    t.putLong(0, atimeSec);
    t.putLong(8, atimeNsec);
    t.putLong(16, mtimeSec);
    t.putLong(24, mtimeNsec);
    SyscallTrace.record("utimensat", fl, 0);
    return libc.utimensat(dirfd, s.path1Addr, s.structAddr, fl) == 0 ? 0 : -errno();
  }

  // ---- open descriptors ----

  /**
   * {@code ssize_t pread(int fd, void *buf, size_t count, off_t offset)} into {@code dst} from its
   * position: at most {@code min(dst.remaining(), MAX_RW_COUNT)} bytes (a heap buffer goes through
   * the thread's bounce buffer, at most {@value #IO_SCRATCH} bytes a call). Advances {@code dst}'s
   * position. Retried on EINTR.
   *
   * @return the bytes read, 0 at end of file, or -errno
   */
  public long pread(int fd, ByteBuffer dst, long position) {
    int want = Math.min(dst.remaining(), Linux.MAX_RW_COUNT);
    long addr;
    ByteBuffer bounce = null;
    if (dst.isDirect()) {
      addr = address(dst) + dst.position();
    } else {
      Scratch s = scratch.get();
      bounce = s.io();
      addr = s.ioAddr;
      want = Math.min(want, bounce.capacity());
    }
    SyscallTrace.record("pread", 0, 0);
    while (true) {
      long n = libc.pread(fd, addr, want, position);
      if (n >= 0) {
        if (bounce != null) {
          bounce.get(0, dst.array(), dst.arrayOffset() + dst.position(), (int) n);
        }
        dst.position(dst.position() + (int) n);
        return n;
      }
      int e = errno();
      if (e != EINTR) {
        return -e;
      }
    }
  }

  /**
   * {@code preadv2(fd, iov, 1, offset, RWF_NOWAIT)} into {@code dst} from its position, with the
   * limits of {@link #pread}: what the page cache holds, without waiting for the disk. Advances
   * {@code dst}'s position. Not retried on EINTR.
   *
   * @return the bytes read (possibly fewer than asked, where the cached pages stop), 0 at end of
   *     file, or -errno (EAGAIN: nothing cached at {@code position}; EOPNOTSUPP: the file system
   *     cannot read without waiting)
   */
  public long preadNowait(int fd, ByteBuffer dst, long position) {
    int want = Math.min(dst.remaining(), Linux.MAX_RW_COUNT);
    Scratch s = scratch.get();
    long addr;
    ByteBuffer bounce = null;
    if (dst.isDirect()) {
      addr = address(dst) + dst.position();
    } else {
      bounce = s.io();
      addr = s.ioAddr;
      want = Math.min(want, bounce.capacity());
    }
    ByteBuffer iov = s.struct;
    iov.putLong(0, addr);
    iov.putLong(8, want);
    SyscallTrace.record("preadv2", Linux.RWF_NOWAIT, 0);
    long n = libc.preadv2(fd, s.structAddr, 1, position, Linux.RWF_NOWAIT);
    if (n < 0) {
      return -errno();
    }
    if (bounce != null) {
      bounce.get(0, dst.array(), dst.arrayOffset() + dst.position(), (int) n);
    }
    dst.position(dst.position() + (int) n);
    return n;
  }

  /**
   * Reads on in a file and tells whether more follows: one {@code pread} (with {@code flags} other
   * than 0, one {@code preadv2} with those flags) of {@link #peekRequest peekRequest(len)} bytes at
   * {@code position} into the thread's bounce buffer, of which at most {@code len} are copied into
   * {@code dst[off, off + len)}. A count above {@code len} says that the file goes on past those
   * {@code len} bytes (the extra byte is not stored: read it again). A whole-file read of a file of
   * known size thus needs one call where {@code pread} needs two (the second to see the end). The
   * plain read is retried on EINTR; with flags, EINTR is returned.
   *
   * @return the count the kernel gave (up to {@code len + 1}), 0 at end of file, or -errno
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not fit {@code dst}
   */
  public long preadPeek(int fd, byte[] dst, int off, int len, long position, int flags) {
    java.util.Objects.checkFromIndexSize(off, len, dst.length);
    Scratch s = scratch.get();
    ByteBuffer bounce = s.io();
    int want = peekRequest(len);
    SyscallTrace.record(flags == 0 ? "pread" : "preadv2", flags, 0);
    long n;
    while (true) {
      if (flags == 0) {
        n = libc.pread(fd, s.ioAddr, want, position);
      } else {
        ByteBuffer iov = s.struct;
        iov.putLong(0, s.ioAddr);
        iov.putLong(8, want);
        n = libc.preadv2(fd, s.structAddr, 1, position, flags);
      }
      if (n >= 0) {
        break;
      }
      int e = errno();
      if (e != EINTR || flags != 0) {
        return -e;
      }
    }
    bounce.get(0, dst, off, (int) Math.min(n, len));
    return n;
  }

  /** Returns how many bytes {@link #preadPeek} asks for with room for {@code len}. */
  public static int peekRequest(int len) {
    return (int) Math.min(len + 1L, IO_SCRATCH);
  }

  /**
   * {@code ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)} from {@code src}'s
   * position, with the limits of {@link #pread}. A write may be short; {@code src}'s position
   * advances by the count. Retried on EINTR.
   *
   * @return the bytes written, or -errno
   */
  public long pwrite(int fd, ByteBuffer src, long position) {
    int want = Math.min(src.remaining(), Linux.MAX_RW_COUNT);
    long addr;
    if (src.isDirect()) {
      addr = address(src) + src.position();
    } else {
      Scratch s = scratch.get();
      ByteBuffer bounce = s.io();
      want = Math.min(want, bounce.capacity());
      bounce.put(0, src.array(), src.arrayOffset() + src.position(), want);
      addr = s.ioAddr;
    }
    SyscallTrace.record("pwrite", 0, 0);
    while (true) {
      long n = libc.pwrite(fd, addr, want, position);
      if (n >= 0) {
        src.position(src.position() + (int) n);
        return n;
      }
      int e = errno();
      if (e != EINTR) {
        return -e;
      }
    }
  }

  /**
   * {@code int fsync(int fd)}. Never retried: after EIO the data may be lost, and a second fsync
   * may succeed falsely.
   *
   * @return 0, or -errno
   */
  public int fsync(int fd) {
    SyscallTrace.record("fsync", 0, 0);
    return libc.fsync(fd) == 0 ? 0 : -errno();
  }

  /**
   * {@code int fdatasync(int fd)}. Never retried, as {@link #fsync}.
   *
   * @return 0, or -errno
   */
  public int fdatasync(int fd) {
    SyscallTrace.record("fdatasync", 0, 0);
    return libc.fdatasync(fd) == 0 ? 0 : -errno();
  }

  /**
   * {@code int ftruncate(int fd, off_t length)}. Retried on EINTR.
   *
   * @return 0, or -errno
   */
  public int ftruncate(int fd, long length) {
    SyscallTrace.record("ftruncate", 0, 0);
    while (true) {
      if (libc.ftruncate(fd, length) == 0) {
        return 0;
      }
      int e = errno();
      if (e != EINTR) {
        return -e;
      }
    }
  }

  /**
   * {@code int close(int fd)}. Never retried, not even on EINTR: on Linux the descriptor is
   * released before close returns, and a retry could close a descriptor another thread just got.
   *
   * @return 0, or -errno (for information only: the descriptor is gone)
   */
  public int close(int fd) {
    SyscallTrace.record("close", 0, 0);
    return libc.close(fd) == 0 ? 0 : -errno();
  }

  /**
   * {@code int fstatfs(int fd, struct statfs *buf)}; fills {@code out} with {@code f_bsize,
   * f_blocks, f_bfree, f_bavail, f_frsize} (offsets 8, 16, 24, 32 and 72 of the LP64 {@code struct
   * statfs}, {@code asm-generic/statfs.h}, the same on x86-64 and aarch64).
   *
   * @param out at least 5 longs
   * @return 0, or -errno
   */
  public int fstatfs(int fd, long[] out) {
    Scratch s = scratch.get();
    ByteBuffer b = s.io();
    SyscallTrace.record("fstatfs", 0, 0);
    if (libc.fstatfs(fd, s.ioAddr) != 0) {
      return -errno();
    }
    out[0] = b.getLong(8);
    out[1] = b.getLong(16);
    out[2] = b.getLong(24);
    out[3] = b.getLong(32);
    out[4] = b.getLong(72);
    assert STATFS_SIZE <= b.capacity();
    return 0;
  }

  // ---- inotify ----

  /**
   * {@code int inotify_init1(int flags)}.
   *
   * @return the inotify descriptor, or -errno
   */
  public int inotifyInit1(int flags) {
    SyscallTrace.record("inotify_init1", flags, 0);
    int r = libc.inotify_init1(flags);
    return r >= 0 ? r : -errno();
  }

  /**
   * {@code int inotify_add_watch(int fd, const char *path, uint32_t mask)}. The path is resolved by
   * the kernel without confinement: callers pass {@code /proc/self/fd/N} of their own O_PATH
   * descriptor.
   *
   * @return the watch descriptor, or -errno
   */
  public int inotifyAddWatch(int fd, byte[] path, int mask) {
    Scratch s = scratch.get();
    int bad = putPath(s.path1, path);
    if (bad != 0) {
      return bad;
    }
    SyscallTrace.record("inotify_add_watch", mask, 0);
    int r = libc.inotify_add_watch(fd, s.path1Addr, mask);
    return r >= 0 ? r : -errno();
  }

  /**
   * {@code int inotify_rm_watch(int fd, int wd)}.
   *
   * @return 0, or -errno
   */
  public int inotifyRmWatch(int fd, int wd) {
    SyscallTrace.record("inotify_rm_watch", 0, 0);
    return libc.inotify_rm_watch(fd, wd) == 0 ? 0 : -errno();
  }

  /**
   * {@code ssize_t read(int fd, void *buf, size_t count)} into {@code out}. Retried on EINTR.
   *
   * @return the bytes read, or -errno (EAGAIN on an empty nonblocking descriptor)
   */
  public int read(int fd, byte[] out) {
    Scratch s = scratch.get();
    ByteBuffer io = s.io();
    int count = Math.min(out.length, io.capacity());
    SyscallTrace.record("read", 0, 0);
    while (true) {
      long n = libc.read(fd, s.ioAddr, count);
      if (n >= 0) {
        io.get(0, out, 0, (int) n);
        return (int) n;
      }
      int e = errno();
      if (e != EINTR) {
        return -e;
      }
    }
  }

  /**
   * {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)} on one descriptor for {@code
   * POLLIN}; {@code struct pollfd { int fd; short events; short revents; }}. EINTR counts as a
   * timeout.
   *
   * @return 1 if readable, 0 on timeout, or -errno
   */
  public int pollIn(int fd, int timeoutMillis) {
    Scratch s = scratch.get();
    ByteBuffer p = s.struct;
    p.putInt(0, fd);
    p.putShort(4, Linux.POLLIN);
    p.putShort(6, (short) 0);
    SyscallTrace.record("poll", timeoutMillis, 0);
    int r = libc.poll(s.structAddr, 1, timeoutMillis);
    if (r < 0) {
      int e = errno();
      return e == EINTR ? 0 : -e;
    }
    return r;
  }

  /**
   * {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)} on the first {@code n}
   * descriptors of {@code fds}, each for its {@code events}; {@code revents} gets what each
   * reported. EINTR counts as a timeout.
   *
   * @return how many descriptors reported something, 0 on timeout, or -errno
   */
  public int poll(int[] fds, short[] events, short[] revents, int n, int timeoutMillis) {
    java.util.Objects.checkFromIndexSize(0, n, fds.length);
    java.util.Objects.checkFromIndexSize(0, n, events.length);
    java.util.Objects.checkFromIndexSize(0, n, revents.length);
    Scratch s = scratch.get();
    ByteBuffer p = s.pollfds(n);
    for (int i = 0; i < n; i++) {
      p.putInt(8 * i, fds[i]);
      p.putShort(8 * i + 4, events[i]);
      p.putShort(8 * i + 6, (short) 0);
    }
    SyscallTrace.record("poll", timeoutMillis, n);
    int r = libc.poll(s.pollfdsAddr, n, timeoutMillis);
    if (r < 0) {
      int e = errno();
      return e == EINTR ? 0 : -e;
    }
    for (int i = 0; i < n; i++) {
      revents[i] = p.getShort(8 * i + 6);
    }
    return r;
  }

  /**
   * {@code ssize_t read(int fd, void *buf, size_t count)} into {@code dst} from its position, with
   * the limits of {@link #pread}: for a descriptor with no position of its own to read at (a FIFO,
   * a character device). Advances {@code dst}'s position. Retried on EINTR.
   *
   * @return the bytes read, 0 at end of file, or -errno (EAGAIN on a nonblocking descriptor with
   *     nothing to read)
   */
  public long read(int fd, ByteBuffer dst) {
    int want = Math.min(dst.remaining(), Linux.MAX_RW_COUNT);
    long addr;
    ByteBuffer bounce = null;
    if (dst.isDirect()) {
      addr = address(dst) + dst.position();
    } else {
      Scratch s = scratch.get();
      bounce = s.io();
      addr = s.ioAddr;
      want = Math.min(want, bounce.capacity());
    }
    SyscallTrace.record("read", 0, 0);
    while (true) {
      long n = libc.read(fd, addr, want);
      if (n >= 0) {
        if (bounce != null) {
          bounce.get(0, dst.array(), dst.arrayOffset() + dst.position(), (int) n);
        }
        dst.position(dst.position() + (int) n);
        return n;
      }
      int e = errno();
      if (e != EINTR) {
        return -e;
      }
    }
  }

  /**
   * {@code ssize_t write(int fd, const void *buf, size_t count)} from {@code src}'s position, with
   * the limits of {@link #pwrite}; for a descriptor without positions (a FIFO, an eventfd). A write
   * may be short; {@code src}'s position advances by the count. Retried on EINTR.
   *
   * @return the bytes written, or -errno (EAGAIN on a full nonblocking FIFO, EPIPE with no reader)
   */
  public long write(int fd, ByteBuffer src) {
    int want = Math.min(src.remaining(), Linux.MAX_RW_COUNT);
    long addr;
    if (src.isDirect()) {
      addr = address(src) + src.position();
    } else {
      Scratch s = scratch.get();
      ByteBuffer bounce = s.io();
      want = Math.min(want, bounce.capacity());
      bounce.put(0, src.array(), src.arrayOffset() + src.position(), want);
      addr = s.ioAddr;
    }
    SyscallTrace.record("write", 0, 0);
    while (true) {
      long n = libc.write(fd, addr, want);
      if (n >= 0) {
        src.position(src.position() + (int) n);
        return n;
      }
      int e = errno();
      if (e != EINTR) {
        return -e;
      }
    }
  }

  /**
   * {@code int eventfd(unsigned int initval, int flags)} (Linux 2.6.27 for flags), flags {@link
   * Linux#EFD_NONBLOCK} and {@link Linux#EFD_CLOEXEC}.
   *
   * @return the new descriptor, or -errno
   */
  public int eventfd(int initval, int flags) {
    SyscallTrace.record("eventfd", flags, 0);
    int r = libc.eventfd(initval, flags);
    return r >= 0 ? r : -errno();
  }

  /**
   * {@code int fcntl(int fd, int cmd, long arg)} for the commands that take an integer argument or
   * none ({@link Linux#F_GETFL}, {@link Linux#F_SETLEASE}, {@link Linux#F_GETLEASE}, {@link
   * Linux#F_SETOWN}, ...). Not retried: none of those waits.
   *
   * @return the command's result, or -errno
   */
  public int fcntl(int fd, int cmd, long arg) {
    SyscallTrace.record("fcntl", cmd, arg);
    int r = libc.fcntl(fd, cmd, arg);
    return r >= 0 ? r : -errno();
  }

  /**
   * {@code int posix_fadvise(int fd, off_t offset, off_t len, int advice)}; with {@link
   * Linux#POSIX_FADV_DONTNEED}, drops the clean pages of the range from the page cache.
   *
   * @return 0, or -errno
   */
  public int posixFadvise(int fd, long offset, long len, int advice) {
    SyscallTrace.record("fadvise64", advice, 0);
    int r = libc.posix_fadvise(fd, offset, len, advice);
    return r == 0 ? 0 : -r;
  }

  /**
   * {@code int getrlimit(int resource, struct rlimit *rlim)} with {@code struct rlimit { rlim_t
   * rlim_cur; rlim_t rlim_max; }} (two {@code unsigned long}s, {@code
   * include/uapi/asm-generic/resource.h}); fills {@code out[0]} with the soft and {@code out[1]}
   * with the hard limit.
   *
   * @param out at least 2 longs
   * @return 0, or -errno
   */
  public int getrlimit(int resource, long[] out) {
    Scratch s = scratch.get();
    SyscallTrace.record("getrlimit", resource, 0);
    if (libc.getrlimit(resource, s.structAddr) != 0) {
      return -errno();
    }
    out[0] = s.struct.getLong(0);
    out[1] = s.struct.getLong(8);
    return 0;
  }

  /**
   * {@code int setrlimit(int resource, const struct rlimit *rlim)}, as {@link #getrlimit} lays the
   * struct out.
   *
   * @return 0, or -errno
   */
  public int setrlimit(int resource, long soft, long hard) {
    Scratch s = scratch.get();
    s.struct.putLong(0, soft);
    s.struct.putLong(8, hard);
    SyscallTrace.record("setrlimit", resource, 0);
    return libc.setrlimit(resource, s.structAddr) == 0 ? 0 : -errno();
  }
}
