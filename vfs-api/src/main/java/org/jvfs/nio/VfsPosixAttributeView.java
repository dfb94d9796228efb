package org.jvfs.nio;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The {@code posix} view of one path, also serving as the {@code owner} view (then named so).
 * Backends keep numeric owners and the SPI cannot change them: setting the owner or group to the
 * current one succeeds and changes nothing; setting another fails with "Operation not permitted",
 * as {@code chown(2)} does for an unprivileged user. Immutable.
 */
final class VfsPosixAttributeView extends VfsBasicAttributeView implements PosixFileAttributeView {
  private final String name;

  VfsPosixAttributeView(String name, VfsPath path, LinkOption... options) {
    super(path, options);
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public VfsPosixAttributes readAttributes() throws IOException {
    return new VfsPosixAttributes(stat());
  }

  @Override
  public void setPermissions(Set<PosixFilePermission> perms) throws IOException {
    checkNotNull(perms, "perms");
    if (options.length > 0 && stat().isSymbolicLink()) {
      // As the JDK on Linux: a link's own mode cannot be set (its O_NOFOLLOW open fails ELOOP).
      throw new FileSystemException(
          path.toString(),
          null,
          "Too many levels of symbolic links or unable to access attributes of symbolic link");
    }
    VfsIo.join(vfs().setPermissions(abs(), perms));
  }

  @Override
  public void setOwner(UserPrincipal owner) throws IOException {
    checkNotNull(owner, "owner");
    int uid = VfsPrincipals.idOf(owner);
    if (stat().uid() != uid) {
      throw new FileSystemException(path.toString(), null, "Operation not permitted");
    }
  }

  @Override
  public UserPrincipal getOwner() throws IOException {
    return readAttributes().owner();
  }

  @Override
  public void setGroup(GroupPrincipal group) throws IOException {
    checkNotNull(group, "group");
    int gid = VfsPrincipals.idOf(group);
    if (stat().gid() != gid) {
      throw new FileSystemException(path.toString(), null, "Operation not permitted");
    }
  }
}
