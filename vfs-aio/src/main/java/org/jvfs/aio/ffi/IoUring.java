package org.jvfs.aio.ffi;

import java.util.Locale;

/**
 * Kernel constants of io_uring and the few other syscalls the engine makes, each named as in the
 * header it mirrors: {@code include/uapi/linux/io_uring.h} unless said otherwise. The opcode values
 * are an enum in that header; they are written out here, counted from {@code IORING_OP_NOP = 0},
 * and checked on the running kernel by {@code IORING_REGISTER_PROBE} (which reports each opcode by
 * number).
 *
 * <p>x86-64 and aarch64 are supported; the few per-architecture values are chosen at class
 * initialisation, and any other architecture fails there rather than pass a wrong number.
 */
public final class IoUring {
  private IoUring() {}

  /** True on x86-64, false on aarch64. */
  static final boolean X86_64 = x86();

  private static boolean x86() {
    String a = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (a) {
      case "amd64", "x86_64" -> true;
      case "aarch64", "arm64" -> false;
      default ->
          throw new ExceptionInInitializerError("vfs-aio supports x86-64 and aarch64, not " + a);
    };
  }

  // ---- syscall numbers: the same on every architecture since 5.1 (asm-generic/unistd.h) ----

  /** {@code io_uring_setup}: 425. */
  public static final long SYS_IO_URING_SETUP = 425;

  /** {@code io_uring_enter}: 426. */
  public static final long SYS_IO_URING_ENTER = 426;

  /** {@code io_uring_register}: 427. */
  public static final long SYS_IO_URING_REGISTER = 427;

  /** {@code openat2}: 437 on every architecture since 5.6. */
  public static final long SYS_OPENAT2 = 437;

  /** {@code gettid}: 186 on x86-64 ({@code syscall_64.tbl}), 178 on aarch64. */
  public static final long SYS_GETTID = X86_64 ? 186 : 178;

  /** {@code tgkill}: 234 on x86-64, 131 on aarch64. */
  public static final long SYS_TGKILL = X86_64 ? 234 : 131;

  /** {@code getpid}: 39 on x86-64, 172 on aarch64. */
  public static final long SYS_GETPID = X86_64 ? 39 : 172;

  // ---- opcodes: enum io_uring_op ----

  /** {@code IORING_OP_NOP} (5.1). */
  public static final int OP_NOP = 0;

  /** {@code IORING_OP_READV} (5.1). */
  public static final int OP_READV = 1;

  /** {@code IORING_OP_WRITEV} (5.1). */
  public static final int OP_WRITEV = 2;

  /** {@code IORING_OP_FSYNC} (5.1). */
  public static final int OP_FSYNC = 3;

  /** {@code IORING_OP_READ_FIXED} (5.1). */
  public static final int OP_READ_FIXED = 4;

  /** {@code IORING_OP_WRITE_FIXED} (5.1). */
  public static final int OP_WRITE_FIXED = 5;

  /** {@code IORING_OP_ASYNC_CANCEL} (5.5). */
  public static final int OP_ASYNC_CANCEL = 14;

  /** {@code IORING_OP_LINK_TIMEOUT} (5.5). */
  public static final int OP_LINK_TIMEOUT = 15;

  /** {@code IORING_OP_FALLOCATE} (5.6). */
  public static final int OP_FALLOCATE = 17;

  /** {@code IORING_OP_OPENAT} (5.6). */
  public static final int OP_OPENAT = 18;

  /** {@code IORING_OP_CLOSE} (5.6). */
  public static final int OP_CLOSE = 19;

  /** {@code IORING_OP_STATX} (5.6). */
  public static final int OP_STATX = 21;

  /** {@code IORING_OP_READ} (5.6). */
  public static final int OP_READ = 22;

  /** {@code IORING_OP_WRITE} (5.6). */
  public static final int OP_WRITE = 23;

  /** {@code IORING_OP_OPENAT2} (5.6). */
  public static final int OP_OPENAT2 = 28;

  /** {@code IORING_OP_RENAMEAT} (5.11). */
  public static final int OP_RENAMEAT = 35;

  /** {@code IORING_OP_UNLINKAT} (5.11). */
  public static final int OP_UNLINKAT = 36;

