package org.jvfs.nio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Copy and move between two jvfs file systems (one provider, two VFSes): done through {@code
 * Files}, as the JDK does between providers. A directory is copied empty; a move copies then
 * deletes and is never atomic.
 */
final class VfsCrossCopy {
  private VfsCrossCopy() {}

  static void copy(VfsPath source, VfsPath target, boolean move, CopyOption... options)
      throws IOException {
    boolean replace = false;
    boolean attrs = move;
    boolean follow = !move;
    for (CopyOption o : options) {
      if (o == StandardCopyOption.REPLACE_EXISTING) {
        replace = true;
      } else if (o == StandardCopyOption.COPY_ATTRIBUTES) {
        attrs = true;
      } else if (o == LinkOption.NOFOLLOW_LINKS) {
        follow = false;
      } else if (o == StandardCopyOption.ATOMIC_MOVE && move) {
        throw new AtomicMoveNotSupportedException(
            source.toString(), target.toString(), "between file systems");
      } else {
        throw new UnsupportedOperationException("Unsupported copy option: " + o);
      }
    }
    LinkOption[] linkOptions =
        follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class, linkOptions);
    if (replace) {
      Files.deleteIfExists(target);
    } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    if (a.isDirectory()) {
      Files.createDirectory(target);
    } else if (a.isSymbolicLink()) {
      Files.createSymbolicLink(
          target, target.getFileSystem().getPath(Files.readSymbolicLink(source).toString()));
    } else {
      try (InputStream in = Files.newInputStream(source);
          OutputStream out = Files.newOutputStream(target)) {
        in.transferTo(out);
      }
    }
    if (attrs && !a.isSymbolicLink()) {
      Files.getFileAttributeView(target, BasicFileAttributeView.class)
          .setTimes(a.lastModifiedTime(), a.lastAccessTime(), a.creationTime());
    }
    if (move) {
      Files.delete(source);
    }
  }
}
