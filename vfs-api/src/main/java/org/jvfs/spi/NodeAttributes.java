package org.jvfs.spi;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.MoreObjects;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of a node's attributes, as a backend reported them at one moment.
 *
 * <p>It implements {@link BasicFileAttributes}; the POSIX parts ({@link #permissions()}, {@link
 * #uid()}, {@link #gid()}, {@link #linkCount()}) are present where the backend has them. Build one
 * with {@link #builder(NodeKind)}. Thread-safe.
 */
public final class NodeAttributes implements BasicFileAttributes {
  private static final FileTime EPOCH = FileTime.fromMillis(0);

  private final NodeKind kind;
  private final long size;
  private final FileTime lastModifiedTime;
  private final FileTime lastAccessTime;
  private final FileTime creationTime;
  private final FileTime changeTime;
  private final @Nullable Object fileKey;
  private final @Nullable Set<PosixFilePermission> permissions;
  private final int uid;
  private final int gid;
  private final int linkCount;

  private NodeAttributes(Builder b) {
    this.kind = b.kind;
    this.size = b.size;
    this.lastModifiedTime = b.lastModifiedTime;
    this.lastAccessTime = b.lastAccessTime == null ? b.lastModifiedTime : b.lastAccessTime;
    this.creationTime = b.creationTime == null ? b.lastModifiedTime : b.creationTime;
    this.changeTime = b.changeTime == null ? b.lastModifiedTime : b.changeTime;
    this.fileKey = b.fileKey;
    this.permissions =
        b.permissions == null
            ? null
            : java.util.Collections.unmodifiableSet(EnumSet.copyOf(b.permissions));
    this.uid = b.uid;
    this.gid = b.gid;
    this.linkCount = b.linkCount;
  }

  /**
   * Returns a builder for attributes of the given kind, with size 0, all times at the epoch, and no
   * permissions.
   *
   * @throws NullPointerException if {@code kind} is null
   */
  public static Builder builder(NodeKind kind) {
    return new Builder(checkNotNull(kind, "kind"));
  }

  /** Returns a builder that starts from this snapshot's values. */
  public Builder toBuilder() {
    Builder b = new Builder(kind);
    b.size = size;
    b.lastModifiedTime = lastModifiedTime;
    b.lastAccessTime = lastAccessTime;
    b.creationTime = creationTime;
    b.changeTime = changeTime;
    b.fileKey = fileKey;
    b.permissions = permissions;
    b.uid = uid;
    b.gid = gid;
    b.linkCount = linkCount;
    return b;
  }

  /** Returns the node's kind. */
  public NodeKind kind() {
    return kind;
  }

  @Override
  public FileTime lastModifiedTime() {
    return lastModifiedTime;
  }

  @Override
  public FileTime lastAccessTime() {
    return lastAccessTime;
  }

  @Override
  public FileTime creationTime() {
    return creationTime;
  }

  /** Returns the time of the last status change ({@code st_ctime}). */
  public FileTime changeTime() {
    return changeTime;
  }

  @Override
  public boolean isRegularFile() {
    return kind == NodeKind.FILE;
  }

  @Override
  public boolean isDirectory() {
    return kind == NodeKind.DIRECTORY;
  }

  @Override
  public boolean isSymbolicLink() {
    return kind == NodeKind.SYMLINK;
  }

  @Override
  public boolean isOther() {
    return kind == NodeKind.OTHER;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public @Nullable Object fileKey() {
    return fileKey;
  }

  /**
   * Returns the POSIX permissions, or null if the backend does not keep them.
   *
   * @return an unmodifiable set, or null
   */
  public @Nullable Set<PosixFilePermission> permissions() {
    return permissions;
  }

  /** Returns the owner's user id, or -1 if the backend does not keep owners. */
  public int uid() {
    return uid;
  }

  /** Returns the owner's group id, or -1 if the backend does not keep owners. */
  public int gid() {
    return gid;
  }

  /** Returns the number of hard links, or 1 where the backend does not count them. */
  public int linkCount() {
    return linkCount;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof NodeAttributes)) {
      return false;
    }
    NodeAttributes a = (NodeAttributes) o;
    return kind == a.kind
        && size == a.size
        && lastModifiedTime.equals(a.lastModifiedTime)
        && lastAccessTime.equals(a.lastAccessTime)
        && creationTime.equals(a.creationTime)
        && changeTime.equals(a.changeTime)
        && java.util.Objects.equals(fileKey, a.fileKey)
        && java.util.Objects.equals(permissions, a.permissions)
        && uid == a.uid
        && gid == a.gid
        && linkCount == a.linkCount;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(kind, size, lastModifiedTime, fileKey, linkCount);
  }

  @Override
  public String toString() {
    return MoreObjects.toStringHelper(this)
        .omitNullValues()
        .add("kind", kind)
        .add("size", size)
        .add("mtime", lastModifiedTime)
        .add("fileKey", fileKey)
        .add("permissions", permissions)
        .add("links", linkCount)
        .toString();
  }

  /** Builds {@link NodeAttributes}. Not thread-safe. */
  public static final class Builder {
    private final NodeKind kind;
    private long size;
    private FileTime lastModifiedTime = EPOCH;
    private @Nullable FileTime lastAccessTime;
    private @Nullable FileTime creationTime;
    private @Nullable FileTime changeTime;
    private @Nullable Object fileKey;
    private @Nullable Set<PosixFilePermission> permissions;
    private int uid = -1;
    private int gid = -1;
    private int linkCount = 1;

    private Builder(NodeKind kind) {
      this.kind = kind;
    }

    /**
     * Sets the size in bytes.
     *
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public Builder size(long size) {
      checkArgument(size >= 0, "size (%s) must not be negative", size);
      this.size = size;
      return this;
    }

    /** Sets the last-modified time; the other times default to it. */
    public Builder lastModifiedTime(FileTime t) {
      this.lastModifiedTime = checkNotNull(t, "lastModifiedTime");
      return this;
    }

    /** Sets the last-access time. */
    public Builder lastAccessTime(FileTime t) {
      this.lastAccessTime = checkNotNull(t, "lastAccessTime");
      return this;
    }

    /** Sets the creation time. */
    public Builder creationTime(FileTime t) {
      this.creationTime = checkNotNull(t, "creationTime");
      return this;
    }

    /** Sets the status-change time. */
    public Builder changeTime(FileTime t) {
      this.changeTime = checkNotNull(t, "changeTime");
      return this;
    }

    /** Sets the file key (see {@link BasicFileAttributes#fileKey()}); may be null. */
    public Builder fileKey(@Nullable Object key) {
      this.fileKey = key;
      return this;
    }

    /** Sets the POSIX permissions; null means the backend keeps none. */
    public Builder permissions(@Nullable Set<PosixFilePermission> perms) {
      this.permissions = perms;
      return this;
    }

    /** Sets the owner's user and group ids. */
    public Builder owner(int uid, int gid) {
      this.uid = uid;
      this.gid = gid;
      return this;
    }

    /**
     * Sets the hard-link count.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Builder linkCount(int n) {
      checkArgument(n >= 0, "linkCount (%s) must not be negative", n);
      this.linkCount = n;
      return this;
    }

    /** Returns the snapshot. */
    public NodeAttributes build() {
      return new NodeAttributes(this);
    }
  }
}
