package org.jvfs.core;

import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Name;

/**
 * Where a path walk ended: the directory holding the last component, that component's name, and
 * what is there (null if absent). For the root of a mount, {@code parent} and {@code name} are null
 * and {@code entry} is the mount's root.
 *
 * @param parent the directory holding the final component, or null for a mount root
 * @param name the final component, or null for a mount root
 * @param entry the dentry found, or null if the name is absent
 */
record Resolution(@Nullable Dentry parent, @Nullable Name name, @Nullable Dentry entry) {
  /** The answer of a nonblocking walk that needed IO. */
  static final Resolution MISS = new Resolution(null, null, null);

  /**
   * The answer of a nonblocking walk that found a directory on the way absent, or not a directory
   * (where the full walk fails with NoSuchFileException or "Not a directory").
   */
  static final Resolution ABSENT_ON_THE_WAY = new Resolution(null, null, null);
}
