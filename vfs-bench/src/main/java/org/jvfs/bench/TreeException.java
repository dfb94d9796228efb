package org.jvfs.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The workload tree could not be made or used; the message is one line naming the tree, the path
 * that failed and why ({@link Problems#reason}), such as {@code "cannot make the tree in /mnt/t:
 * /mnt/t/d003/f0042: no space left on device"}.
 */
public final class TreeException extends IOException {
  private final Path root;

  /**
   * Makes one.
   *
   * @param root the tree's directory
   * @param message what went wrong, the whole line
   * @param cause the underlying failure, or null
   */
  TreeException(Path root, String message, @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
    this.root = root;
  }

  /** Returns the tree's directory. */
  public Path root() {
    return root;
  }
}
