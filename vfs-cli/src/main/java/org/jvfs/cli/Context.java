package org.jvfs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What the commands write to and open through: stdout, stderr, whether stderr is a terminal (a
 * progress bar, else progress lines), how a mount spec becomes a VFS, and how a bench {@code --dir}
 * becomes a path. {@link Jvfs#main} makes the real one; tests make others.
 *
 * @param out where results go
 * @param err where progress, warnings and errors go
 * @param interactive true if {@code err} is a terminal that can redraw a progress bar
 * @param mounts opens mount specs
 * @param benchDir turns the bench's {@code --dir} into the tree's path
 */
record Context(
    PrintStream out,
    PrintStream err,
    boolean interactive,
    Mounts mounts,
    UnaryOperator<Path> benchDir) {

  /** Returns a context over these streams with the real mounts and no progress bar. */
  static Context of(PrintStream out, PrintStream err) {
    return new Context(out, err, false, new Mounts(), UnaryOperator.identity());
  }
}
