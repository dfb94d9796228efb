package org.jvfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a whole: help, and every kind of bad input giving one line on stderr and a
 * non-zero exit, never a stack trace.
 */
class JvfsTest {
  @TempDir Path tmp;

  /** Asserts one line on stderr, exactly, and the exit code; nothing on stdout. */
  private static void oneLine(CliRun run, int code, String line) {
    assertThat(run.errLines()).as(run.err()).containsExactly(line);
    assertThat(run.code()).as(run.err()).isEqualTo(code);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void help_listsEveryCommandAndTheMountSpecs() {
    CliRun run = CliRun.of("--help");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("doctor", "bench", "ls", "stat", "cat", "tree", "find", "du")
        .contains("memory", "posix:DIR", "aio:DIR", "auto:DIR")
        .contains("Exit codes: 0 done, 1 could not be done, 2 bad command line.");
  }

  @Test
  void noCommand_isAUsageError() {
    oneLine(CliRun.of(), Jvfs.USAGE, "jvfs: missing command (jvfs --help)");
  }

  @Test
  void unknownCommand_namesItAndTheCommands() {
    oneLine(
        CliRun.of("frobnicate"),
        Jvfs.USAGE,
        "jvfs: unknown command 'frobnicate'; commands: doctor, bench, ls, stat, cat, tree, find,"
            + " du (jvfs --help)");
  }

  @Test
  void unknownOption_namesIt() {
    oneLine(CliRun.of("--fast"), Jvfs.USAGE, "jvfs: unknown option '--fast' (jvfs --help)");
    oneLine(
        CliRun.of("ls", "memory", "--colour"),
        Jvfs.USAGE,
        "jvfs ls: unknown option '--colour' (jvfs ls --help)");
  }

  @Test
  void unknownMountSpec_namesItAndTheAcceptedForms() {
    oneLine(
        CliRun.of("ls", "ftp:/x"),
        Jvfs.USAGE,
        "jvfs ls: invalid value for positional parameter at index 0 (MOUNT): unknown mount spec"
            + " 'ftp:/x'; accepted: memory, posix:DIR, aio:DIR or auto:DIR (jvfs ls --help)");
    oneLine(
        CliRun.of("tree", "posix:"),
        Jvfs.USAGE,
        "jvfs tree: invalid value for positional parameter at index 0 (MOUNT): mount spec"
            + " 'posix:' names no directory; accepted: memory, posix:DIR, aio:DIR or auto:DIR"
            + " (jvfs tree --help)");
  }

  @Test
  void missingMount_isAUsageError() {
    oneLine(
        CliRun.of("ls"),
        Jvfs.USAGE,
        "jvfs ls: missing required parameter: 'MOUNT' (jvfs ls --help)");
  }

  @Test
  void missingDirectory_oneLine() {
    Path missing = tmp.resolve("nope");
    oneLine(
        CliRun.of("ls", "posix:" + missing),
        Jvfs.FAILED,
        "jvfs: posix:" + missing + ": no such directory");
    oneLine(
        CliRun.of("tree", "auto:" + missing),
        Jvfs.FAILED,
        "jvfs: auto:" + missing + ": no such directory");
  }

  @Test
  void aFileForADirectory_oneLine() throws IOException {
    Path file = Files.createFile(tmp.resolve("f"));
    oneLine(
        CliRun.of("du", "posix:" + file), Jvfs.FAILED, "jvfs: posix:" + file + ": not a directory");
  }

  @Test
  void unreadableDirectory_oneLine() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("closed"));
    dir.toFile().setReadable(false, false);
    dir.toFile().setExecutable(false, false);
    try {
      CliRun run = CliRun.of("ls", "posix:" + dir);
      if (Files.isReadable(dir)) {
        // root reads any directory: the check cannot fail here, but the run must still be clean
        assertThat(run.code()).isZero();
      } else {
        oneLine(
            run,
            Jvfs.FAILED,
            "jvfs: posix:" + dir + ": directory not readable (permission denied)");
      }
    } finally {
      dir.toFile().setReadable(true, false);
      dir.toFile().setExecutable(true, false);
    }
  }

  @Test
  void aioSpec_listsAsPosixDoes() throws Exception {
    java.nio.file.Files.writeString(tmp.resolve("one.txt"), "1");
    CliRun aio = CliRun.of("ls", "aio:" + tmp);
    CliRun posix = CliRun.of("ls", "posix:" + tmp);
    assertThat(aio.code()).as(aio.err()).isEqualTo(Jvfs.OK);
    assertThat(aio.out()).isEqualTo(posix.out()).contains("one.txt");
  }

  @Test
  void missingPathInTheMount_oneLine() {
    oneLine(
        CliRun.of("stat", "memory", "/nope"),
        Jvfs.FAILED,
        "jvfs: /nope: no such file or directory");
    oneLine(
        CliRun.of("cat", "posix:" + tmp, "/nope/deeper"),
        Jvfs.FAILED,
        "jvfs: /nope/deeper: no such file or directory");
  }

  @Test
  void catOfADirectory_oneLine() {
    CliRun run = CliRun.of("cat", "memory", "/docs");
    assertThat(run.code()).isEqualTo(Jvfs.FAILED);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("jvfs: /docs: is a directory");
  }

  @Test
  void badOptionValues_oneLine() {
    oneLine(
        CliRun.of("find", "memory", "--type", "x"),
        Jvfs.USAGE,
        "jvfs: find: unknown --type 'x'; accepted: f, d or l");
    oneLine(
        CliRun.of("tree", "memory", "-L", "0"),
        Jvfs.USAGE,
        "jvfs: tree: -L must be at least 1, not 0");
    oneLine(
        CliRun.of("tree", "memory", "-L", "deep"),
        Jvfs.USAGE,
        "jvfs tree: invalid value for option '--depth': 'deep' is not an int (jvfs tree --help)");
  }
}
