package org.jvfs.posix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/** Tells whether the file system under the temporary directory records a birth time. */
final class StatxProbe {
  private StatxProbe() {}

  /** Returns true if a file's creation time survives setting its last-modified time to 0. */
  static boolean reportsBirthTime() {
    Path dir = TempRoot.create("posix-probe");
    try {
      Path file = Files.createFile(dir.resolve("probe"));
      FileTime epoch = FileTime.fromMillis(0);
      Files.setLastModifiedTime(file, epoch);
      return !Files.readAttributes(file, BasicFileAttributes.class).creationTime().equals(epoch);
    } catch (IOException e) {
      return false;
    } finally {
      TempRoot.delete(dir);
    }
  }
}
