package org.jvfs.memory;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeKind;

/**
 * One file, directory or symbolic link of a {@link MemoryBackend}, and the {@link Node} handle the
 * backend gives out for it. Equality is identity: two hard links name one inode, so they give equal
 * nodes, and an inode number is never reused.
 *
 * <p>Thread safety: the metadata here (times, permissions, owner, link count) is guarded by the
 * inode's own monitor, so a write through an open file can update times without the tree lock.
 * Subclasses say what guards their own state.
 */
abstract class Inode implements Node {
  final Store store;
  private final long number;
  private FileTime lastModifiedTime;
  private FileTime lastAccessTime;
  private FileTime changeTime;
  private FileTime birthTime;
  private Set<PosixFilePermission> permissions;
  private final int uid;
  private final int gid;
  private int links;

  Inode(Store store, Set<PosixFilePermission> permissions) {
    this.store = store;
    this.number = store.nextInodeNumber();
    FileTime now = store.now();
    this.birthTime = now;
    this.lastModifiedTime = now;
    this.lastAccessTime = now;
    this.changeTime = now;
    this.permissions = copy(permissions);
    this.uid = store.uid();
    this.gid = store.gid();
  }

  /** Returns the node's kind. */
  abstract NodeKind kind();

  /** Returns the size reported in attributes. */
  abstract long size();

  /** Returns the inode number, which is the attributes' file key. */
  final long number() {
    return number;
  }

  /** Returns the link count the attributes report; directories compute theirs. */
  synchronized int linkCount() {
    return links;
  }

  /** Changes the link count by {@code delta} and marks a status change. */
  final synchronized void addLinks(int delta) {
    links += delta;
    changeTime = store.now();
  }

  /** Marks the data modified: mtime and ctime become now ({@code write(2)}, entry changes). */
  final synchronized void touchModified() {
    FileTime now = store.now();
    lastModifiedTime = now;
    changeTime = now;
  }

  /** Marks a status change: ctime becomes now ({@code chmod(2)}, {@code link(2)}, rename). */
  final synchronized void touchChanged() {
    changeTime = store.now();
  }

  /** Sets the given times, leaving null ones, and marks a status change, as utimensat(2). */
  final synchronized void setTimes(
      @Nullable FileTime modified, @Nullable FileTime access, @Nullable FileTime creation) {
    if (modified != null) {
      lastModifiedTime = modified;
    }
    if (access != null) {
      lastAccessTime = access;
    }
    if (creation != null) {
      birthTime = creation;
    }
    changeTime = store.now();
  }

  /** Replaces the permissions and marks a status change. */
  final synchronized void setPermissions(Set<PosixFilePermission> perms) {
    permissions = copy(perms);
    changeTime = store.now();
  }

  /** Returns a snapshot of the attributes. */
  final NodeAttributes attributes() {
    long size = size();
    int linkCount = linkCount();
    synchronized (this) {
      return NodeAttributes.builder(kind())
          .size(size)
          .lastModifiedTime(lastModifiedTime)
          .lastAccessTime(lastAccessTime)
          .creationTime(birthTime)
          .changeTime(changeTime)
          .fileKey(number)
          .permissions(permissions)
          .owner(uid, gid)
          .linkCount(linkCount)
          .build();
    }
  }

  @Override
  public final String toString() {
    return kind().toString().toLowerCase(Locale.ROOT) + "#" + number;
  }

  private static Set<PosixFilePermission> copy(Set<PosixFilePermission> perms) {
    return perms.isEmpty() ? EnumSet.noneOf(PosixFilePermission.class) : EnumSet.copyOf(perms);
  }
}
