package org.jvfs.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.ClosedFileSystemException;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Capability;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;
import org.jvfs.spi.Probe;
import org.jvfs.spi.StoreInfo;

/**
 * A backend that keeps its tree in the heap, with the semantics of a Linux file system: hard and
 * symbolic links, POSIX permissions (kept, not enforced: every caller acts as the owner), owners,
 * nanosecond times from a configurable clock, {@code rename(2)} rules, files that stay usable while
 * open after their last link is removed, and a space limit that gives {@link Errno#ENOSPC}. Every
 * stage it returns is already complete.
 *
 * <p>Implementation notes (locking). One {@link ReentrantReadWriteLock}, the tree lock, guards the
 * namespace: every directory's entries, parent and removed flag. Lookups, listings and attribute
 * reads take its read lock; every operation that changes entries takes its write lock, so a rename
 * (which may touch two directories and check a whole ancestor chain) is atomic without lock
 * ordering between directories. File content is not under the tree lock: each {@link FileInode} has
 * its own read-write lock, so reads and writes of open files never contend with the namespace.
 * Per-inode metadata (times, permissions, link counts of non-directories) is guarded by the inode's
 * monitor. The order is tree lock, then a file's content lock, then an inode monitor; no path takes
 * them in another order. No lock is ever held across anything but memory access.
 *
 * <p>Thread-safe. Make one with {@link #create()} or {@link #builder()}.
 */
public final class MemoryBackend implements Backend {
  private static final Set<Capability> CAPABILITIES =
      Collections.unmodifiableSet(
          EnumSet.of(
              Capability.SYMBOLIC_LINKS,
              Capability.HARD_LINKS,
              Capability.POSIX_PERMISSIONS,
              Capability.OWNERS,
              Capability.SET_TIMES,
              Capability.NONBLOCKING_PROBE,
              Capability.INLINE_COMPLETION,
              Capability.STABLE_NODES));

  /** Default permissions of a created file: {@code rw-r--r--} (0666 under umask 022). */
  static final Set<PosixFilePermission> FILE_PERMISSIONS =
      PosixFilePermissions.fromString("rw-r--r--");

  /** Default permissions of a created directory: {@code rwxr-xr-x} (0777 under umask 022). */
  static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private final ReentrantReadWriteLock treeLock = new ReentrantReadWriteLock();
  private final Store store;
  private final DirectoryInode root;
  private final Namespace namespace;
  private final Set<MemoryFile> openFiles = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private MemoryBackend(Builder b) {
    this.store = new Store(b.totalSpace, b.clock, b.uid, b.gid);
    this.root = new DirectoryInode(store, DIRECTORY_PERMISSIONS, null);
    this.namespace = new Namespace();
  }

  /** Returns a backend with the defaults: 1 GiB of space, the system clock, uid and gid 0. */
  public static MemoryBackend create() {
    return builder().build();
  }

  /** Returns a builder with the defaults of {@link #create()}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Node root() {
    return root;
  }

  @Override
  public CompletionStage<@Nullable NodeInfo> lookup(Node dir, Name name) {
    checkNotNull(dir, "dir");
    checkNotNull(name, "name");
    return read(
        () -> {
          Inode inode = directory(dir).get(checkName(name));
          return inode == null ? null : info(inode);
        });
  }

  /**
   * Answers from memory; gives {@link Probe#unknown()} only when the tree lock is held by a writer
   * at this moment (it never waits), the backend is closed, or the lookup would fail.
   */
  @Override
  public Probe probeLookup(Node dir, Name name) {
    checkNotNull(dir, "dir");
    checkNotNull(name, "name");
    if (closed
        || name.isTooLong()
        || !(dir instanceof DirectoryInode)
        || ((DirectoryInode) dir).store != store
        || !treeLock.readLock().tryLock()) {
      return Probe.unknown();
    }
    try {
      Inode inode = ((DirectoryInode) dir).get(name);
      return inode == null ? Probe.absent() : Probe.found(info(inode));
    } finally {
      treeLock.readLock().unlock();
    }
  }

  @Override
  public CompletionStage<NodeAttributes> attributes(Node node) {
    checkNotNull(node, "node");
    return read(
        () -> {
          Inode inode = inode(node);
          if (inode instanceof FileInode f && f.freed()) {
            // Its content is gone, so its size would be one the file never had: a stat that
            // resolved the name just before the last unlink would report "exists, size 0". No
            // name and no open file leads here any more; as a stale handle, it is absent.
            throw new BackendException(Errno.ENOENT);
          }
          return inode.attributes();
        });
  }

