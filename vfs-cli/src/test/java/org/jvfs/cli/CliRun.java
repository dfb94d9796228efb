package org.jvfs.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One in-process run of the jvfs command: its exit code, stdout and stderr.
 *
 * @param code the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CliRun(int code, String out, String err) {

  /** Runs the command with the real mounts. */
  static CliRun of(String... args) {
    return with(new Mounts(), UnaryOperator.identity(), false, args);
  }

  /** Runs the command with these mounts and bench directory mapping. */
  static CliRun with(Mounts mounts, UnaryOperator<Path> benchDir, boolean bar, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code = Jvfs.run(new Context(o, e, bar, mounts, benchDir), args);
    o.flush();
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Returns stdout's lines. */
  List<String> outLines() {
    return out.lines().toList();
  }

  /** Returns stderr's lines. */
  List<String> errLines() {
    return err.lines().toList();
  }
}
