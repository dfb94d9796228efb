package org.jvfs.bench;

/** A command line the runner cannot accept; its message says what is wrong. */
public final class UsageException extends Exception {
  /**
   * Makes one.
   *
   * @param message what is wrong with the command line
   */
  public UsageException(String message) {
    super(message);
  }
}
