package org.jvfs.spi;

/**
 * A backend's handle on one file, directory or symbolic link: an in-heap inode, a path relative to
 * a root, a file key. The VFS stores nodes in its dentry cache and hands them back to the backend
 * that made them; it never looks inside.
 *
 * <p>Two nodes are {@link Object#equals equal} exactly when they denote the same underlying file
 * (so hard links to one file give equal nodes); the VFS keys its attribute cache on this. A node
 * must stay usable after its file is renamed if the backend declares {@link
 * Capability#STABLE_NODES}; otherwise the VFS drops cached descendants of a renamed directory.
 * Implementations are thread-safe, and their {@code equals} and {@code hashCode} never change.
 */
public interface Node {}
