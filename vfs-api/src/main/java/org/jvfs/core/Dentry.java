package org.jvfs.core;

import com.google.common.base.MoreObjects;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeKind;

/**
 * A positive directory entry: a name in a parent directory bound to a backend node. Ids are
 * assigned by the VFS and never reused (inode numbers are), so a child keyed by its parent's id can
 * never be found under a new directory that took the old one's place.
 *
 * <p>Immutable but for its {@link Cached} version and deadline. A directory's {@link DirState} (its
 * monitor) is shared by every dentry value that carries the same id (a renamed directory is
 * re-keyed as a new value with the same id and the same state).
 */
final class Dentry extends Cached {
  final long id;
  final long parentId;
  final @Nullable Name name;
  final Mount mount;
  final Node node;
  final NodeKind kind;
  final @Nullable String symlinkTarget;
  final @Nullable DirState dir;

  Dentry(
      long id,
      long parentId,
      @Nullable Name name,
      Mount mount,
      Node node,
      NodeKind kind,
      @Nullable String symlinkTarget,
      @Nullable DirState dir) {
    this.id = id;
    this.parentId = parentId;
    this.name = name;
    this.mount = mount;
    this.node = node;
    this.kind = kind;
    this.symlinkTarget = symlinkTarget;
    this.dir = dir;
  }

  boolean isDirectory() {
    return kind == NodeKind.DIRECTORY;
  }

  boolean isSymlink() {
    return kind == NodeKind.SYMLINK;
  }

  /** Returns true for a mount's root, which no parent entry owns. */
  boolean isMountRoot() {
    return parentId < 0;
  }

  /** Returns the directory state; only for directories. */
  DirState dirState() {
    if (dir == null) {
      throw new IllegalStateException("not a directory: " + this);
    }
    return dir;
  }

  Dentry withSymlinkTarget(String target) {
    return new Dentry(id, parentId, name, mount, node, kind, target, dir);
  }

  Dentry rekeyed(long newParentId, Name newName) {
    return new Dentry(id, newParentId, newName, mount, node, kind, symlinkTarget, dir);
  }

  DentryKey key() {
    return new DentryKey(parentId, java.util.Objects.requireNonNull(name));
  }

  @Override
  public String toString() {
    return MoreObjects.toStringHelper(this)
        .add("id", id)
        .add("parent", parentId)
        .add("name", name)
        .add("kind", kind)
        .toString();
  }

  /**
   * The part of a directory dentry shared by every value with its id: the monitor under which
   * insertions into the directory and the cache updates of mutations of its children are checked
   * and applied (see {@link DentryCache}); it is never held across IO. What guards an insertion is
   * the name's tick in the dentry cache, not a count of the directory's own.
   */
  static final class DirState {}
}
