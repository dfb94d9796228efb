package org.jvfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.aio.ring.UringProbe;

class DoctorCommandTest {
  @Test
  void doctor_reportsEveryField() {
    CliRun run = CliRun.of("doctor");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.outLines();
    assertThat(lines.get(0)).startsWith("kernel: " + System.getProperty("os.name"));
    assertThat(lines)
        .anyMatch(l -> l.startsWith("jdk: " + System.getProperty("java.version") + " ("))
        .anyMatch(l -> l.startsWith("native access: "))
        .anyMatch(l -> l.equals("io_uring: " + UringProbe.get().verdict()))
        .anyMatch(l -> l.startsWith("  switch: -Djvfs.aio.disable=true"))
        .anyMatch(l -> l.matches("openat2: (yes|no): .*"))
        .anyMatch(l -> l.matches("RESOLVE_CACHED: (yes|no): .*"))
        .anyMatch(l -> l.matches("inotify: max_user_watches (\\d+|unknown), max_user_instances .*"))
        .anyMatch(l -> l.matches("aio backend: (uses io_uring|runs on the posix code: .+)"))
        .anyMatch(l -> l.matches("  open: (io_uring|posix) \\(.+\\)"))
        .anyMatch(l -> l.matches("  readFile: (io_uring|posix) \\(.+\\)"))
        .contains("auto: " + BackendChoice.auto().backend() + ": " + BackendChoice.auto().reason());
    assertThat(lines.contains("aio backend: uses io_uring"))
        .isEqualTo(UringProbe.get().isAvailable());
    for (int op : IoUring.ENGINE_OPS) {
      String name = IoUring.opName(op);
      assertThat(lines)
          .as(name)
          .anyMatch(l -> l.matches("    " + name + " +(on|off: .+|supported, but .+)"));
    }
  }

  @Test
  void doctor_onThisKernel_readsTheSysctlWhole() {
    if (java.nio.file.Files.isReadable(
        java.nio.file.Path.of("/proc/sys/fs/inotify/max_user_watches"))) {
      // proc_dointvec answers only a read at offset 0; a value cut to its first digit would
      // show here as a number below 10 on a kernel whose default is 8192 or more.
      assertThat(DoctorCommand.inotify()).matches("max_user_watches \\d{2,}, .*");
    }
  }

  @Test
  void nativeAccess_saysWhatThisJdkNeeds() {
    String line = DoctorCommand.nativeAccess();
    if (Runtime.version().feature() < 22) {
      assertThat(line).startsWith("nothing to grant on JDK");
    } else {
      // The test JVMs of this build are launched with --enable-native-access=ALL-UNNAMED.
      assertThat(line).startsWith("granted");
    }
  }
}