  /** {@code IORING_OP_MKDIRAT} (5.15). */
  public static final int OP_MKDIRAT = 37;

  /** {@code IORING_OP_SYMLINKAT} (5.15). */
  public static final int OP_SYMLINKAT = 38;

  /** {@code IORING_OP_LINKAT} (5.15). */
  public static final int OP_LINKAT = 39;

  /** {@code IORING_OP_FTRUNCATE} (6.9). */
  public static final int OP_FTRUNCATE = 55;

  /** The name of an opcode this class knows, or {@code "op" + number}. */
  public static String opName(int op) {
    return switch (op) {
      case OP_NOP -> "NOP";
      case OP_READV -> "READV";
      case OP_WRITEV -> "WRITEV";
      case OP_FSYNC -> "FSYNC";
      case OP_READ_FIXED -> "READ_FIXED";
      case OP_WRITE_FIXED -> "WRITE_FIXED";
      case OP_ASYNC_CANCEL -> "ASYNC_CANCEL";
      case OP_LINK_TIMEOUT -> "LINK_TIMEOUT";
      case OP_FALLOCATE -> "FALLOCATE";
      case OP_OPENAT -> "OPENAT";
      case OP_CLOSE -> "CLOSE";
      case OP_STATX -> "STATX";
      case OP_READ -> "READ";
      case OP_WRITE -> "WRITE";
      case OP_OPENAT2 -> "OPENAT2";
      case OP_RENAMEAT -> "RENAMEAT";
      case OP_UNLINKAT -> "UNLINKAT";
      case OP_MKDIRAT -> "MKDIRAT";
      case OP_SYMLINKAT -> "SYMLINKAT";
      case OP_LINKAT -> "LINKAT";
      case OP_FTRUNCATE -> "FTRUNCATE";
      default -> "op" + op;
    };
  }

  /** The opcodes the engine encodes, in opcode order. */
  public static final int[] ENGINE_OPS = {
    OP_NOP,
    OP_READV,
    OP_WRITEV,
    OP_FSYNC,
    OP_READ_FIXED,
    OP_WRITE_FIXED,
    OP_ASYNC_CANCEL,
    OP_LINK_TIMEOUT,
    OP_FALLOCATE,
    OP_CLOSE,
    OP_STATX,
    OP_READ,
    OP_WRITE,
    OP_OPENAT2,
    OP_RENAMEAT,
    OP_UNLINKAT,
    OP_MKDIRAT,
    OP_SYMLINKAT,
    OP_LINKAT,
    OP_FTRUNCATE
  };

  // ---- sqe->flags: IOSQE_*_BIT ----

  /** {@code IOSQE_FIXED_FILE}: {@code fd} is an index into the registered file table. */
  public static final int IOSQE_FIXED_FILE = 1 << 0;

  /** {@code IOSQE_IO_DRAIN}. */
  public static final int IOSQE_IO_DRAIN = 1 << 1;

  /** {@code IOSQE_IO_LINK}: the next SQE starts after this one succeeds (a short read fails). */
  public static final int IOSQE_IO_LINK = 1 << 2;

  /** {@code IOSQE_IO_HARDLINK} (5.5): like IO_LINK, but the next SQE runs whatever this gives. */
  public static final int IOSQE_IO_HARDLINK = 1 << 3;

  /** {@code IOSQE_ASYNC} (5.6): go to io-wq without an inline try. */
  public static final int IOSQE_ASYNC = 1 << 4;

  /** {@code IOSQE_CQE_SKIP_SUCCESS} (5.17). Not used: every SQE of the engine posts a CQE. */
  public static final int IOSQE_CQE_SKIP_SUCCESS = 1 << 6;

  // ---- io_uring_setup flags ----

  /** {@code IORING_SETUP_SQPOLL}: a kernel thread polls the SQ. */
  public static final int IORING_SETUP_SQPOLL = 1 << 1;

  /** {@code IORING_SETUP_CQSIZE} (5.5): {@code cq_entries} is given. */
  public static final int IORING_SETUP_CQSIZE = 1 << 3;

