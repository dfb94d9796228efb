package org.jvfs.aio.ffi;

import com.kenai.jffi.MemoryIO;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.provider.jffi.NoX86;

/**
 * The one class of vfs-aio that touches JNR-FFI: the io_uring syscalls (through {@code syscall(2)}:
 * the C library has no wrappers for them, and liburing is not used), the mappings of the rings,
 * eventfd, and the few plain calls the engine and its tests need. Each wrapper's javadoc carries
 * the C prototype it calls.
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li>The JNR surface is primitives only: pointers cross as addresses in {@code long}s. Nothing
 *       is marshalled by JNR and no {@link String} reaches it.
 *   <li>A wrapper returns the call's result, or {@code -errno} on failure; errno is read once,
 *       right after the failing call.
 *   <li>{@code io_uring_enter} is never retried here: EINTR, EAGAIN and EBUSY are answers the ring
 *       engine handles (it must look at the rings in between). {@code read} and {@code write} on an
 *       eventfd or a pipe are retried on EINTR; {@code close} never is.
 * </ul>
 *
 * <h2>Six parameters</h2>
 *
 * JNR's x86-64 assembler stub for a binding with six integer parameters loads the sixth from the
 * wrong stack slot (it reads the return address: {@code disp = 8 + (4 - i) * 8} in
 * X86_64StubCompiler, where the sixth argument sits at {@code rsp + 16}). Measured here: {@code
 * mmap} bound that way fails with EINVAL, because its offset arrives as garbage. So the bindings
 * with five parameters live in {@link LibC} (generated stubs, the fast path), and the two with six
 * in {@link LibC6}, which carries JNR's {@link NoX86} annotation: it goes through jffi's {@code
 * invokeL6}, which passes all six correctly at the cost of a generated stub (a seven-parameter
 * binding would go down JNR's generic array path, about twice as slow). {@code io_uring_enter} has
 * six syscall arguments, so {@code syscall} would need seven; it is bound with six ({@code argp}
 * the last), which leaves {@code argsz} unpassed. That is sound only because the engine always
 * passes {@code argp = NULL} without {@code IORING_ENTER_EXT_ARG}: the kernel then reads neither
 * the sigmask nor its size ({@code io_get_ext_arg} and {@code io_cqring_wait} in {@code
 * io_uring/io_uring.c}).
 *
 * <p>Thread-safe: stateless apart from the loaded library.
 */
public final class UringNative {

  /**
   * The JNR binding of the calls with at most five parameters. Public only because JNR implements
   * it in a class loader of its own; use the wrappers. Every pointer is an address in a {@code
   * long} (LP64).
   *
   * <p>{@code syscall} is variadic in C and bound here with fixed arity, as vfs-posix does: sound
   * on x86-64 System V and AAPCS64, which pass variadic integer arguments exactly as fixed ones.
   */
  public interface LibC {
    /** {@code long syscall(long number, ...)} with four arguments after the number. */
    @SaveError
    long syscall(long number, long a1, long a2, long a3, long a4);

    /** {@code int munmap(void *addr, size_t length)}. */
    @SaveError
    int munmap(long addr, long length);

    /** {@code int eventfd(unsigned int initval, int flags)}. */
    @SaveError
    int eventfd(int initval, int flags);

    /** {@code int close(int fd)}. */
    @SaveError
    int close(int fd);

    /** {@code ssize_t read(int fd, void *buf, size_t count)}. */
    @SaveError
    long read(int fd, long buf, long count);

    /** {@code ssize_t write(int fd, const void *buf, size_t count)}. */
    @SaveError
    long write(int fd, long buf, long count);

    /** {@code ssize_t pread(int fd, void *buf, size_t count, off_t offset)}. */
    @SaveError
    long pread(int fd, long buf, long count, long offset);

    /** {@code int pipe2(int pipefd[2], int flags)}. */
    @SaveError
    int pipe2(long pipefd, int flags);

    /**
     * {@code int openat(int dirfd, const char *path, int flags, ...)}, bound with fixed arity as
     * {@code int openat(int dirfd, const char *path, int flags, mode_t mode)}.
     */
    @SaveError
    int openat(int dirfd, long path, int flags, int mode);
  }

  /**
   * The JNR binding of the calls with six parameters, kept off JNR's x86-64 stub compiler by {@link
   * NoX86} (see the class comment). Public only because JNR implements it.
   */
  @NoX86
  public interface LibC6 {
    /** {@code long syscall(long number, ...)} with five arguments after the number. */
    @SaveError
    long syscall(long number, long a1, long a2, long a3, long a4, long a5);

    /** {@code void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)}. */
    @SaveError
    long mmap(long addr, long length, int prot, int flags, int fd, long offset);
  }

