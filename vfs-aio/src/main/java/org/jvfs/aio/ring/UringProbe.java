package org.jvfs.aio.ring;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.aio.ffi.UringLayout;
import org.jvfs.aio.ffi.UringNative;

/**
 * Whether io_uring can be used in this process, and what it offers: run once per process ({@link
 * #get()}), as netty's {@code IoUring.isAvailable()} / {@code unavailabilityCause()}.
 *
 * <p>The probe sets up a small ring (io_uring_setup: EPERM where a seccomp filter, such as the
 * default profiles of Docker and containerd, or {@code kernel.io_uring_disabled} forbids it; ENOSYS
 * where the kernel lacks it), reads the features word, asks the kernel which opcodes it supports
 * (IORING_REGISTER_PROBE, 5.6), and makes NOP round trips. io_uring is <em>available</em> when all
 * of that works and the opcodes every backend path needs are supported ({@link #REQUIRED_OPS});
 * other engine opcodes the kernel lacks are listed in {@link #missingOps()} and fall back per
 * operation.
 *
 * <p>The system property {@value #DISABLE_PROPERTY}{@code =true} forces the verdict "unavailable:
 * disabled by system property jvfs.aio.disable=true" without touching the kernel, so that CI can
 * cover the fallback path.
 *
 * <p>Immutable and thread-safe.
 */
public final class UringProbe {
  /** The switch that forces the verdict to unavailable. */
  public static final String DISABLE_PROPERTY = "jvfs.aio.disable";

  /** The opcodes without which io_uring is reported unavailable. */
  public static final int[] REQUIRED_OPS = {
    IoUring.OP_NOP,
    IoUring.OP_OPENAT2,
    IoUring.OP_READ,
    IoUring.OP_WRITE,
    IoUring.OP_CLOSE,
    IoUring.OP_ASYNC_CANCEL
  };

  private static final int NOP_ROUNDS = 2000;

  private static final class Holder {
    static final UringProbe INSTANCE =
        run(
            Boolean.getBoolean(DISABLE_PROPERTY)
                ? "system property " + DISABLE_PROPERTY + "=true"
                : null);
  }

  private final boolean available;
  private final @Nullable String reason;
  private final @Nullable Throwable cause;
  private final int features;
  private final int lastOp;
  private final BitSet supported;
  private final long nopNanos;

  private UringProbe(
      boolean available,
      @Nullable String reason,
      @Nullable Throwable cause,
      int features,
      int lastOp,
      BitSet supported,
      long nopNanos) {
    this.available = available;
    this.reason = reason;
    this.cause = cause;
    this.features = features;
    this.lastOp = lastOp;
    this.supported = supported;
    this.nopNanos = nopNanos;
  }

  /** Returns this process's probe, running it on first use. */
  public static UringProbe get() {
    return Holder.INSTANCE;
  }

  /**
   * Runs the probe now (not cached).
   *
   * @param disabledBy what disables io_uring (the verdict is then unavailable without probing), or
   *     null
   */
  static UringProbe run(@Nullable String disabledBy) {
    BitSet none = new BitSet();
    if (disabledBy != null) {
      return unavailable("disabled by " + disabledBy, null, 0, -1, none);
    }
    UringNative nat;
    try {
      nat = UringNative.get();
    } catch (LinkageError | RuntimeException e) {
      return unavailable("the native binding could not be loaded: " + e, e, 0, -1, none);
    }
    try (Ring ring =
        Ring.open(RingConfig.builder().entries(8).reaper(false).name("probe").build())) {
      int features = ring.features();
      ByteBuffer p =
          ByteBuffer.allocateDirect(
                  UringLayout.Probe.SIZE + UringLayout.Probe.MAX_OPS * UringLayout.Probe.OP_SIZE)
              .order(ByteOrder.nativeOrder());
      int r =
          nat.ioUringRegister(
              ring.fd(), IoUring.IORING_REGISTER_PROBE, nat.address(p), UringLayout.Probe.MAX_OPS);
      if (r < 0) {
        return unavailable(
            "IORING_REGISTER_PROBE failed: " + UringException.describe(-r) + " (kernel < 5.6)",
            new UringException("io_uring_register(PROBE)", -r),
            features,
            -1,
            none);
      }
      int lastOp = Byte.toUnsignedInt(p.get(UringLayout.Probe.LAST_OP));
      int opsLen = Byte.toUnsignedInt(p.get(UringLayout.Probe.OPS_LEN));
      BitSet supported = new BitSet();
      for (int i = 0; i < opsLen; i++) {
        int at = UringLayout.Probe.OPS + i * UringLayout.Probe.OP_SIZE;
        int flags = Short.toUnsignedInt(p.getShort(at + UringLayout.Probe.OP_FLAGS));
        if ((flags & IoUring.IO_URING_OP_SUPPORTED) != 0) {
          supported.set(Byte.toUnsignedInt(p.get(at + UringLayout.Probe.OP_OP)));
        }
      }
      for (int op : REQUIRED_OPS) {
        if (!supported.get(op)) {
          return unavailable(
              "the kernel lacks IORING_OP_" + IoUring.opName(op),
              null,
              features,
              lastOp,
              supported);
        }
      }
      long nopNanos = nopRoundTrip(ring);
      if (nopNanos < 0) {
        return unavailable(
            "a NOP round trip failed with " + UringException.describe((int) -nopNanos),
            null,
            features,
            lastOp,
            supported);
      }
      return new UringProbe(true, null, null, features, lastOp, supported, nopNanos);
    } catch (UringException e) {
      return unavailable(setupReason(e), e, 0, -1, none);
    } catch (RuntimeException | LinkageError e) {
      return unavailable("the probe failed: " + e, e, 0, -1, none);
    }
  }

