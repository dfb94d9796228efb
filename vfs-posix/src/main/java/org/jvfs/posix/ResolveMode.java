package org.jvfs.posix;

/** How the POSIX backend confines path resolution to its root. */
public enum ResolveMode {
  /**
   * {@code openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_SYMLINKS)} (Linux 5.6): the
   * kernel refuses to leave the root, atomically with respect to concurrent renames.
   */
  OPENAT2,
  /**
   * A component-by-component {@code openat(O_PATH | O_DIRECTORY | O_NOFOLLOW)} walk: for kernels
   * without openat2, or forced for tests.
   */
  WALK
}
