package org.jvfs.memory;

import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;

/**
 * The namespace changes of a {@link MemoryBackend}: adding, removing, renaming and linking entries,
 * with the checks, link counts and times of the Linux system calls. The checks run in the order the
 * kernel runs them, so a call that breaks two rules gives the error Linux gives.
 *
 * <p>Not thread-safe: callers hold the backend's tree lock for writing.
 */
final class Namespace {

  /**
   * Fails unless {@code name} can be made in {@code dir}.
   *
   * @throws BackendException {@link Errno#EEXIST} if taken, {@link Errno#ENOENT} if {@code dir} was
   *     removed (as Linux says for a deleted working directory)
   */
  void checkFree(DirectoryInode dir, Name name) throws BackendException {
    if (dir.get(name) != null) {
      throw new BackendException(Errno.EEXIST);
    }
    if (dir.isRemoved()) {
      throw new BackendException(Errno.ENOENT);
    }
  }

  /** Enters a new inode under a free name; marks the directory modified. */
  <T extends Inode> T add(DirectoryInode dir, Name name, T inode) throws BackendException {
    checkFree(dir, name);
    attach(dir, name, inode);
    return inode;
  }

  /** Removes an entry as {@code unlinkat(2)}, with {@code AT_REMOVEDIR} if {@code directory}. */
  void remove(DirectoryInode dir, Name name, boolean directory) throws BackendException {
    Inode inode = dir.get(name);
    if (inode == null) {
      throw new BackendException(Errno.ENOENT);
    }
    boolean isDirectory = inode instanceof DirectoryInode;
    if (directory && !isDirectory) {
      throw new BackendException(Errno.ENOTDIR);
    }
    if (!directory && isDirectory) {
      throw new BackendException(Errno.EISDIR);
    }
    if (isDirectory && !((DirectoryInode) inode).isEmpty()) {
      throw new BackendException(Errno.ENOTEMPTY);
    }
    dir.detach(name);
    dir.touchModified();
    dropped(inode);
  }

  /**
   * Makes a hard link as {@code linkat(2)} without {@code AT_SYMLINK_FOLLOW}.
   *
   * @return the linked inode
   */
  Inode link(DirectoryInode fromDir, Name fromName, DirectoryInode toDir, Name toName)
      throws BackendException {
    Inode inode = fromDir.get(fromName);
    if (inode == null) {
      throw new BackendException(Errno.ENOENT);
    }
    checkFree(toDir, toName);
    if (inode instanceof DirectoryInode) {
      throw new BackendException(Errno.EPERM);
    }
    attach(toDir, toName, inode);
    return inode;
  }

  /** Renames as {@code renameat2(2)}, with {@code RENAME_NOREPLACE} unless {@code replace}. */
  void rename(
      DirectoryInode fromDir, Name fromName, DirectoryInode toDir, Name toName, boolean replace)
      throws BackendException {
    Inode source = fromDir.get(fromName);
    if (source == null) {
      throw new BackendException(Errno.ENOENT);
    }
    Inode target = toDir.get(toName);
    if (target == null && toDir.isRemoved()) {
      throw new BackendException(Errno.ENOENT);
    }
    if (target != null && !replace) {
      throw new BackendException(Errno.EEXIST);
    }
    boolean sourceIsDirectory = source instanceof DirectoryInode;
    if (sourceIsDirectory && toDir.isWithin((DirectoryInode) source)) {
      throw new BackendException(Errno.EINVAL, "cannot move a directory into itself");
    }
    if (target == source) {
      return; // the same file under both names: rename(2) does nothing
    }
    if (target != null) {
      boolean targetIsDirectory = target instanceof DirectoryInode;
      if (sourceIsDirectory && !targetIsDirectory) {
        throw new BackendException(Errno.ENOTDIR);
      }
      if (!sourceIsDirectory && targetIsDirectory) {
        throw new BackendException(Errno.EISDIR);
      }
      if (targetIsDirectory && !((DirectoryInode) target).isEmpty()) {
        throw new BackendException(Errno.ENOTEMPTY);
      }
      toDir.detach(toName);
      dropped(target);
    }
    fromDir.detach(fromName);
    toDir.put(toName, source);
    source.touchChanged();
    fromDir.touchModified();
    if (toDir != fromDir) {
      toDir.touchModified();
    }
  }

  /** Enters {@code inode} (new or linked) under {@code name} and counts the link. */
  private static void attach(DirectoryInode dir, Name name, Inode inode) {
    dir.put(name, inode);
    if (!(inode instanceof DirectoryInode)) {
      inode.addLinks(1);
    }
    dir.touchModified();
  }

  /** Accounts for an inode whose entry is gone: one link less, or a removed directory. */
  private static void dropped(Inode inode) {
    if (inode instanceof DirectoryInode) {
      ((DirectoryInode) inode).markRemoved();
    } else {
      inode.addLinks(-1);
      if (inode instanceof FileInode) {
        ((FileInode) inode).unlinked();
      }
    }
  }
}