  private static final class Holder {
    static final UringNative INSTANCE = new UringNative();
  }

  private final LibC libc;
  private final LibC6 libc6;
  private final Runtime runtime;
  private final MemoryIO memory;

  private UringNative() {
    this.libc = LibraryLoader.create(LibC.class).load("c");
    this.libc6 = LibraryLoader.create(LibC6.class).load("c");
    this.runtime = Runtime.getRuntime(libc);
    this.memory = MemoryIO.getInstance();
  }

  /**
   * Returns the process-wide binding, loading the C library on first use.
   *
   * @throws LinkageError if JNR or the C library cannot be loaded (the probe reports it)
   */
  public static UringNative get() {
    return Holder.INSTANCE;
  }

  private int errno() {
    return runtime.getLastError();
  }

  // ---- io_uring ----

  /**
   * {@code int io_uring_setup(u32 entries, struct io_uring_params *p)} through {@code
   * syscall(SYS_io_uring_setup, ...)}. {@code params} ({@link UringLayout.Params}) carries the
   * requested flags in and the ring's sizes, features and offsets out.
   *
   * @return the ring's descriptor, or -errno (EPERM where seccomp or {@code
   *     kernel.io_uring_disabled} forbids io_uring, ENOSYS where the kernel lacks it)
   */
  public int ioUringSetup(int entries, long params) {
    long r = libc.syscall(IoUring.SYS_IO_URING_SETUP, entries, params, 0, 0);
    return r < 0 ? -errno() : (int) r;
  }

  /**
   * {@code int io_uring_enter(unsigned int fd, u32 to_submit, u32 min_complete, u32 flags, const
   * void *argp, size_t argsz)} with {@code argp = NULL} (no sigmask, no IORING_ENTER_EXT_ARG; see
   * the class comment for why {@code argsz} need not be passed). Not retried.
   *
   * @return the number of SQEs consumed, or -errno (EINTR, EAGAIN, EBUSY, EBADR, ...)
   */
  public int ioUringEnter(int ringFd, int toSubmit, int minComplete, int flags) {
    long r =
        libc6.syscall(
            IoUring.SYS_IO_URING_ENTER,
            ringFd,
            Integer.toUnsignedLong(toSubmit),
            Integer.toUnsignedLong(minComplete),
            Integer.toUnsignedLong(flags),
            0L);
    return r < 0 ? -errno() : (int) r;
  }

  /**
   * {@code int io_uring_register(unsigned int fd, unsigned int opcode, void *arg, unsigned int
   * nr_args)}.
   *
   * @return the opcode's result (often 0), or -errno
   */
  public int ioUringRegister(int ringFd, int opcode, long arg, int nrArgs) {
    long r =
        libc.syscall(
            IoUring.SYS_IO_URING_REGISTER,
            ringFd,
            Integer.toUnsignedLong(opcode),
            arg,
            Integer.toUnsignedLong(nrArgs));
    return r < 0 ? -errno() : (int) r;
  }

  /**
   * {@code void *mmap(NULL, size_t length, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, int
   * fd, off_t offset)}: maps a part of a ring ({@link IoUring#IORING_OFF_SQ_RING} and the others).
   *
   * @return the address, or -errno (MAP_FAILED)
   */
  public long mmapRing(int ringFd, long length, long offset) {
    long r =
        libc6.mmap(
            0L, length, IoUring.PROT_READ_WRITE, IoUring.MAP_SHARED_POPULATE, ringFd, offset);
    return r == -1L ? -errno() : r;
  }

  /**
   * {@code int munmap(void *addr, size_t length)}.
   *
   * @return 0, or -errno
   */
  public int munmap(long addr, long length) {
    return libc.munmap(addr, length) == 0 ? 0 : -errno();
  }

  // ---- descriptors ----

  /**
   * {@code int eventfd(unsigned int initval, int flags)}.
   *
   * @return the descriptor, or -errno
   */
  public int eventfd(int initval, int flags) {
    int r = libc.eventfd(initval, flags);
    return r < 0 ? -errno() : r;
  }

  /**
   * {@code int close(int fd)}. Never retried: the descriptor is gone either way.
   *
   * @return 0, or -errno
   */
  public int close(int fd) {
    return libc.close(fd) == 0 ? 0 : -errno();
  }

  /**
   * {@code ssize_t read(int fd, void *buf, size_t count)}, retried on EINTR.
   *
   * @return the bytes read, or -errno
   */
  public long read(int fd, long buf, long count) {
    while (true) {
      long r = libc.read(fd, buf, count);
      if (r >= 0) {
        return r;
      }
      int e = errno();
      if (e != 4) { // EINTR
        return -e;
      }
    }
  }