  /** Submits and awaits NOPs on a reaper-less ring; returns the median ns, or -errno. */
  private static long nopRoundTrip(Ring ring) {
    long[] t = new long[NOP_ROUNDS];
    for (int i = 0; i < NOP_ROUNDS; i++) {
      long start = System.nanoTime();
      OpFuture f = ring.submit(Sqe::nop);
      int res = ring.await(f);
      t[i] = System.nanoTime() - start;
      if (res != 0) {
        return res < 0 ? res : -5;
      }
    }
    java.util.Arrays.sort(t, NOP_ROUNDS / 2, NOP_ROUNDS); // the second half, after warm-up
    return t[NOP_ROUNDS / 2 + NOP_ROUNDS / 4];
  }

  private static String setupReason(UringException e) {
    String what = e.call() + " failed with " + UringException.describe(e.errno());
    return switch (e.errno()) {
      case 1 -> what + ": forbidden by a seccomp filter or kernel.io_uring_disabled" + sysctl();
      case 38 -> what + ": the kernel has no io_uring";
      case 12 -> what + ": out of memory (or RLIMIT_MEMLOCK on kernels before 5.12)";
      default -> what;
    };
  }

  private static String sysctl() {
    try {
      String v = Files.readString(Path.of("/proc/sys/kernel/io_uring_disabled")).trim();
      return " (kernel.io_uring_disabled = " + v + ")";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static UringProbe unavailable(
      String reason, @Nullable Throwable cause, int features, int lastOp, BitSet supported) {
    return new UringProbe(false, reason, cause, features, lastOp, supported, -1);
  }

  /** True if the engine can run here. */
  public boolean isAvailable() {
    return available;
  }

  /** Returns why io_uring is unavailable, or null if it is available. */
  public @Nullable String unavailabilityReason() {
    return reason;
  }

  /** Returns the exception behind {@link #unavailabilityReason()}, if there was one. */
  public @Nullable Throwable unavailabilityCause() {
    return cause;
  }

  /** Returns the features word of io_uring_params (0 if no ring could be set up). */
  public int features() {
    return features;
  }

  /** Returns the kernel's last opcode (IORING_REGISTER_PROBE's last_op), or -1. */
  public int lastOp() {
    return lastOp;
  }

  /** True if the kernel supports opcode {@code op}. */
  public boolean supports(int op) {
    return supported.get(op);
  }

  /** Returns the names of the engine's opcodes this kernel lacks (they fall back per operation). */
  public List<String> missingOps() {
    List<String> out = new ArrayList<>();
    for (int op : IoUring.ENGINE_OPS) {
      if (!supported.get(op)) {
        out.add(IoUring.opName(op));
      }
    }
    return out;
  }

  /** Returns the median NOP submit-and-reap round trip in ns, or -1 if not measured. */
  public long nopRoundTripNanos() {
    return nopNanos;
  }

  /** A one-line verdict: "available" or "unavailable: reason". */
  public String verdict() {
    return available ? "available" : "unavailable: " + reason;
  }

  /** A few lines a CLI can print ({@code jvfs doctor}). */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append("io_uring: ").append(verdict()).append('\n');
    b.append("  kernel: ")
        .append(System.getProperty("os.name", "?"))
        .append(' ')
        .append(System.getProperty("os.version", "?"))
        .append(' ')
        .append(System.getProperty("os.arch", "?").toLowerCase(Locale.ROOT))
        .append('\n');
    if (features != 0) {
      b.append(
          String.format(
              Locale.ROOT, "  features: 0x%x %s%n", features, IoUring.featureNames(features)));
    }
    if (lastOp >= 0) {
      List<String> have = new ArrayList<>();
      for (int op : IoUring.ENGINE_OPS) {
        if (supported.get(op)) {
          have.add(IoUring.opName(op));
        }
      }
      b.append("  opcodes: last_op ")
          .append(lastOp)
          .append("; engine ops supported: ")
          .append(String.join(" ", have))
          .append('\n');
      List<String> missing = missingOps();
      b.append("  missing (per-operation fallback): ")
          .append(missing.isEmpty() ? "none" : String.join(" ", missing))
          .append('\n');
    }
    if (nopNanos >= 0) {
      b.append("  NOP round trip (submit + reap on one thread, median of the probe's own, in a JVM")
          .append(" not yet warmed up): ")
          .append(nopNanos)
          .append(" ns\n");
    }
    b.append("  switch: -D").append(DISABLE_PROPERTY).append("=true forces the fallback");
    return b.toString();
  }

  @Override
  public String toString() {
    return "UringProbe[" + verdict() + "]";
  }
}
