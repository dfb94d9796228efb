package org.jvfs.posix;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;

/**
 * A node of the POSIX backend: the file's identity ({@code st_dev}, {@code st_ino}), which alone
 * decides equality, and the physical path from the mount's root that reaches it (no symbolic links,
 * no {@code ..}; empty for the root). Nodes are path-based: after a rename the path is stale, so
 * the backend does not declare {@link org.jvfs.spi.Capability#STABLE_NODES}. Immutable.
 */
final class PosixNode implements Node {
  private static final byte[] EMPTY = new byte[0];

  final long dev;
  final long ino;
  final byte[] path;

  PosixNode(long dev, long ino, byte[] path) {
    this.dev = dev;
    this.ino = ino;
    this.path = path;
  }

  /** Returns true for the mount's root. */
  boolean isRoot() {
    return path.length == 0;
  }

  /** Returns the path of a child named {@code name}. */
  byte[] child(Name name) {
    byte[] n = name.bytes();
    if (path.length == 0) {
      return n;
    }
    byte[] out = Arrays.copyOf(path, path.length + 1 + n.length);
    out[path.length] = '/';
    System.arraycopy(n, 0, out, path.length + 1, n.length);
    return out;
  }

  private int lastSlash() {
    for (int i = path.length - 1; i >= 0; i--) {
      if (path[i] == '/') {
        return i;
      }
    }
    return -1;
  }

  /** Returns the path of the parent directory (empty for a child of the root). */
  byte[] parentPath() {
    int s = lastSlash();
    return s < 0 ? EMPTY : Arrays.copyOf(path, s);
  }

  /** Returns the last component (the root has none: empty). */
  byte[] name() {
    int s = lastSlash();
    return Arrays.copyOfRange(path, s + 1, path.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PosixNode n && n.dev == dev && n.ino == ino;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(dev * 31 + ino);
  }

  @Override
  public String toString() {
    return "PosixNode[/" + new String(path, StandardCharsets.UTF_8) + ", ino=" + ino + "]";
  }
}
