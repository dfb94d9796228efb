package org.jvfs.nio;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.NodeAttributes;

/**
 * {@link PosixFileAttributes} over a {@link NodeAttributes} snapshot: owner and group are numeric
 * principals ({@link VfsPrincipals}); permissions are empty if the backend keeps none. Immutable.
 */
final class VfsPosixAttributes implements PosixFileAttributes {
  private final NodeAttributes a;

  VfsPosixAttributes(NodeAttributes a) {
    this.a = a;
  }

  NodeAttributes node() {
    return a;
  }

  @Override
  public UserPrincipal owner() {
    return VfsPrincipals.user(a.uid());
  }

  @Override
  public GroupPrincipal group() {
    return VfsPrincipals.group(a.gid());
  }

  @Override
  public Set<PosixFilePermission> permissions() {
    Set<PosixFilePermission> p = a.permissions();
    return p == null ? Set.of() : Set.copyOf(p);
  }

  @Override
  public FileTime lastModifiedTime() {
    return a.lastModifiedTime();
  }

  @Override
  public FileTime lastAccessTime() {
    return a.lastAccessTime();
  }

  @Override
  public FileTime creationTime() {
    return a.creationTime();
  }

  @Override
  public boolean isRegularFile() {
    return a.isRegularFile();
  }

  @Override
  public boolean isDirectory() {
    return a.isDirectory();
  }

  @Override
  public boolean isSymbolicLink() {
    return a.isSymbolicLink();
  }

  @Override
  public boolean isOther() {
    return a.isOther();
  }

  @Override
  public long size() {
    return a.size();
  }

  @Override
  public @Nullable Object fileKey() {
    return a.fileKey();
  }
}