  @Override
  public CompletionStage<List<DirEntry>> readDirectory(Node dir) {
    checkNotNull(dir, "dir");
    return read(() -> directory(dir).list());
  }

  @Override
  public CompletionStage<Opened> open(
      Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions) {
    checkNotNull(dir, "dir");
    checkNotNull(name, "name");
    checkNotNull(flags, "flags");
    Set<PosixFilePermission> perms = permissions == null ? FILE_PERMISSIONS : permissions;
    return write(
        () -> {
          DirectoryInode d = directory(dir);
          Inode inode = d.get(checkName(name));
          boolean created = false;
          if (inode == null) {
            if (!flags.creates()) {
              throw new BackendException(Errno.ENOENT);
            }
            inode = namespace.add(d, name, new FileInode(store, perms));
            created = true;
          } else if (flags.createNew()) {
            throw new BackendException(Errno.EEXIST);
          } else if (inode instanceof SymlinkInode) {
            throw new BackendException(Errno.ELOOP);
          } else if (inode instanceof DirectoryInode && flags.write()) {
            throw new BackendException(Errno.EISDIR);
          } else if (flags.truncate() && inode instanceof FileInode) {
            ((FileInode) inode).truncate(0);
          }
          MemoryFile file = new MemoryFile(inode, flags, openFiles);
          return new Opened(file, info(inode), created);
        });
  }

  /** Reads the file inline, under the tree's read lock and the file's content lock. */
  @Override
  public CompletionStage<byte[]> readFile(Node dir, Name name, long limit) {
    checkNotNull(dir, "dir");
    checkNotNull(name, "name");
    return read(
        () -> {
          Inode inode = directory(dir).get(checkName(name));
          if (inode == null) {
            throw new BackendException(Errno.ENOENT);
          } else if (inode instanceof SymlinkInode) {
            throw new BackendException(Errno.ELOOP);
          } else if (inode instanceof DirectoryInode) {
            throw new BackendException(Errno.EISDIR);
          } else if (inode instanceof FileInode f) {
            return f.readAll(limit);
          }
          throw new BackendException(Errno.EINVAL, "not a regular file");
        });
  }

  @Override
  public CompletionStage<NodeInfo> createDirectory(
      Node dir, Name name, @Nullable Set<PosixFilePermission> permissions) {
    checkNotNull(dir, "dir");
    checkNotNull(name, "name");
    Set<PosixFilePermission> perms = permissions == null ? DIRECTORY_PERMISSIONS : permissions;
    return write(
        () -> {
          DirectoryInode d = directory(dir);
          namespace.checkFree(d, checkName(name));
          return info(namespace.add(d, name, new DirectoryInode(store, perms, d)));
        });
  }

  @Override
  public CompletionStage<Void> remove(Node dir, Name name, boolean directory) {
    checkNotNull(dir, "dir");
    checkNotNull(name, "name");
    return write(
        () -> {
          namespace.remove(directory(dir), checkName(name), directory);
          return null;
        });
  }

  @Override
  public CompletionStage<Void> rename(
      Node fromDir, Name fromName, Node toDir, Name toName, boolean replace) {
    checkNotNull(fromDir, "fromDir");
    checkNotNull(fromName, "fromName");
    checkNotNull(toDir, "toDir");
    checkNotNull(toName, "toName");
    return write(
        () -> {
          namespace.rename(
              directory(fromDir),
              checkName(fromName),
              directory(toDir),
              checkName(toName),
              replace);
          return null;
        });
  }

  @Override
  public CompletionStage<NodeInfo> link(Node fromDir, Name fromName, Node toDir, Name toName) {
    checkNotNull(fromDir, "fromDir");
    checkNotNull(fromName, "fromName");
    checkNotNull(toDir, "toDir");
    checkNotNull(toName, "toName");
    return write(
        () ->
            info(
                namespace.link(
                    directory(fromDir), checkName(fromName), directory(toDir), checkName(toName))));
  }

  @Override
  public CompletionStage<NodeInfo> createSymlink(Node dir, Name name, String target) {
    checkNotNull(dir, "dir");
    checkNotNull(name, "name");
    checkNotNull(target, "target");
    return write(
        () -> {
          if (target.isEmpty()) { // symlink(2): an empty target is ENOENT
            throw new BackendException(Errno.ENOENT);
          }
          DirectoryInode d = directory(dir);
          namespace.checkFree(d, checkName(name));
          return info(namespace.add(d, name, new SymlinkInode(store, target)));
        });
  }

