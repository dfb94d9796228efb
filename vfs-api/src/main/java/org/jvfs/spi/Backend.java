package org.jvfs.spi;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A storage backend: a tree of nodes under one root directory.
 *
 * <p>Every operation names its target by a directory {@link Node} and a {@link Name} (or by a node
 * alone) and returns a {@link CompletionStage}. Failures are reported by failing the stage, with a
 * {@link BackendException} where an {@link Errno} applies; a backend never throws from these
 * methods except {@link NullPointerException} for a null argument. A backend never follows a
 * symbolic link: the VFS does.
 *
 * <p>Implementations are thread-safe. A stage may complete on any thread; a backend that declares
 * {@link Capability#INLINE_COMPLETION} returns stages already complete.
 */
public interface Backend extends AutoCloseable {

  /** Returns what this backend can do beyond the common operations. */
  Set<Capability> capabilities();

  /** Returns the root directory's node. */
  Node root();

  /**
   * Looks up one name in a directory.
   *
   * @return the node found, or null if {@code dir} has no entry {@code name}; fails with {@link
   *     Errno#ENOTDIR} if {@code dir} is not a directory
   */
  CompletionStage<@Nullable NodeInfo> lookup(Node dir, Name name);

  /**
   * Tries to answer {@link #lookup} without blocking, on the caller's thread. Backends that declare
   * {@link Capability#NONBLOCKING_PROBE} implement it; the default cannot tell.
   *
   * @return {@link Probe#unknown()} if the answer needs blocking IO, else the answer
   */
  default Probe probeLookup(Node dir, Name name) {
    return Probe.unknown();
  }

  /** Returns the node's current attributes. */
  CompletionStage<NodeAttributes> attributes(Node node);

  /**
   * Lists a directory, without {@code .} and {@code ..}, in no particular order.
   *
   * @return the entries; fails with {@link Errno#ENOTDIR} if {@code dir} is not a directory
   */
  CompletionStage<List<DirEntry>> readDirectory(Node dir);

  /**
   * Opens (and perhaps creates) the file {@code name} in {@code dir}. Never follows a symbolic
   * link: if {@code name} is one, fails with {@link Errno#ELOOP}. Opening a directory for writing
   * fails with {@link Errno#EISDIR}; opening one for reading succeeds and its reads fail with
   * {@link Errno#EISDIR}.
   *
   * @param permissions the permissions of a created file, or null for the backend's default
   * @return the open file and the node's attributes after the open
   */
  CompletionStage<Opened> open(
      Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions);

  /**
   * Reads the whole regular file {@code name} in {@code dir}, as an open for reading, reads up to
   * the end of file and a close would, in one call that a backend may serve in one step. Never
   * follows a symbolic link. Reading goes on to the end of file as the file is when the read gets
   * there: the content of a file that grows while it is read includes what was added, as {@code
   * Files.readAllBytes} does.
   *
   * <p>The VFS calls it for every whole-file read of a name that its walk resolved to a regular
   * file; other kinds go through {@link #open}. The default is {@link #readFileByOpen}, which
   * composes {@link #open}, {@link BackendFile#read} and {@link BackendFile#close} of this backend,
   * so a backend needs no capability to be read this way; a backend overrides it only to be faster
   * (the posix backend reads in one IO-thread task). A wrapper that changes file calls (fault
   * injection, tracing) overrides it to call {@link #readFileByOpen} with itself, so that its own
   * {@link #open} is used.
   *
   * @param limit the most bytes to return; a file longer than {@code limit} (or than the largest
   *     Java array) fails with {@link Errno#EFBIG}
   * @return the content; fails with {@link Errno#ENOENT} if {@code dir} has no entry {@code name},
   *     {@link Errno#ELOOP} if it is a symbolic link, {@link Errno#EISDIR} if it is a directory,
   *     else as {@link #open} and {@link BackendFile#read} fail
   */
  default CompletionStage<byte[]> readFile(Node dir, Name name, long limit) {
    return readFileByOpen(this, dir, name, limit);
  }

  /**
   * {@link #readFile} through {@code backend}'s {@link #open}, {@link BackendFile#read} and {@link
   * BackendFile#close}: opens for reading, fails with {@link Errno#EISDIR} if the node opened is a
   * directory, reads into an array of the size the open reported, checks for the end of file with
   * one small scratch read (growing the array only if the file grew), and closes the file whatever
   * happened.
   *
   * @throws NullPointerException if an argument is null
   */
  static CompletionStage<byte[]> readFileByOpen(Backend backend, Node dir, Name name, long limit) {
    return WholeFileRead.read(backend, dir, name, limit);
  }

  /**
   * Makes a directory.
   *
   * @param permissions its permissions, or null for the backend's default
   * @return the new directory; fails with {@link Errno#EEXIST} if the name is taken
   */
  CompletionStage<NodeInfo> createDirectory(
      Node dir, Name name, @Nullable Set<PosixFilePermission> permissions);

  /**
   * Removes a file, a symbolic link, or (if {@code directory}) an empty directory, as {@code
   * unlinkat(2)} with or without {@code AT_REMOVEDIR}. Fails with {@link Errno#ENOTEMPTY} for a
   * directory with entries, {@link Errno#EISDIR} when a directory is removed as a file, {@link
   * Errno#ENOTDIR} when a non-directory is removed as a directory.
   */
  CompletionStage<Void> remove(Node dir, Name name, boolean directory);

  /**
   * Renames atomically, as {@code renameat2(2)}. If the target exists it is replaced when {@code
   * replace} (a directory only by a directory, and only if empty) else the call fails with {@link
   * Errno#EEXIST}. Moving a directory into its own subtree fails with {@link Errno#EINVAL}. If
   * source and target are links to the same file, nothing happens.
   */
  CompletionStage<Void> rename(
      Node fromDir, Name fromName, Node toDir, Name toName, boolean replace);

  /**
   * Makes a hard link {@code toName} in {@code toDir} to the file {@code fromName} in {@code
   * fromDir} (not following a symbolic link). Only where {@link Capability#HARD_LINKS}.
   *
   * @return the linked node with its attributes after the link
   */
  CompletionStage<NodeInfo> link(Node fromDir, Name fromName, Node toDir, Name toName);

  /**
   * Makes a symbolic link. Only where {@link Capability#SYMBOLIC_LINKS}.
   *
   * @param target the link's content, stored as given
   */
  CompletionStage<NodeInfo> createSymlink(Node dir, Name name, String target);

  /** Reads a symbolic link's target. Fails with {@link Errno#EINVAL} if the node is not a link. */
  CompletionStage<String> readSymlink(Node node);

  /** Sets times; a null time is left unchanged. Only where {@link Capability#SET_TIMES}. */
  CompletionStage<Void> setTimes(
      Node node,
      @Nullable FileTime lastModified,
      @Nullable FileTime lastAccess,
      @Nullable FileTime creation);

  /** Sets POSIX permissions. Only where {@link Capability#POSIX_PERMISSIONS}. */
  CompletionStage<Void> setPermissions(Node node, Set<PosixFilePermission> permissions);

  /**
   * Starts reporting changes made outside the VFS to {@code sink}, for a mount under the WATCH
   * coherence policy. Called at most once, before the backend is used through the VFS. Only where
   * {@link Capability#WATCH}; the default refuses.
   *
   * @throws UnsupportedOperationException if the backend cannot watch
   */
  default void watch(Invalidations sink) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot watch");
  }

  /** Returns the space figures of the backend's store. */
  CompletionStage<StoreInfo> storeInfo();

  /** Releases the backend's resources. Files still open are closed. Idempotent. */
  @Override
  void close();

  /**
   * A file opened by {@link Backend#open}.
   *
   * @param file the open file
   * @param info the node with its attributes after the open (after creation or truncation)
   * @param created true if the open created the file
   */
  record Opened(BackendFile file, NodeInfo info, boolean created) {}
}
