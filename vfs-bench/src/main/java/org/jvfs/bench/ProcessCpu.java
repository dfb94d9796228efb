package org.jvfs.bench;

import java.lang.management.ManagementFactory;
import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.Out;
import org.jspecify.annotations.Nullable;

/**
 * The CPU time this process has used, all its threads together (the workload's, the backends' IO
 * threads, the JIT compiler's and the collector's): {@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)}
 * (clock_gettime(2); nanosecond resolution) through JNR-FFI, else the JDK's {@code
 * OperatingSystemMXBean.getProcessCpuTime()}, which on Linux counts in scheduler ticks (10 ms), too
 * coarse for a short round but better than nothing.
 *
 * <p>Thread-safe.
 */
public final class ProcessCpu {
  /** {@code CLOCK_PROCESS_CPUTIME_ID} of {@code <linux/time.h>}. */
  private static final int CLOCK_PROCESS_CPUTIME_ID = 2;

  /** The part of libc used here. */
  public interface LibC {
    /**
     * clock_gettime(2) into a {@code struct timespec} of two 64-bit longs (LP64).
     *
     * @param clock the clock id
     * @param timespec seconds and nanoseconds, written
     * @return 0, or -1 with errno set
     */
    int clock_gettime(int clock, @Out long[] timespec);
  }

  private static final @Nullable LibC LIBC = load();

  private ProcessCpu() {}

  private static @Nullable LibC load() {
    if (!System.getProperty("os.name", "").startsWith("Linux")
        || !"64".equals(System.getProperty("sun.arch.data.model"))) {
      return null;
    }
    try {
      LibC c = LibraryLoader.create(LibC.class).load("c");
      return c.clock_gettime(CLOCK_PROCESS_CPUTIME_ID, new long[2]) == 0 ? c : null;
    } catch (LinkageError | RuntimeException e) {
      return null;
    }
  }

  /** Returns the process's CPU time in nanoseconds, or -1 if it cannot be had. */
  public static long nanos() {
    LibC c = LIBC;
    if (c != null) {
      long[] ts = new long[2];
      if (c.clock_gettime(CLOCK_PROCESS_CPUTIME_ID, ts) == 0) {
        return ts[0] * 1_000_000_000L + ts[1];
      }
    }
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** Returns true if {@link #nanos()} has nanosecond resolution (the clock_gettime path). */
  public static boolean precise() {
    return LIBC != null;
  }
}
