package org.jvfs.aio.ffi;

/**
 * Byte offsets and sizes of the structures io_uring shares with user space, as in {@code
 * include/uapi/linux/io_uring.h} (and {@code openat2.h}, {@code time_types.h}, {@code stat.h}).
 * Every type is fixed-width ({@code __u8} to {@code __u64}), so the layout is the same on x86-64
 * and aarch64. The values were checked with {@code offsetof}/{@code sizeof} against the uapi
 * headers of Linux 6.1 (linux-libc-dev) on the development machine; fields added after 6.1 are not
 * used.
 */
public final class UringLayout {
  private UringLayout() {}

  /** {@code struct io_uring_params} (120 bytes), filled in by io_uring_setup. */
  public static final class Params {
    private Params() {}

    /** {@code sizeof(struct io_uring_params)}. */
    public static final int SIZE = 120;

    /** {@code __u32 sq_entries}. */
    public static final int SQ_ENTRIES = 0;

    /** {@code __u32 cq_entries}. */
    public static final int CQ_ENTRIES = 4;

    /** {@code __u32 flags}. */
    public static final int FLAGS = 8;

    /** {@code __u32 sq_thread_cpu}. */
    public static final int SQ_THREAD_CPU = 12;

    /** {@code __u32 sq_thread_idle} (milliseconds). */
    public static final int SQ_THREAD_IDLE = 16;

    /** {@code __u32 features}. */
    public static final int FEATURES = 20;

    /** {@code __u32 wq_fd}. */
    public static final int WQ_FD = 24;

    /** {@code struct io_sqring_offsets sq_off} ({@link SqOffsets}). */
    public static final int SQ_OFF = 40;

    /** {@code struct io_cqring_offsets cq_off} ({@link CqOffsets}). */
    public static final int CQ_OFF = 80;
  }

  /** {@code struct io_sqring_offsets} (40 bytes): where each SQ field sits in the SQ ring. */
  public static final class SqOffsets {
    private SqOffsets() {}

    /** {@code __u32 head}. */
    public static final int HEAD = 0;

    /** {@code __u32 tail}. */
    public static final int TAIL = 4;

    /** {@code __u32 ring_mask}. */
    public static final int RING_MASK = 8;

    /** {@code __u32 ring_entries}. */
    public static final int RING_ENTRIES = 12;

    /** {@code __u32 flags}. */
    public static final int FLAGS = 16;

    /** {@code __u32 dropped}. */
    public static final int DROPPED = 20;

    /** {@code __u32 array}. */
    public static final int ARRAY = 24;
  }

  /** {@code struct io_cqring_offsets} (40 bytes): where each CQ field sits in the CQ ring. */
  public static final class CqOffsets {
    private CqOffsets() {}

    /** {@code __u32 head}. */
    public static final int HEAD = 0;

    /** {@code __u32 tail}. */
    public static final int TAIL = 4;

    /** {@code __u32 ring_mask}. */
    public static final int RING_MASK = 8;

    /** {@code __u32 ring_entries}. */
    public static final int RING_ENTRIES = 12;

    /** {@code __u32 overflow}: CQEs the kernel had to drop (stays 0 with IORING_FEAT_NODROP). */
    public static final int OVERFLOW = 16;

    /** {@code __u32 cqes}. */
    public static final int CQES = 20;

    /** {@code __u32 flags} (5.8). */
    public static final int FLAGS = 24;
  }

  /** {@code struct io_uring_sqe} (64 bytes; unions named by the field the engine writes). */
  public static final class Sqe {
    private Sqe() {}

    /** {@code sizeof(struct io_uring_sqe)} without IORING_SETUP_SQE128. */
    public static final int SIZE = 64;

    /** {@code __u8 opcode}. */
    public static final int OPCODE = 0;

    /** {@code __u8 flags} (IOSQE_*). */
    public static final int FLAGS = 1;

    /** {@code __u16 ioprio}. */
    public static final int IOPRIO = 2;

    /** {@code __s32 fd}. */
    public static final int FD = 4;

    /** {@code union { __u64 off; __u64 addr2; }}. */
    public static final int OFF = 8;

    /** {@code union { __u64 addr; __u64 splice_off_in; }}. */
    public static final int ADDR = 16;

    /** {@code __u32 len}. */
    public static final int LEN = 24;

    /**
     * {@code union { __kernel_rwf_t rw_flags; __u32 fsync_flags; __u32 open_flags; __u32
     * statx_flags; __u32 cancel_flags; __u32 timeout_flags; __u32 rename_flags; __u32 unlink_flags;
     * __u32 hardlink_flags; ... }}.
     */
    public static final int OP_FLAGS = 28;

    /** {@code __u64 user_data}. */
    public static final int USER_DATA = 32;

    /** {@code union { __u16 buf_index; __u16 buf_group; }}. */
    public static final int BUF_INDEX = 40;

    /** {@code __u16 personality}. */
    public static final int PERSONALITY = 42;

