package org.jvfs.nio;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.jspecify.annotations.Nullable;
import org.jvfs.Vfs;
import org.jvfs.spi.NodeAttributes;

/**
 * The {@code basic} view of one path. The file is looked up on each call, so a view of a missing
 * file fails only when used. Setting times follows symbolic links unless the view was made with
 * {@code NOFOLLOW_LINKS}; then a link's own times are set, as {@code
 * utimensat(AT_SYMLINK_NOFOLLOW)} does. Immutable.
 */
class VfsBasicAttributeView implements BasicFileAttributeView {
  final VfsPath path;
  final LinkOption[] options;

  VfsBasicAttributeView(VfsPath path, LinkOption... options) {
    this.path = path;
    this.options = options.clone();
  }

  final Vfs vfs() {
    path.getFileSystem().checkOpen();
    return path.getFileSystem().vfs();
  }

  final String abs() {
    return VfsFileChannel.abs(path);
  }

  @Override
  public String name() {
    return "basic";
  }

  /** Returns the node's attributes. */
  final NodeAttributes stat() throws IOException {
    return VfsIo.join(vfs().stat(abs(), options));
  }

  /** Returns the attributes: a {@link NodeAttributes}. */
  @Override
  public BasicFileAttributes readAttributes() throws IOException {
    return stat();
  }

  @Override
  public void setTimes(
      @Nullable FileTime lastModifiedTime,
      @Nullable FileTime lastAccessTime,
      @Nullable FileTime createTime)
      throws IOException {
    VfsIo.join(vfs().setTimes(abs(), lastModifiedTime, lastAccessTime, createTime, options));
  }
}
