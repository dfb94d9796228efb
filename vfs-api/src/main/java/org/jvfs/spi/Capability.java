package org.jvfs.spi;

/** What a backend can do beyond the operations every backend has. */
public enum Capability {
  /** It stores symbolic links ({@link Backend#createSymlink}, {@link Backend#readSymlink}). */
  SYMBOLIC_LINKS,
  /** It makes hard links ({@link Backend#link}). */
  HARD_LINKS,
  /**
   * It keeps POSIX permissions ({@link Backend#setPermissions}, {@link
   * NodeAttributes#permissions()}).
   */
  POSIX_PERMISSIONS,
  /** It keeps owner and group ids. */
  OWNERS,
  /** It sets times ({@link Backend#setTimes}). */
  SET_TIMES,
  /**
   * It can answer {@link Backend#probeLookup} without blocking, so a lookup miss may complete on
   * the caller's thread.
   */
  NONBLOCKING_PROBE,
  /**
   * Every stage it returns is already complete when returned: it never blocks and never hops
   * threads (an in-heap backend).
   */
  INLINE_COMPLETION,
  /**
   * Its nodes stay valid when an ancestor directory is renamed, so the VFS may re-key a renamed
   * directory's dentry instead of dropping its cached subtree.
   */
  STABLE_NODES,
  /** It pushes invalidations for changes made outside the VFS (inotify and the like). */
  WATCH
}