  /** {@code IORING_SETUP_CLAMP} (5.6): clamp sizes to the maximum rather than fail. */
  public static final int IORING_SETUP_CLAMP = 1 << 4;

  /** {@code IORING_SETUP_SUBMIT_ALL} (5.18): keep submitting the batch after an SQE's error. */
  public static final int IORING_SETUP_SUBMIT_ALL = 1 << 7;

  // ---- io_uring_params.features ----

  /** {@code IORING_FEAT_SINGLE_MMAP} (5.4): the SQ and CQ rings share one mapping. */
  public static final int IORING_FEAT_SINGLE_MMAP = 1 << 0;

  /** {@code IORING_FEAT_NODROP} (5.5): CQEs beyond a full CQ are kept, not dropped. */
  public static final int IORING_FEAT_NODROP = 1 << 1;

  /** {@code IORING_FEAT_SUBMIT_STABLE} (5.5): SQE data is copied at submit. */
  public static final int IORING_FEAT_SUBMIT_STABLE = 1 << 2;

  /** {@code IORING_FEAT_RW_CUR_POS} (5.6). */
  public static final int IORING_FEAT_RW_CUR_POS = 1 << 3;

  /** {@code IORING_FEAT_CUR_PERSONALITY} (5.6). */
  public static final int IORING_FEAT_CUR_PERSONALITY = 1 << 4;

  /** {@code IORING_FEAT_FAST_POLL} (5.7). */
  public static final int IORING_FEAT_FAST_POLL = 1 << 5;

  /** {@code IORING_FEAT_POLL_32BITS} (5.9). */
  public static final int IORING_FEAT_POLL_32BITS = 1 << 6;

  /** {@code IORING_FEAT_SQPOLL_NONFIXED} (5.11). */
  public static final int IORING_FEAT_SQPOLL_NONFIXED = 1 << 7;

  /** {@code IORING_FEAT_EXT_ARG} (5.11). */
  public static final int IORING_FEAT_EXT_ARG = 1 << 8;

  /** {@code IORING_FEAT_NATIVE_WORKERS} (5.12). */
  public static final int IORING_FEAT_NATIVE_WORKERS = 1 << 9;

  /** {@code IORING_FEAT_RSRC_TAGS} (5.13). */
  public static final int IORING_FEAT_RSRC_TAGS = 1 << 10;

  /** {@code IORING_FEAT_CQE_SKIP} (5.17). */
  public static final int IORING_FEAT_CQE_SKIP = 1 << 11;

  /** {@code IORING_FEAT_LINKED_FILE} (5.17): a linked SQE's fixed file is looked up late. */
  public static final int IORING_FEAT_LINKED_FILE = 1 << 12;

  /** The names of the feature bits, by bit number. */
  static final String[] FEATURE_NAMES = {
    "SINGLE_MMAP",
    "NODROP",
    "SUBMIT_STABLE",
    "RW_CUR_POS",
    "CUR_PERSONALITY",
    "FAST_POLL",
    "POLL_32BITS",
    "SQPOLL_NONFIXED",
    "EXT_ARG",
    "NATIVE_WORKERS",
    "RSRC_TAGS",
    "CQE_SKIP",
    "LINKED_FILE",
    "REG_REG_RING",
    "RECVSEND_BUNDLE",
    "MIN_TIMEOUT",
    "RW_ATTR",
    "NO_IOWAIT"
  };

  /** Returns the names of the bits set in a features word, e.g. {@code SINGLE_MMAP|NODROP}. */
  public static String featureNames(int features) {
    StringBuilder b = new StringBuilder();
    for (int bit = 0; bit < 32; bit++) {
      if ((features & (1 << bit)) != 0) {
        if (b.length() > 0) {
          b.append('|');
        }
        b.append(bit < FEATURE_NAMES.length ? FEATURE_NAMES[bit] : "bit" + bit);
      }
    }
    return b.toString();
  }

  // ---- io_uring_enter flags ----

  /** {@code IORING_ENTER_GETEVENTS}: wait for {@code min_complete} CQEs. */
  public static final int IORING_ENTER_GETEVENTS = 1 << 0;

  /** {@code IORING_ENTER_SQ_WAKEUP}: wake the SQPOLL thread. */
  public static final int IORING_ENTER_SQ_WAKEUP = 1 << 1;