    /** {@code union { __s32 splice_fd_in; __u32 file_index; ... }}. */
    public static final int FILE_INDEX = 44;

    /** {@code __u64 addr3} (then {@code __u64 __pad2[1]} at 56). */
    public static final int ADDR3 = 48;
  }

  /** {@code struct io_uring_cqe} (16 bytes without IORING_SETUP_CQE32). */
  public static final class Cqe {
    private Cqe() {}

    /** {@code sizeof(struct io_uring_cqe)}. */
    public static final int SIZE = 16;

    /** {@code __u64 user_data}. */
    public static final int USER_DATA = 0;

    /** {@code __s32 res}. */
    public static final int RES = 8;

    /** {@code __u32 flags}. */
    public static final int FLAGS = 12;
  }

  /** {@code struct open_how} ({@code include/uapi/linux/openat2.h}, 24 bytes). */
  public static final class OpenHow {
    private OpenHow() {}

    /** {@code sizeof(struct open_how)}: OPENAT2 passes it as {@code sqe->len}. */
    public static final int SIZE = 24;

    /** {@code __u64 flags}. */
    public static final int FLAGS = 0;

    /** {@code __u64 mode}. */
    public static final int MODE = 8;

    /** {@code __u64 resolve}. */
    public static final int RESOLVE = 16;
  }

  /** {@code struct io_uring_probe} (16 bytes) followed by {@code struct io_uring_probe_op[]}. */
  public static final class Probe {
    private Probe() {}

    /** {@code sizeof(struct io_uring_probe)}, the header before {@code ops[]}. */
    public static final int SIZE = 16;

    /** {@code __u8 last_op}: the last opcode this kernel knows. */
    public static final int LAST_OP = 0;

    /** {@code __u8 ops_len}: how many {@code ops[]} entries the kernel filled. */
    public static final int OPS_LEN = 1;

    /** {@code struct io_uring_probe_op ops[]}. */
    public static final int OPS = 16;

    /** {@code sizeof(struct io_uring_probe_op)}: {@code __u8 op; __u8 resv; __u16 flags; ...}. */
    public static final int OP_SIZE = 8;

    /** {@code io_uring_probe_op.op}. */
    public static final int OP_OP = 0;

    /** {@code io_uring_probe_op.flags} ({@link IoUring#IO_URING_OP_SUPPORTED}). */
    public static final int OP_FLAGS = 2;

    /** Room for every {@code __u8} opcode. */
    public static final int MAX_OPS = 256;
  }

  /** {@code struct io_uring_rsrc_register} (5.13, 32 bytes). */
  public static final class RsrcRegister {
    private RsrcRegister() {}

    /** {@code sizeof}: also the {@code nr_args} of IORING_REGISTER_FILES2. */
    public static final int SIZE = 32;

    /** {@code __u32 nr}. */
    public static final int NR = 0;

    /** {@code __u32 flags} (IORING_RSRC_REGISTER_SPARSE). */
    public static final int FLAGS = 4;

    /** {@code __aligned_u64 data}. */
    public static final int DATA = 16;

    /** {@code __aligned_u64 tags}. */
    public static final int TAGS = 24;
  }

  /** {@code struct io_uring_file_index_range} (6.0, 16 bytes). */
  public static final class FileIndexRange {
    private FileIndexRange() {}

    /** {@code sizeof}. */
    public static final int SIZE = 16;

    /** {@code __u32 off}. */
    public static final int OFF = 0;

    /** {@code __u32 len}. */
    public static final int LEN = 4;
  }

  /** {@code struct iovec} on LP64 ({@code include/uapi/linux/uio.h}): base and length. */
  public static final class Iovec {
    private Iovec() {}

    /** {@code sizeof(struct iovec)}. */
    public static final int SIZE = 16;

    /** {@code void *iov_base}. */
    public static final int BASE = 0;

    /** {@code size_t iov_len}. */
    public static final int LEN = 8;
  }

  /** {@code struct __kernel_timespec} ({@code include/uapi/linux/time_types.h}, 16 bytes). */
  public static final class Timespec {
    private Timespec() {}

    /** {@code sizeof}. */
    public static final int SIZE = 16;

    /** {@code __kernel_time64_t tv_sec}. */
    public static final int SEC = 0;

    /** {@code long long tv_nsec}. */
    public static final int NSEC = 8;
  }

  /**
   * The {@code struct statx} fields the engine's tests read ({@code include/uapi/linux/stat.h}).
   */
  public static final class Statx {
    private Statx() {}

    /** {@code sizeof(struct statx)}. */
    public static final int SIZE = 256;

    /** {@code __u32 stx_mask}. */
    public static final int MASK = 0;

    /** {@code __u16 stx_mode}. */
    public static final int MODE = 28;

    /** {@code __u64 stx_ino}. */
    public static final int INO = 32;

    /** {@code __u64 stx_size}. */
    public static final int SIZE_FIELD = 40;
  }
}
