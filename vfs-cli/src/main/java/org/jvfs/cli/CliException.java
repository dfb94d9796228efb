package org.jvfs.cli;

/**
 * A problem the user can fix (a missing directory, a backend not available here, a full disk),
 * reported as one line {@code jvfs: MESSAGE} and exit code {@link Jvfs#FAILED}, never with a stack
 * trace.
 */
final class CliException extends Exception {
  private final int exitCode;

  /**
   * Makes one that exits with {@link Jvfs#FAILED}.
   *
   * @param message the whole line after {@code jvfs: }
   */
  CliException(String message) {
    this(message, Jvfs.FAILED);
  }

  /**
   * Makes one.
   *
   * @param message the whole line after {@code jvfs: }
   * @param exitCode the process's exit code
   */
  CliException(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** Returns the exit code. */
  int exitCode() {
    return exitCode;
  }
}