  /**
   * {@code ssize_t write(int fd, const void *buf, size_t count)}, retried on EINTR.
   *
   * @return the bytes written, or -errno
   */
  public long write(int fd, long buf, long count) {
    while (true) {
      long r = libc.write(fd, buf, count);
      if (r >= 0) {
        return r;
      }
      int e = errno();
      if (e != 4) { // EINTR
        return -e;
      }
    }
  }

  /**
   * {@code ssize_t pread(int fd, void *buf, size_t count, off_t offset)}, retried on EINTR.
   *
   * @return the bytes read, or -errno
   */
  public long pread(int fd, long buf, long count, long offset) {
    while (true) {
      long r = libc.pread(fd, buf, count, offset);
      if (r >= 0) {
        return r;
      }
      int e = errno();
      if (e != 4) { // EINTR
        return -e;
      }
    }
  }

  /**
   * {@code int pipe2(int pipefd[2], int flags)}; {@code fds} receives the read and write ends.
   *
   * @return 0, or -errno
   */
  public int pipe2(int[] fds, int flags) {
    ByteBuffer b = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
    if (libc.pipe2(address(b), flags) != 0) {
      return -errno();
    }
    fds[0] = b.getInt(0);
    fds[1] = b.getInt(4);
    return 0;
  }

  /**
   * {@code int openat(int dirfd, const char *path, int flags, mode_t mode)}, with {@code path} a
   * NUL-terminated string at the start of a direct buffer. Retried on EINTR.
   *
   * @return the descriptor, or -errno
   */
  public int openat(int dirfd, ByteBuffer path, int flags, int mode) {
    long p = address(path);
    try {
      while (true) {
        int r = libc.openat(dirfd, p, flags, mode);
        if (r >= 0) {
          return r;
        }
        int e = errno();
        if (e != 4) { // EINTR
          return -e;
        }
      }
    } finally {
      Reference.reachabilityFence(path); // the kernel reads it: not freed before the call ends
    }
  }

  /**
   * {@code long syscall(SYS_openat2, int dirfd, const char *path, struct open_how *how, size_t
   * size)}: the synchronous path the ring's OPENAT2 is measured against. {@code path} is
   * NUL-terminated at the start of a direct buffer, {@code how} a {@link UringLayout.OpenHow}.
   * Retried on EINTR.
   *
   * @return the descriptor, or -errno
   */
  public int openat2(int dirfd, ByteBuffer path, ByteBuffer how) {
    long p = address(path);
    long h = address(how);
    try {
      while (true) {
        long r = libc.syscall(IoUring.SYS_OPENAT2, dirfd, p, h, UringLayout.OpenHow.SIZE);
        if (r >= 0) {
          return (int) r;
        }
        int e = errno();
        if (e != 4) { // EINTR
          return -e;
        }
      }
    } finally {
      Reference.reachabilityFence(path);
      Reference.reachabilityFence(how);
    }
  }

  // ---- threads and signals (the engine's EINTR test) ----

  /** {@code pid_t gettid(void)} through {@code syscall(SYS_gettid)}. */
  public int gettid() {
    return (int) libc.syscall(IoUring.SYS_GETTID, 0, 0, 0, 0);
  }

  /** {@code pid_t getpid(void)} through {@code syscall(SYS_getpid)}. */
  public int getpid() {
    return (int) libc.syscall(IoUring.SYS_GETPID, 0, 0, 0, 0);
  }

  /**
   * {@code int tgkill(pid_t tgid, pid_t tid, int sig)} through {@code syscall(SYS_tgkill)}.
   *
   * @return 0, or -errno
   */
  public int tgkill(int tgid, int tid, int sig) {
    return libc.syscall(IoUring.SYS_TGKILL, tgid, tid, sig, 0) == 0 ? 0 : -errno();
  }

  // ---- memory ----

  /**
   * Returns the address of a direct buffer's first byte (not of its position). The buffer must stay
   * reachable for as long as the address is used ({@link Reference#reachabilityFence}): once only
   * the address is left, the collector may free the memory under a syscall that writes it.
   */
  public long address(ByteBuffer direct) {
    if (!direct.isDirect()) {
      throw new IllegalArgumentException("not a direct buffer: " + direct);
    }
    return memory.getDirectBufferAddress(direct);
  }

  /**
   * Returns a direct buffer in native byte order over {@code length} bytes of native memory at
   * {@code address}, such as a ring mapping. The buffer does not own the memory: it must not be
   * touched after the memory is unmapped (the JVM would crash).
   */
  public ByteBuffer wrap(long address, int length) {
    return memory.newDirectByteBuffer(address, length).order(ByteOrder.nativeOrder());
  }
}
