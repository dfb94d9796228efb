package org.jvfs.core;

import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads the initial attributes given to a create call. */
final class Attributes {
  private Attributes() {}

  /**
   * Returns the permissions among {@code attrs}, or null if none is given.
   *
   * @throws UnsupportedOperationException for any attribute but {@code posix:permissions}, as the
   *     JDK's provider refuses attributes it cannot set at creation
   */
  @SuppressWarnings("unchecked")
  static @Nullable Set<PosixFilePermission> permissions(FileAttribute<?>... attrs) {
    Set<PosixFilePermission> perms = null;
    for (FileAttribute<?> a : attrs) {
      java.util.Objects.requireNonNull(a, "attribute");
      String name = a.name();
      if (!name.equals("posix:permissions") && !name.equals("unix:permissions")) {
        throw new UnsupportedOperationException(
            "'" + name + "' not supported as initial attribute");
      }
      perms = (Set<PosixFilePermission>) a.value();
    }
    return perms;
  }
}
