package org.jvfs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jvfs.aio.backend.AioOptions;
import org.jvfs.aio.backend.Route;
import org.jvfs.aio.backend.UringBackend;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.aio.ring.UringProbe;
import org.jvfs.bench.Problems;
import org.jvfs.posix.PosixBackend;
import org.jvfs.posix.PosixOptions;
import org.jvfs.posix.ResolveMode;
import org.jvfs.spi.Capability;
import picocli.CommandLine.Command;

/**
 * {@code jvfs doctor}: what this machine and JDK offer jvfs, and why anything is off: the kernel,
 * the JDK and its native access, io_uring (features and each opcode the engine uses), openat2 and
 * RESOLVE_CACHED as the posix backend found them, the inotify limits, and which backend {@code
 * auto} picks.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Show what this machine and JDK offer jvfs, and why anything is off.",
      "Run with -Djvfs.aio.disable=true (jvfs -Djvfs.aio.disable=true doctor) to see the fallback."
    })
final class DoctorCommand implements Callable<Integer> {
  private final Context context;

  DoctorCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintStream out = context.out();
    out.println(
        "kernel: "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    out.println(
        "jdk: "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ", "
            + System.getProperty("java.vm.name")
            + ") at "
            + System.getProperty("java.home"));
    out.println("native access: " + nativeAccess());
    io(out);
    posix(out);
    aio(out);
    out.println("inotify: " + inotify());
    BackendChoice auto = BackendChoice.auto();
    out.println("auto: " + auto.backend() + ": " + auto.reason());
    out.flush();
    return Jvfs.OK;
  }

  /** Says whether jffi's native calls run without JDK 22+'s restricted-method warnings. */
  static String nativeAccess() {
    int feature = Runtime.version().feature();
    if (feature < 22) {
      return "nothing to grant on JDK "
          + feature
          + " (JDK 22 and later ask for --enable-native-access=ALL-UNNAMED)";
    }
    Boolean enabled = null;
    try {
      Object granted =
          Module.class.getMethod("isNativeAccessEnabled").invoke(DoctorCommand.class.getModule());
      enabled = (Boolean) granted;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // unknown
    }
    if (enabled == null) {
      return "unknown on JDK " + feature;
    }
    return enabled
        ? "granted (--enable-native-access=ALL-UNNAMED, or the jar's Enable-Native-Access)"
        : "not granted: JDK "
            + feature
            + " warns at the first native call; launch with --enable-native-access=ALL-UNNAMED";
  }

  private static void io(PrintStream out) {
    UringProbe probe = UringProbe.get();
    out.println(probe.describe());
    out.println("  opcodes the engine uses:");
    for (int op : IoUring.ENGINE_OPS) {
      String state;
      if (!probe.isAvailable() && probe.lastOp() < 0) {
        state = "off: io_uring is unavailable (above)";
      } else if (probe.supports(op)) {
        state = probe.isAvailable() ? "on" : "supported, but io_uring is " + probe.verdict();
      } else {
        state = "off: this kernel lacks it; the operation falls back to the posix path";
      }
      out.printf("    %-12s %s%n", IoUring.opName(op), state);
    }
  }

  /** Says what an aio backend really uses here: the ring, or the posix code and why. */
  private static void aio(PrintStream out) {
    Path dir;
    try {
      dir = Files.createTempDirectory("jvfs-doctor-");
    } catch (IOException e) {
      out.println(
          "aio backend: not tried: cannot make a temporary directory: " + Problems.reason(e));
      return;
    }
    try (UringBackend b =
        UringBackend.open(
            AioOptions.of(PosixOptions.builder(dir).ioThreads(1).watch(false).build()))) {
      out.println(
          "aio backend: "
              + (b.usesRing()
                  ? "uses io_uring"
                  : "runs on the posix code: " + b.unavailabilityCause()));
      for (Route r : b.routes()) {
        out.println("  " + r);
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      out.println("aio backend: unavailable: " + Problems.reason(e));
    } finally {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        // a temporary directory left behind is harmless
      }
    }
  }

  private static void posix(PrintStream out) {
    Path dir;
    try {
      dir = Files.createTempDirectory("jvfs-doctor-");
    } catch (IOException e) {
      out.println(
          "posix backend: not tried: cannot make a temporary directory: " + Problems.reason(e));
      return;
    }
    try (PosixBackend b =
        PosixBackend.open(
            PosixOptions.builder(dir).ioThreads(1).watch(false).probe(true).build())) {
      boolean openat2 = b.resolveMode() == ResolveMode.OPENAT2;
      out.println(
          "openat2: "
              + (openat2
                  ? "yes: the posix backend confines every path with one"
                      + " openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS) (Linux 5.6+)"
                  : "no: the kernel lacks it (before Linux 5.6); the posix backend confines"
                      + " paths by an O_NOFOLLOW walk, one openat per component"));
      // The backend offers the nonblocking probe exactly when the kernel takes RESOLVE_CACHED.
      boolean cached = b.capabilities().contains(Capability.NONBLOCKING_PROBE);
      out.println(
          "RESOLVE_CACHED: "
              + (cached
                  ? "yes: lookups, small whole-file reads and opens of cached paths complete on"
                      + " the caller's thread (Linux 5.12+)"
                  : openat2
                      ? "no: the kernel refuses it (before Linux 5.12); every lookup miss goes to"
                          + " the posix backend's IO threads"
                      : "no: it needs openat2; every lookup miss goes to the posix backend's IO"
                          + " threads"));
    } catch (IOException | RuntimeException | LinkageError e) {
      out.println("posix backend: unavailable: " + Problems.reason(e));
    } finally {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        // a temporary directory left behind is harmless
      }
    }
  }

  /** Returns the inotify limits and what a posix mount uses of them. */
  static String inotify() {
    String watches = procValue("max_user_watches");
    String instances = procValue("max_user_instances");
    int perMount = PosixOptions.builder(Path.of("/")).build().maxWatches();
    String line =
        "max_user_watches "
            + watches
            + ", max_user_instances "
            + instances
            + " (a watching posix mount takes one instance and watches at most "
            + perMount
            + " directories)";
    try {
      if (Long.parseLong(watches) < perMount) {
        line +=
            "; max_user_watches is lower: beyond it the directory watched longest is given up"
                + " and its entries are no longer cached (raise fs.inotify.max_user_watches)";
      }
    } catch (NumberFormatException e) {
      // unknown: nothing to compare
    }
    return line;
  }

  /**
   * Reads a sysctl. In one read of a whole buffer: proc_dointvec answers only a read at offset 0,
   * so {@code Files.readString}, which reads a size-0 file's first byte alone, would see "1" of
   * "192540" (kernel/sysctl.c).
   */
  private static String procValue(String name) {
    try (java.io.BufferedReader r =
        Files.newBufferedReader(Path.of("/proc/sys/fs/inotify", name))) {
      String line = r.readLine();
      return line == null || line.isBlank() ? "unknown" : line.trim();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
