package org.jvfs.spi;

import static com.google.common.base.Preconditions.checkNotNull;

import org.jspecify.annotations.Nullable;

/**
 * A node found or made by a backend, with its attributes at that moment and, for a symbolic link,
 * its target.
 *
 * @param node the backend's handle
 * @param attributes the attributes snapshot
 * @param symlinkTarget the link's target if {@code attributes.kind()} is {@link NodeKind#SYMLINK}
 *     and the backend read it with the lookup, else null (the VFS then calls {@link
 *     Backend#readSymlink})
 */
public record NodeInfo(Node node, NodeAttributes attributes, @Nullable String symlinkTarget) {
  /** Checks the components. */
  public NodeInfo {
    checkNotNull(node, "node");
    checkNotNull(attributes, "attributes");
  }

  /** Returns a NodeInfo without a symlink target. */
  public static NodeInfo of(Node node, NodeAttributes attributes) {
    return new NodeInfo(node, attributes, null);
  }

  /** Returns the node's kind. */
  public NodeKind kind() {
    return attributes.kind();
  }
}