  /** {@code IORING_ENTER_SQ_WAIT} (5.10): wait for SQ space under SQPOLL. */
  public static final int IORING_ENTER_SQ_WAIT = 1 << 2;

  // ---- sq_ring->flags ----

  /** {@code IORING_SQ_NEED_WAKEUP}: the SQPOLL thread sleeps and needs a wakeup. */
  public static final int IORING_SQ_NEED_WAKEUP = 1 << 0;

  /** {@code IORING_SQ_CQ_OVERFLOW} (5.8): CQEs wait in the kernel's overflow list. */
  public static final int IORING_SQ_CQ_OVERFLOW = 1 << 1;

  // ---- mmap offsets ----

  /** {@code IORING_OFF_SQ_RING}. */
  public static final long IORING_OFF_SQ_RING = 0L;

  /** {@code IORING_OFF_CQ_RING}. */
  public static final long IORING_OFF_CQ_RING = 0x8000000L;

  /** {@code IORING_OFF_SQES}. */
  public static final long IORING_OFF_SQES = 0x10000000L;

  // ---- io_uring_register opcodes: enum io_uring_register_op ----

  /** {@code IORING_REGISTER_BUFFERS}: arg is a {@code struct iovec[]}, nr_args its length. */
  public static final int IORING_REGISTER_BUFFERS = 0;

  /** {@code IORING_UNREGISTER_BUFFERS}. */
  public static final int IORING_UNREGISTER_BUFFERS = 1;

  /** {@code IORING_REGISTER_FILES}: arg is an {@code int[]} of fds (-1 leaves a slot empty). */
  public static final int IORING_REGISTER_FILES = 2;

  /** {@code IORING_UNREGISTER_FILES}. */
  public static final int IORING_UNREGISTER_FILES = 3;

  /** {@code IORING_REGISTER_EVENTFD}: arg is an {@code int *}, nr_args 1. */
  public static final int IORING_REGISTER_EVENTFD = 4;

  /** {@code IORING_UNREGISTER_EVENTFD}. */
  public static final int IORING_UNREGISTER_EVENTFD = 5;

  /** {@code IORING_REGISTER_PROBE} (5.6): arg is a {@code struct io_uring_probe}. */
  public static final int IORING_REGISTER_PROBE = 8;

  /** {@code IORING_REGISTER_FILES2} (5.13): arg is a {@code struct io_uring_rsrc_register}. */
  public static final int IORING_REGISTER_FILES2 = 13;

  /** {@code IORING_REGISTER_FILE_ALLOC_RANGE} (6.0): where IORING_FILE_INDEX_ALLOC allocates. */
  public static final int IORING_REGISTER_FILE_ALLOC_RANGE = 25;

  /** {@code IORING_RSRC_REGISTER_SPARSE} (5.19): register an empty table of {@code nr} slots. */
  public static final int IORING_RSRC_REGISTER_SPARSE = 1 << 0;

  /** {@code IO_URING_OP_SUPPORTED}: set in {@code io_uring_probe_op.flags}. */
  public static final int IO_URING_OP_SUPPORTED = 1 << 0;

  /** {@code IORING_FILE_INDEX_ALLOC} (5.19): {@code file_index} asking the kernel for a slot. */
  public static final int IORING_FILE_INDEX_ALLOC = ~0;

  // ---- per-op flags ----

  /** {@code IORING_FSYNC_DATASYNC}: {@code sqe->fsync_flags}, fdatasync semantics. */
  public static final int IORING_FSYNC_DATASYNC = 1 << 0;

  /** {@code IORING_ASYNC_CANCEL_ALL} (5.19): cancel every request matching, not only one. */
  public static final int IORING_ASYNC_CANCEL_ALL = 1 << 0;

  /** {@code IORING_ASYNC_CANCEL_ANY} (5.19): match any request. */
  public static final int IORING_ASYNC_CANCEL_ANY = 1 << 2;

  // ---- openat2: include/uapi/linux/openat2.h ----

  /** {@code RESOLVE_NO_XDEV}. */
  public static final long RESOLVE_NO_XDEV = 0x01;

