package org.jvfs.nio;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.spi.NodeAttributes;

/**
 * The {@code java.nio} provider of the {@code jvfs} scheme, installed through {@code
 * META-INF/services}.
 *
 * <p><b>URIs.</b> {@code jvfs://NAME/path}: {@code NAME} names an open file system (letters,
 * digits, {@code -._}); the path is absolute with each name percent-encoded as UTF-8. {@link
 * Path#toUri()} and {@link Path#of(URI)} round-trip. An encoded slash, an encoded {@code .} or
 * {@code ..} segment or a NUL is refused with IllegalArgumentException.
 *
 * <p><b>newFileSystem(URI, env).</b> The URI is {@code jvfs://NAME} or {@code jvfs://NAME/}. The
 * env keys, all optional (unknown keys are refused):
 *
 * <ul>
 *   <li>{@value #ENV_BACKEND}: the {@link org.jvfs.spi.BackendProvider} name mounted at {@code /},
 *       found by ServiceLoader; default {@code memory}.
 *   <li>{@value #ENV_BACKEND_CONFIG}: a {@code Map<String, ?>} passed to that provider (for {@code
 *       memory}: {@code space}).
 *   <li>{@value #ENV_CACHING}: Boolean or "true"/"false"; default true.
 *   <li>{@value #ENV_MAXIMUM_DENTRIES}, {@value #ENV_MAXIMUM_NEGATIVE_DENTRIES}: cache bounds, a
 *       whole number (or its decimal string), at least 1 and at least 0.
 *   <li>{@value #ENV_MAX_IN_FLIGHT}: the bound on operations in flight, a whole number from 1 to
 *       {@code Integer.MAX_VALUE}.
 *   <li>{@value #ENV_COHERENCE_POLICY}: the coherence policy of the mount, as a {@link
 *       org.jvfs.CoherencePolicy} or a string: {@code "watch"} ({@link
 *       org.jvfs.CoherencePolicy#watch()}), {@code "watch:<duration>"} (WATCH with that bound on
 *       attribute snapshots, {@link org.jvfs.CoherencePolicy#watch(java.time.Duration)}), {@code
 *       "private"}, or {@code "ttl:<duration>"} ({@link
 *       org.jvfs.CoherencePolicy#ttl(java.time.Duration)}), where a duration is ISO-8601 as {@link
 *       java.time.Duration#parse} reads it ({@code PT5S}, {@code PT0.5S}, {@code PT2M}); keywords
 *       in any case. Default: as {@link org.jvfs.Vfs.Builder#mount(String, org.jvfs.spi.Backend)}:
 *       WATCH for a backend that can watch (a posix backend: changes by other processes are seen),
 *       else PRIVATE. WATCH on a backend that cannot watch, or any other value, is refused with an
 *       IllegalArgumentException that names the key, the value and the accepted forms.
 *   <li>{@value #ENV_COMPLETION_EXECUTOR}: the {@link java.util.concurrent.Executor} futures
 *       complete on.
 * </ul>
 *
 * <p>A bad value of any key is refused with an IllegalArgumentException reading {@code KEY: bad
 * value VALUE; accepted: FORM}; an unknown key with one that lists the known keys.
 *
 * <p>As zipfs and Jimfs do: a second newFileSystem with an open file system's name fails with
 * {@link FileSystemAlreadyExistsException}; getFileSystem and getPath of an unknown (or closed)
 * name fail with {@link FileSystemNotFoundException}; closing frees the name. A file system made
 * from a URI owns its VFS and closes it.
 *
 * <p>Every file operation takes jvfs paths only ({@link java.nio.file.ProviderMismatchException}
 * otherwise) and fails with {@link java.nio.file.ClosedFileSystemException} once the path's file
 * system is closed. Permissions are not enforced: {@link #checkAccess} checks existence, and
 * execute access as the superuser would (some execute bit set, or a directory). Thread-safe.
 */
