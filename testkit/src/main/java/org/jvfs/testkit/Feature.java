package org.jvfs.testkit;

/**
 * An optional capability of a file system under test.
 *
 * <p>A {@link FileSystemConformanceKit} subclass declares the features its file system has; kit
 * tests that need an absent feature are skipped with an assumption naming it. Everything not listed
 * here is mandatory.
 */
public enum Feature {
  /** {@code Files.createSymbolicLink}, {@code readSymbolicLink} and link following. */
  SYMBOLIC_LINKS,
  /** {@code Files.createLink}: several names for one file. */
  HARD_LINKS,
  /** The {@code posix} attribute view, with permissions that round-trip. */
  POSIX_PERMISSIONS,
  /** The {@code owner} attribute view and a user principal lookup service. */
  OWNER,
  /** {@code BasicFileAttributes.fileKey()} is non-null and identifies the file. */
  FILE_KEYS,
  /** {@code creationTime()} is a real birth time, not a copy of the last-modified time. */
  CREATION_TIME,
  /** {@code FileChannel.open} with positional IO, {@code force} and transfers. */
  FILE_CHANNEL,
  /** {@code AsynchronousFileChannel.open}. */
  ASYNC_CHANNEL,
  /** {@code FileSystem.newWatchService} reporting changes made through the file system. */
  WATCH_SERVICE,
  /** {@code FileChannel.lock} and {@code tryLock}. */
  LOCKS,
  /** {@code StandardCopyOption.ATOMIC_MOVE} within one directory tree. */
  ATOMIC_MOVE,
  /**
   * {@code newDirectoryStream} returns a {@link java.nio.file.SecureDirectoryStream} (the JDK's on
   * Linux and jvfs's do; the JDK's on macOS and Windows do not).
   */
  SECURE_DIRECTORY_STREAM,
  /**
   * {@code FileChannel.map}. Without it, the kit checks that map fails with
   * UnsupportedOperationException (jvfs backends have no memory mapping).
   */
  MEMORY_MAPPING,
}