  /** {@code RESOLVE_NO_MAGICLINKS}: refuse /proc-style magic links. */
  public static final long RESOLVE_NO_MAGICLINKS = 0x02;

  /** {@code RESOLVE_NO_SYMLINKS}: refuse every symbolic link. */
  public static final long RESOLVE_NO_SYMLINKS = 0x04;

  /** {@code RESOLVE_BENEATH}: refuse anything that leaves the directory fd's tree. */
  public static final long RESOLVE_BENEATH = 0x08;

  /** {@code RESOLVE_IN_ROOT}. */
  public static final long RESOLVE_IN_ROOT = 0x10;

  /** {@code RESOLVE_CACHED} (5.12): only complete from the dcache, else -EAGAIN. */
  public static final long RESOLVE_CACHED = 0x20;

  // ---- fcntl.h / stat.h / eventfd.h (include/uapi/asm-generic/fcntl.h, arm64 differs) ----

  /** {@code AT_FDCWD}. */
  public static final int AT_FDCWD = -100;

  /** {@code AT_REMOVEDIR}: unlinkat removes a directory. */
  public static final int AT_REMOVEDIR = 0x200;

  /** {@code AT_SYMLINK_NOFOLLOW}. */
  public static final int AT_SYMLINK_NOFOLLOW = 0x100;

  /** {@code AT_EMPTY_PATH}. */
  public static final int AT_EMPTY_PATH = 0x1000;

  /** {@code O_RDONLY}. */
  public static final int O_RDONLY = 0;

  /** {@code O_WRONLY}. */
  public static final int O_WRONLY = 01;

  /** {@code O_RDWR}. */
  public static final int O_RDWR = 02;

  /** {@code O_CREAT}. */
  public static final int O_CREAT = 0100;

  /** {@code O_EXCL}. */
  public static final int O_EXCL = 0200;

  /** {@code O_TRUNC}. */
  public static final int O_TRUNC = 01000;

  /** {@code O_NONBLOCK}. */
  public static final int O_NONBLOCK = 04000;

  /** {@code O_DIRECTORY}: 0200000 generic, 040000 on arm64. */
  public static final int O_DIRECTORY = X86_64 ? 0200000 : 040000;

  /** {@code O_NOFOLLOW}: 0400000 generic, 0100000 on arm64. */
  public static final int O_NOFOLLOW = X86_64 ? 0400000 : 0100000;

  /** {@code O_CLOEXEC}. */
  public static final int O_CLOEXEC = 02000000;

  /** {@code O_PATH}. */
  public static final int O_PATH = 010000000;

  /** {@code EFD_CLOEXEC} ({@code include/uapi/linux/eventfd.h}: O_CLOEXEC). */
  public static final int EFD_CLOEXEC = O_CLOEXEC;

  /** {@code EFD_NONBLOCK} (O_NONBLOCK). */
  public static final int EFD_NONBLOCK = O_NONBLOCK;

  /** {@code STATX_BASIC_STATS} ({@code include/uapi/linux/stat.h}). */
  public static final int STATX_BASIC_STATS = 0x7ff;

  /** {@code STATX_SIZE}. */
  public static final int STATX_SIZE = 0x200;

  /** {@code S_IFMT}. */
  public static final int S_IFMT = 0170000;

  /** {@code S_IFREG}. */
  public static final int S_IFREG = 0100000;

  /** {@code S_IFDIR}. */
  public static final int S_IFDIR = 0040000;

  /** {@code FALLOC_FL_KEEP_SIZE} ({@code include/uapi/linux/falloc.h}). */
  public static final int FALLOC_FL_KEEP_SIZE = 0x01;

  /** {@code PROT_READ | PROT_WRITE} ({@code asm-generic/mman-common.h}). */
  public static final int PROT_READ_WRITE = 0x1 | 0x2;

  /** {@code MAP_SHARED | MAP_POPULATE} ({@code asm-generic/mman.h}). */
  public static final int MAP_SHARED_POPULATE = 0x01 | 0x8000;

  /** {@code SIGPIPE} (13 on both architectures): handled, and ignored, by the JVM. */
  public static final int SIGPIPE = 13;
}