public final class VfsFileSystemProvider extends FileSystemProvider {
  /** Env key: the backend name. */
  public static final String ENV_BACKEND = "backend";

  /** Env key: the backend configuration map. */
  public static final String ENV_BACKEND_CONFIG = "backendConfig";

  /** Env key: whether the dentry cache is on. */
  public static final String ENV_CACHING = "caching";

  /** Env key: the bound of positive dentries. */
  public static final String ENV_MAXIMUM_DENTRIES = "maximumDentries";

  /** Env key: the bound of negative dentries. */
  public static final String ENV_MAXIMUM_NEGATIVE_DENTRIES = "maximumNegativeDentries";

  /** Env key: the bound of operations in flight. */
  public static final String ENV_MAX_IN_FLIGHT = "maxInFlight";

  /** Env key: the coherence policy of the root mount. */
  public static final String ENV_COHERENCE_POLICY = "coherencePolicy";

  /** Env key: the completion executor. */
  public static final String ENV_COMPLETION_EXECUTOR = "completionExecutor";

  private static final Map<String, VfsFileSystem> FILE_SYSTEMS = new ConcurrentHashMap<>();

  /** Creates the provider; the ServiceLoader calls this. Every instance shares one registry. */
  public VfsFileSystemProvider() {}

  /** Returns {@code jvfs}. */
  @Override
  public String getScheme() {
    return VfsUris.SCHEME;
  }

  @Override
  public VfsFileSystem newFileSystem(URI uri, Map<String, ?> env) throws IOException {
    checkNotNull(env, "env");
    String name = VfsUris.fsName(uri);
    if (!VfsUris.path(uri).equals("/")) {
      throw new IllegalArgumentException("file system URI must have no path: " + uri);
    }
    synchronized (FILE_SYSTEMS) {
      if (FILE_SYSTEMS.containsKey(name)) {
        throw new FileSystemAlreadyExistsException(name);
      }
      Vfs vfs = VfsEnvironment.build(env);
      try {
        VfsFileSystem fs = new VfsFileSystem(this, name, vfs, true);
        FILE_SYSTEMS.put(name, fs);
        return fs;
      } catch (IOException | RuntimeException e) {
        vfs.close();
        throw e;
      }
    }
  }

  /** Registers a file system over an existing VFS; for {@link VfsFileSystems}. */
  VfsFileSystem register(String name, Vfs vfs, boolean ownsVfs) throws IOException {
    synchronized (FILE_SYSTEMS) {
      if (FILE_SYSTEMS.containsKey(name)) {
        throw new FileSystemAlreadyExistsException(name);
      }
      VfsFileSystem fs = new VfsFileSystem(this, name, vfs, ownsVfs);
      FILE_SYSTEMS.put(name, fs);
      return fs;
    }
  }

  void unregister(VfsFileSystem fs) {
    FILE_SYSTEMS.remove(fs.name(), fs);
  }

  @Override
  public VfsFileSystem getFileSystem(URI uri) {
    String name = VfsUris.fsName(uri);
    VfsFileSystem fs = FILE_SYSTEMS.get(name);
    if (fs == null) {
      throw new FileSystemNotFoundException(uri.toString());
    }
    return fs;
  }

  @Override
  public Path getPath(URI uri) {
    String path = VfsUris.path(uri);
    return getFileSystem(uri).getPath(path);
  }

  private static VfsPath open(Path path) {
    VfsPath p = VfsPath.check(path);
    p.getFileSystem().checkOpen();
    return p;
  }

  private static String abs(VfsPath p) {
    return VfsFileChannel.abs(p);
  }

  private static Vfs vfs(VfsPath p) {
    return p.getFileSystem().vfs();
  }

