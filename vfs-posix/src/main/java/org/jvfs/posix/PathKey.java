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
}
