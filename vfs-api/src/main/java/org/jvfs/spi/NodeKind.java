package org.jvfs.spi;

/** The kind of a node, as the {@code S_IFMT} bits of {@code st_mode} say. */
public enum NodeKind {
  /** A regular file. */
  FILE,
  /** A directory. */
  DIRECTORY,
  /** A symbolic link. */
  SYMLINK,
  /** Anything else: a device, a FIFO, a socket. */
  OTHER
}
