package org.jvfs.posix;

import java.util.Arrays;

/**
 * A path below the root as a hash key, compared by content: how the watcher finds a watched
 * directory by its path.
 *
 * @param path the path's bytes (relative, components separated by {@code /}); not copied, never
 *     changed by its holders
 */
record PathKey(byte[] path) {
  @Override
  public boolean equals(Object o) {
    return o instanceof PathKey k && Arrays.equals(k.path, path);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(path);
  }

  @Override
  public String toString() {
    return new String(path, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Returns true if this path is {@code prefix} or lies below it. */
  boolean under(byte[] prefix) {
    if (prefix.length == 0) {
      return true;
    }
    if (path.length < prefix.length
        || !Arrays.equals(path, 0, prefix.length, prefix, 0, prefix.length)) {
      return false;
    }
    return path.length == prefix.length || path[prefix.length] == '/';
  }
}