  @Override
  public SeekableByteChannel newByteChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    return VfsFileChannel.open(open(path), options, attrs);
  }

  @Override
  public FileChannel newFileChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    return VfsFileChannel.open(open(path), options, attrs);
  }

  /**
   * Opens an asynchronous channel; {@code executor} is ignored (see {@link VfsAsyncFileChannel}).
   */
  @Override
  public AsynchronousFileChannel newAsynchronousFileChannel(
      Path path,
      Set<? extends OpenOption> options,
      @Nullable ExecutorService executor,
      FileAttribute<?>... attrs)
      throws IOException {
    return VfsAsyncFileChannel.open(open(path), options, attrs);
  }

  /** Opens a {@link java.nio.file.SecureDirectoryStream}; see {@link VfsDirectoryStream}. */
  @Override
  public DirectoryStream<Path> newDirectoryStream(
      Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
    return VfsDirectoryStream.open(open(dir), filter);
  }

  @Override
  public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
    VfsPath p = open(dir);
    VfsIo.join(vfs(p).createDirectory(abs(p), attrs));
  }

  /** Makes a symbolic link whose content is {@code target}'s string form, as given. */
  @Override
  public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs)
      throws IOException {
    VfsPath p = open(link);
    VfsPath t = VfsPath.check(target);
    VfsIo.join(vfs(p).createSymbolicLink(abs(p), t.toString(), attrs));
  }

  @Override
  public void createLink(Path link, Path existing) throws IOException {
    VfsPath p = open(link);
    VfsPath e = open(existing);
    VfsIo.join(vfs(p).createLink(abs(p), abs(e)));
  }

  @Override
  public void delete(Path path) throws IOException {
    VfsPath p = open(path);
    VfsIo.join(vfs(p).delete(abs(p)));
  }

  @Override
  public boolean deleteIfExists(Path path) throws IOException {
    VfsPath p = open(path);
    return VfsIo.join(vfs(p).deleteIfExists(abs(p)));
  }

  @Override
  public Path readSymbolicLink(Path link) throws IOException {
    VfsPath p = open(link);
    return p.getFileSystem().getPath(VfsIo.join(vfs(p).readSymbolicLink(abs(p))));
  }

  @Override
  public void copy(Path source, Path target, CopyOption... options) throws IOException {
    VfsPath s = open(source);
    VfsPath t = open(target);
    if (s.getFileSystem() != t.getFileSystem()) {
      VfsCrossCopy.copy(s, t, false, options);
      return;
    }
    VfsIo.join(vfs(s).copy(abs(s), abs(t), options));
  }

  @Override
  public void move(Path source, Path target, CopyOption... options) throws IOException {
    VfsPath s = open(source);
    VfsPath t = open(target);
    if (s.getFileSystem() != t.getFileSystem()) {
      VfsCrossCopy.copy(s, t, true, options);
      return;
    }
    VfsIo.join(vfs(s).move(abs(s), abs(t), options));
  }

  /**
   * Returns true if both name the same file: equal paths (even if missing), or paths whose file
   * keys are equal. Paths of other providers or other jvfs file systems are never the same.
   */
  @Override
  public boolean isSameFile(Path path, Path path2) throws IOException {
    VfsPath p = open(path);
    if (p.equals(path2)) {
      return true;
    }
    if (!(path2 instanceof VfsPath q) || q.getFileSystem() != p.getFileSystem()) {
      return false;
    }
    NodeAttributes a = VfsIo.join(vfs(p).stat(abs(p)));
    NodeAttributes b = VfsIo.join(vfs(q).stat(abs(q)));
    Object ka = a.fileKey();
    if (ka != null) {
      return ka.equals(b.fileKey());
    }
    return p.toRealPath().equals(q.toRealPath());
  }

  /** Returns true if the file name starts with a dot. */
  @Override
  public boolean isHidden(Path path) {
    VfsPath p = open(path);
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  @Override
  public FileStore getFileStore(Path path) throws IOException {
    return VfsFileStore.of(open(path));
  }

  /**
   * Checks that the file exists. Permissions are not enforced, except that {@code EXECUTE} on a
   * regular file needs some execute bit, as for the superuser.
   */
  @Override
  public void checkAccess(Path path, AccessMode... modes) throws IOException {
    VfsPath p = open(path);
    String abs = abs(p);
    LookupResult r = vfs(p).lookupNow(abs);
    NodeAttributes a = r.attributes();
    if (a == null) {
      if (modes.length == 0 && r.status() == LookupResult.Status.ABSENT) {
        // Files.exists's question on JDK 17 (it catches the exception): answered from the cache
        // where the cache tells which exception the lookup would give.
        IOException absent = VfsAbsence.cached(vfs(p), abs);
        if (absent != null) {
          throw absent;
        }
      }
      a = VfsIo.join(vfs(p).stat(abs));
    }
    for (AccessMode m : modes) {
      if (m == AccessMode.EXECUTE && !a.isDirectory()) {
        Set<PosixFilePermission> perms = a.permissions();
        if (perms != null
            && !perms.contains(PosixFilePermission.OWNER_EXECUTE)
            && !perms.contains(PosixFilePermission.GROUP_EXECUTE)
            && !perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
          throw new AccessDeniedException(p.toString());
        }
      }
    }
  }

  @Override
  public <V extends FileAttributeView> @Nullable V getFileAttributeView(
      Path path, Class<V> type, LinkOption... options) {
    return VfsAttributeViews.view(open(path), type, options);
  }

  /**
   * Reads the attributes: from the dentry cache when it holds them under the mount's coherence
   * policy ({@link Vfs#lookupNow}), else by a stat.
   */
  @Override
  public <A extends BasicFileAttributes> A readAttributes(
      Path path, Class<A> type, LinkOption... options) throws IOException {
    VfsPath p = open(path);
    String abs = abs(p);
    LookupResult r = options.length == 0 ? vfs(p).lookupNow(abs) : vfs(p).lookupNow(abs, options);
    NodeAttributes a = r.attributes();
    if (a != null) {
      A out = VfsAttributeViews.convert(p, a, type);
      if (out != null) {
        return out;
      }
    }
    return VfsAttributeViews.read(p, type, options);
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
      throws IOException {
    return VfsAttributeViews.readMap(open(path), attributes, options);
  }

  @Override
  public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
      throws IOException {
    VfsAttributeViews.set(open(path), attribute, value, options);
  }

  /**
   * Returns true if the path exists: answered from the dentry cache when it can ({@link
   * Vfs#lookupNow}), else by a lookup; never throws for an absent path. The JDK 20+ hook behind
   * {@code Files.exists}; declared without {@code @Override} so that it compiles on 17.
   */
  public boolean exists(Path path, LinkOption... options) {
    VfsPath p = open(path);
    LookupResult r = vfs(p).lookupNow(abs(p), options);
    if (r.status() == LookupResult.Status.MISS) {
      try {
        r = VfsIo.join(vfs(p).lookup(abs(p), options));
      } catch (IOException e) {
        return false;
      }
    }
    return r.isHit();
  }

  /**
   * Returns the attributes, or null if the path is absent: answered from the dentry cache when it
   * can. The JDK 20+ hook behind {@code Files.isDirectory} and friends; declared without
   * {@code @Override} so that it compiles on 17.
   *
   * @throws UnsupportedOperationException for an unsupported attributes class
   */
  public <A extends BasicFileAttributes> @Nullable A readAttributesIfExists(
      Path path, Class<A> type, LinkOption... options) throws IOException {
    VfsPath p = open(path);
    LookupResult r = vfs(p).lookupNow(abs(p), options);
    if (r.status() == LookupResult.Status.MISS) {
      r = VfsIo.join(vfs(p).lookup(abs(p), options));
    }
    NodeAttributes a = r.attributes();
    if (a == null) {
      return null;
    }
    A out = VfsAttributeViews.convert(p, a, type);
    if (out == null) {
      throw new UnsupportedOperationException("attributes class not supported: " + type);
    }
    return out;
  }
}
