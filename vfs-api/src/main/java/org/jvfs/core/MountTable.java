package org.jvfs.core;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Name;

/**
 * The mounts of a VFS as a trie of path components. The walker keeps its place in the trie beside
 * its place in the tree, so crossing into a mount costs one map lookup per component while the walk
 * is on a mount path and nothing once it has left every mount path. Immutable after the VFS is
 * built.
 */
final class MountTable {

  /** A trie node: the mount at this path, if any, and the deeper mount paths. */
  static final class Node {
    private final Map<Name, Node> children = new HashMap<>();
    private @Nullable Mount mount;

    /** Returns the trie node for {@code name} below this one, or null if no mount lies below. */
    @Nullable Node child(Name name) {
      return children.isEmpty() ? null : children.get(name);
    }

    /** Returns the mount at this trie node, or null. */
    @Nullable Mount mount() {
      return mount;
    }
  }

  private final Node top = new Node();

  /** Returns the trie node of the root path. */
  Node top() {
    return top;
  }

  /** Returns the mount at the root path. */
  Mount rootMount() {
    return java.util.Objects.requireNonNull(top.mount, "no root mount");
  }

  /** Adds a mount; only while the VFS is being built. */
  void add(java.util.List<Name> path, Mount mount) {
    Node n = top;
    for (Name name : path) {
      n = n.children.computeIfAbsent(name, k -> new Node());
    }
    if (n.mount != null) {
      throw new IllegalArgumentException("a backend is already mounted at " + mount.path);
    }
    n.mount = mount;
  }

  /** Returns every mount, the root mount first. */
  java.util.List<Mount> all() {
    java.util.List<Mount> out = new java.util.ArrayList<>();
    collect(top, out);
    return out;
  }

  private static void collect(Node n, java.util.List<Mount> out) {
    if (n.mount != null) {
      out.add(n.mount);
    }
    for (Node c : n.children.values()) {
      collect(c, out);
    }
  }
}
