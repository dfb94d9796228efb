package org.jvfs.memory;

import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import org.jvfs.spi.NodeKind;

/**
 * A symbolic link. Its target is fixed at creation, so it needs no lock of its own. As on Linux,
 * its permissions are {@code rwxrwxrwx} and its size is the target's length in bytes.
 */
final class SymlinkInode extends Inode {
  private final String target;
  private final long size;

  SymlinkInode(Store store, String target) {
    super(store, EnumSet.allOf(PosixFilePermission.class));
    this.target = target;
    this.size = target.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Returns the target as stored. */
  String target() {
    return target;
  }

  @Override
  NodeKind kind() {
    return NodeKind.SYMLINK;
  }

  @Override
  long size() {
    return size;
  }
}
