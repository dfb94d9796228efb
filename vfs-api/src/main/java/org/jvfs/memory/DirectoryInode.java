package org.jvfs.memory;

import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Name;
import org.jvfs.spi.NodeKind;

/**
 * A directory: its entries, its parent, and whether it was removed.
 *
 * <p>Thread safety: all state here is guarded by the backend's tree lock (read lock to look, write
 * lock to change); callers hold it. Its link count follows POSIX: 2 (its entry in the parent and
 * its own {@code .}) plus one per subdirectory (their {@code ..}), and 0 once removed.
 */
final class DirectoryInode extends Inode {
  /** The size reported for a directory, as ext4 reports for a small one. */
  static final long SIZE = 4096;

  private final Map<Name, Inode> entries = new HashMap<>();
  private DirectoryInode parent;
  private int subdirectories;
  private boolean removed;

  /** Makes a directory in {@code parent}, or the root if {@code parent} is null. */
  DirectoryInode(
      Store store, Set<PosixFilePermission> permissions, @Nullable DirectoryInode parent) {
    super(store, permissions);
    this.parent = parent == null ? this : parent;
  }

  @Override
  NodeKind kind() {
    return NodeKind.DIRECTORY;
  }

  @Override
  long size() {
    return SIZE;
  }

  @Override
  int linkCount() {
    return removed ? 0 : 2 + subdirectories;
  }

  /** Returns the entry {@code name}, or null. */
  @Nullable Inode get(Name name) {
    return entries.get(name);
  }

  /** Returns true if the directory has no entries. */
  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Returns true once the directory was removed from its parent (rmdir or replaced by rename). */
  boolean isRemoved() {
    return removed;
  }

  /** Marks the directory removed; it must be empty. */
  void markRemoved() {
    removed = true;
    touchChanged();
  }

  /** Returns the parent directory; the root's parent is itself. */
  DirectoryInode parent() {
    return parent;
  }

  /** Returns true if this directory is {@code dir} or lies beneath it. */
  boolean isWithin(DirectoryInode dir) {
    DirectoryInode d = this;
    while (true) {
      if (d == dir) {
        return true;
      }
      if (d.parent == d) {
        return false;
      }
      d = d.parent;
    }
  }

  /** Adds an entry (the name must be free); a directory entry gets this as its parent. */
  void put(Name name, Inode inode) {
    entries.put(name, inode);
    if (inode instanceof DirectoryInode) {
      ((DirectoryInode) inode).parent = this;
      subdirectories++;
    }
  }

  /** Removes the entry {@code name}, which must exist, and returns it. */
  Inode detach(Name name) {
    Inode inode = entries.remove(name);
    if (inode == null) {
      throw new IllegalStateException("no entry " + name);
    }
    if (inode instanceof DirectoryInode) {
      subdirectories--;
    }
    return inode;
  }

  /** Returns the entries, in no particular order. */
  List<DirEntry> list() {
    List<DirEntry> list = new ArrayList<>(entries.size());
    entries.forEach((name, inode) -> list.add(new DirEntry(name, inode.kind())));
    return list;
  }
}
