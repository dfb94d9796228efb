package org.jvfs.nio;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jvfs.MountInfo;
import org.jvfs.Vfs;
import org.jvfs.spi.Capability;

/**
 * A {@code java.nio} file system over a {@link Vfs}, from {@link VfsFileSystemProvider} or {@link
 * VfsFileSystems}. One root, {@code /}, which is also the working directory; separator {@code /}.
 *
 * <p>Closing it closes its watch services, and the VFS if the file system owns it (one made from a
 * URI and env does; one from {@link VfsFileSystems#of(Vfs)} does not). After close, path operations
 * still work but every file operation fails with {@link ClosedFileSystemException}, and the name is
 * free for a new file system. Thread-safe.
 */
public final class VfsFileSystem extends FileSystem {
  private final VfsFileSystemProvider provider;
  private final String name;
  private final Vfs vfs;
  private final boolean ownsVfs;
  private final VfsPath root;
  private final VfsLockTable locks = new VfsLockTable();
  private final Set<VfsWatchService> watchers = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final MountInfo rootMount;

  VfsFileSystem(VfsFileSystemProvider provider, String name, Vfs vfs, boolean ownsVfs)
      throws IOException {
    this.provider = provider;
    this.name = name;
    this.vfs = vfs;
    this.ownsVfs = ownsVfs;
    this.root = VfsPath.parse(this, "/");
    this.rootMount = VfsIo.join(vfs.mountOf("/"));
  }

  /** Returns the name in this file system's URIs ({@code jvfs://NAME/...}). */
  public String name() {
    return name;
  }

  /** Returns the VFS underneath, for its asynchronous API. */
  public Vfs vfs() {
    return vfs;
  }

  VfsPath root() {
    return root;
  }

  VfsLockTable locks() {
    return locks;
  }

  /** Throws ClosedFileSystemException if this file system is closed. */
  void checkOpen() {
    if (!open.get() || !vfs.isOpen()) {
      throw new ClosedFileSystemException();
    }
  }

  /** Returns the capabilities of the root mount. */
  boolean has(Capability c) {
    return rootMount.has(c);
  }

  @Override
  public VfsFileSystemProvider provider() {
    return provider;
  }

  /**
   * Closes this file system; see the class comment. Idempotent.
   *
   * @throws IOException never, but declared by FileSystem
   */
  @Override
  public void close() throws IOException {
    if (!open.compareAndSet(true, false)) {
      return;
    }
    provider.unregister(this);
    for (VfsWatchService w : watchers) {
      w.close();
    }
    if (ownsVfs) {
      vfs.close();
    }
  }

  void addWatcher(VfsWatchService w) {
    watchers.add(w);
  }

  void removeWatcher(VfsWatchService w) {
    watchers.remove(w);
  }

  @Override
  public boolean isOpen() {
    return open.get() && vfs.isOpen();
  }

  /** Returns false: jvfs file systems are writable. */
  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  public String getSeparator() {
    return "/";
  }

  @Override
  public Iterable<Path> getRootDirectories() {
    checkOpen();
    return List.of(root);
  }

  /** Returns the store of the root mount. */
  @Override
  public Iterable<FileStore> getFileStores() {
    checkOpen();
    List<FileStore> stores = new java.util.ArrayList<>();
    for (MountInfo m : vfs.mounts()) {
      stores.add(new VfsFileStore(this, m));
    }
    return stores;
  }

  /**
   * Returns {@code basic}, and {@code posix}, {@code owner} and {@code unix} as the root mount's
   * backend keeps permissions and owners.
   */
  @Override
  public Set<String> supportedFileAttributeViews() {
    return views(rootMount);
  }

  static Set<String> views(MountInfo mount) {
    Set<String> views = new LinkedHashSet<>();
    views.add("basic");
    if (mount.has(Capability.OWNERS)) {
      views.add("owner");
    }
    if (mount.has(Capability.POSIX_PERMISSIONS)) {
      views.add("posix");
      if (mount.has(Capability.OWNERS)) {
        views.add("unix");
      }
    }
    return Set.copyOf(views);
  }

  /**
   * Returns a path; the parts are joined with {@code /}, empty parts skipped.
   *
   * @throws java.nio.file.InvalidPathException for a NUL character
   */
  @Override
  public VfsPath getPath(String first, String... more) {
    checkNotNull(first, "first");
    if (more.length == 0) {
      return VfsPath.parse(this, first);
    }
    StringBuilder sb = new StringBuilder(first);
    for (String m : more) {
      checkNotNull(m, "more");
      if (!m.isEmpty()) {
        if (sb.length() > 0) {
          sb.append('/');
        }
        sb.append(m);
      }
    }
    return VfsPath.parse(this, sb.toString());
  }

  /** Returns a matcher for {@code glob:} or {@code regex:} patterns; see {@link VfsGlob}. */
  @Override
  public PathMatcher getPathMatcher(String syntaxAndPattern) {
    return VfsPathMatcher.of(syntaxAndPattern);
  }

  /** Returns a lookup service whose principals are numeric ids; see {@link VfsPrincipals}. */
  @Override
  public UserPrincipalLookupService getUserPrincipalLookupService() {
    return VfsPrincipals.LOOKUP;
  }

  /** Returns a new watch service told of changes made through this file system's VFS. */
  @Override
  public WatchService newWatchService() throws IOException {
    checkOpen();
    return new VfsWatchService(this);
  }

  @Override
  public String toString() {
    return "VfsFileSystem[jvfs://" + name + (isOpen() ? "" : ", closed") + "]";
  }
}
