package org.jvfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code jvfs} launcher script itself, run as a user runs it: from another directory, on the
 * test JVM's JDK. It runs in the build's {@code launcher} execution, after {@code package} made
 * {@code jvfs.jar}; {@code JVFS_NO_BUILD} keeps the launcher from starting a Maven build of its own
 * inside this one (it fails instead, naming the stale jar).
 */
class LauncherTest {
  @TempDir static Path cwd;

  private static Path launcher;

  @BeforeAll
  static void paths() {
    launcher = Path.of(System.getProperty("jvfs.launcher", "../jvfs")).toAbsolutePath().normalize();
    assertThat(launcher).isExecutable();
    assertThat(Path.of(System.getProperty("jvfs.jar", "target/jvfs.jar"))).isRegularFile();
  }

  private record Ran(int code, String out, String err) {}

  private static Ran jvfs(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("JVFS_NO_BUILD", "1");
    pb.environment().remove("JVFS_JAVA_OPTS");
    Path out = Files.createTempFile(cwd, "out", ".txt");
    Path err = Files.createTempFile(cwd, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("jvfs %s finished", List.of(args)).isTrue();
    return new Ran(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void doctor_fromAnotherDirectory_noBuildNoWarnings() throws Exception {
    Ran r = jvfs("doctor");
    assertThat(r.code()).as(r.err()).isZero();
    // Nothing on stderr: no build line, and no native-access warnings on JDK 22+.
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("kernel: ", "jdk: " + System.getProperty("java.version"), "io_uring: ")
        .contains("openat2: ", "RESOLVE_CACHED: ", "inotify: ")
        .contains("aio backend: ", "auto: ");
    if (Runtime.version().feature() >= 22) {
      assertThat(r.out()).contains("native access: granted");
    }
  }

  @Test
  void doctor_withTheDisableSwitch_showsTheFallback() throws Exception {
    Ran r = jvfs("-Djvfs.aio.disable=true", "doctor");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("io_uring: unavailable: disabled by system property jvfs.aio.disable=true")
        .containsPattern("    OPENAT2 +off: io_uring is unavailable \\(above\\)")
        .contains(
            "aio backend: runs on the posix code: io_uring unavailable: disabled by system"
                + " property jvfs.aio.disable=true")
        .contains("auto: posix: io_uring is unavailable: disabled by system property");
  }

  @Test
  void badInput_oneLineAndTheExitCode() throws Exception {
    Ran r = jvfs("frobnicate");
    assertThat(r.code()).isEqualTo(Jvfs.USAGE);
    assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("jvfs: unknown command");
    Ran missing = jvfs("tree", "posix:" + cwd.resolve("nope"));
    assertThat(missing.code()).isEqualTo(Jvfs.FAILED);
    assertThat(missing.err())
        .isEqualTo("jvfs: posix:" + cwd.resolve("nope") + ": no such directory\n");
  }

  @Test
  void tree_ofARelativeDirectory_fromTheCurrentDirectory() throws Exception {
    Files.createDirectories(cwd.resolve("t/a"));
    Files.writeString(cwd.resolve("t/a/f"), "x");
    Ran r = jvfs("tree", "posix:t");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("/\n└── a\n    └── f\n\n1 directory, 1 file\n");
  }
}