  @Override
  public CompletionStage<String> readSymlink(Node node) {
    checkNotNull(node, "node");
    return read(
        () -> {
          Inode inode = inode(node);
          if (!(inode instanceof SymlinkInode)) {
            throw new BackendException(Errno.EINVAL);
          }
          return ((SymlinkInode) inode).target();
        });
  }

  @Override
  public CompletionStage<Void> setTimes(
      Node node,
      @Nullable FileTime lastModified,
      @Nullable FileTime lastAccess,
      @Nullable FileTime creation) {
    checkNotNull(node, "node");
    return read(
        () -> {
          inode(node).setTimes(lastModified, lastAccess, creation);
          return null;
        });
  }

  @Override
  public CompletionStage<Void> setPermissions(Node node, Set<PosixFilePermission> permissions) {
    checkNotNull(node, "node");
    checkNotNull(permissions, "permissions");
    return read(
        () -> {
          inode(node).setPermissions(permissions);
          return null;
        });
  }

  @Override
  public CompletionStage<StoreInfo> storeInfo() {
    return read(store::info);
  }

  /** Closes every open file; later calls fail with {@link ClosedFileSystemException}. */
  @Override
  public void close() {
    closed = true;
    for (MemoryFile file : new ArrayList<>(openFiles)) {
      file.close();
    }
  }

  @Override
  public String toString() {
    return "MemoryBackend[" + store.info() + (closed ? ", closed]" : "]");
  }

  private static NodeInfo info(Inode inode) {
    NodeAttributes attributes = inode.attributes();
    return inode instanceof SymlinkInode
        ? new NodeInfo(inode, attributes, ((SymlinkInode) inode).target())
        : NodeInfo.of(inode, attributes);
  }

  private Inode inode(Node node) {
    if (!(node instanceof Inode) || ((Inode) node).store != store) {
      throw new IllegalArgumentException("node " + node + " is not of this backend");
    }
    return (Inode) node;
  }

  private DirectoryInode directory(Node node) throws BackendException {
    Inode inode = inode(node);
    if (!(inode instanceof DirectoryInode)) {
      throw new BackendException(Errno.ENOTDIR);
    }
    return (DirectoryInode) inode;
  }

  private static Name checkName(Name name) throws BackendException {
    if (name.isTooLong()) {
      throw new BackendException(Errno.ENAMETOOLONG);
    }
    return name;
  }

  private <T> CompletionStage<T> read(Action<T> action) {
    return run(treeLock.readLock(), action);
  }

  private <T> CompletionStage<T> write(Action<T> action) {
    return run(treeLock.writeLock(), action);
  }

  private <T> CompletionStage<T> run(Lock lock, Action<T> action) {
    if (closed) {
      return CompletableFuture.failedFuture(new ClosedFileSystemException());
    }
    lock.lock();
    try {
      return CompletableFuture.completedFuture(action.run());
    } catch (BackendException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    } finally {
      lock.unlock();
    }
  }

  /** An operation run under the tree lock. */
  @FunctionalInterface
  private interface Action<T> {
    T run() throws BackendException;
  }

  /** Configures a {@link MemoryBackend}. Not thread-safe. */
  public static final class Builder {
    private long totalSpace = 1L << 30;
    private InstantSource clock = Clock.systemUTC();
    private int uid;
    private int gid;

    private Builder() {}

    /**
     * Sets the store's size: the total of file contents may not exceed it (default 1 GiB).
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public Builder totalSpace(long bytes) {
      checkArgument(bytes >= 0, "totalSpace (%s) must not be negative", bytes);
      this.totalSpace = bytes;
      return this;
    }

    /**
     * Sets the source of timestamps (default {@link Clock#systemUTC()}); its instants keep their
     * nanoseconds.
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(InstantSource clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /**
     * Sets the owner and group ids of new nodes (default 0 and 0).
     *
     * @throws IllegalArgumentException if an id is negative
     */
    public Builder owner(int uid, int gid) {
      checkArgument(uid >= 0, "uid (%s) must not be negative", uid);
      checkArgument(gid >= 0, "gid (%s) must not be negative", gid);
      this.uid = uid;
      this.gid = gid;
      return this;
    }

    /** Returns a new, empty backend. */
    public MemoryBackend build() {
      return new MemoryBackend(this);
    }
  }
}
