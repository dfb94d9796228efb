package org.jvfs;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.CopyOption;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.jvfs.core.VfsCore;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.StoreInfo;

/**
 * A virtual file system: backends mounted at paths, a dentry cache in front of them, and
 * asynchronous operations on absolute paths.
 *
 * <p>Paths are strings as {@code java.nio} parses them on Linux: {@code /} separates names,
 * repeated and trailing slashes collapse, {@code .} is dropped, {@code ..} is resolved against the
 * physical tree after symbolic links and never climbs above the root of the mount it is in. There
 * is no working directory: a relative path is taken from the root.
 *
 * <p>Every operation returns a {@link CompletableFuture}. IO failures fail the future with the
 * exception the JDK's own provider throws for the same call ({@link
 * java.nio.file.NoSuchFileException}, {@link java.nio.file.FileAlreadyExistsException}, ...), with
 * the caller's path; after {@link #close()} with {@link ClosedFileSystemException}. Bad arguments
 * are thrown at once: {@link NullPointerException}, {@link java.nio.file.InvalidPathException} for
 * a NUL character, {@link IllegalArgumentException} or {@link UnsupportedOperationException} for
 * bad options. A future whose answer is in the cache is returned already complete, with no thread
 * hop; others complete on the completion executor.
 *
 * <p>Thread-safe.
 */
public final class Vfs implements AutoCloseable {
  private final VfsCore core;

  private Vfs(VfsCore core) {
    this.core = core;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a VFS over one fresh in-memory backend, with default settings. */
  public static Vfs inMemory() {
    try {
      return builder().mount("/", MemoryBackend.create()).build();
    } catch (IOException e) {
      throw new AssertionError("an empty memory backend cannot fail", e);
    }
  }

  private static boolean follow(LinkOption... options) {
    for (LinkOption o : options) {
      if (checkNotNull(o, "option") == LinkOption.NOFOLLOW_LINKS) {
        return false;
      }
    }
    return true;
  }

  /**
   * Answers from the dentry cache alone, never blocking: HIT with the attributes, ABSENT, or MISS
   * when the cache cannot tell (including while a load of that path is in flight). Makes no backend
   * call.
   *
   * @throws ClosedFileSystemException if this VFS is closed
   */
  public LookupResult lookupNow(String path, LinkOption... options) {
    return core.lookupNow(path, follow(options));
  }

  /**
   * Answers as {@link #lookupNow(String, LinkOption...)} with no options (a final symbolic link is
   * followed), without the empty options array a varargs call allocates. A path answered before
   * whose cached answer still holds costs a probe of a table keyed by the path string, and
   * allocates nothing.
   *
   * @throws ClosedFileSystemException if this VFS is closed
   */
  public LookupResult lookupNow(String path) {
    return core.lookupNow(path, true);
  }

  /**
   * Looks a path up: HIT with the attributes, or ABSENT (also when a component on the way is not a
   * directory). Complete at once when the whole path is cached.
   */
  public CompletableFuture<LookupResult> lookup(String path, LinkOption... options) {
    return core.lookup(path, follow(options));
  }

  /** Returns a path's attributes; fails with NoSuchFileException if it is absent. */
  public CompletableFuture<NodeAttributes> stat(String path, LinkOption... options) {
    return core.stat(path, follow(options));
  }

  /**
   * Opens a file with {@link java.nio.file.StandardOpenOption}s (none means READ) and {@link
   * LinkOption#NOFOLLOW_LINKS}; the only initial attribute is {@code posix:permissions}.
   */
  public CompletableFuture<AsyncFile> open(
      String path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) {
    return core.files().open(path, options, attrs);
  }

  /** Opens a file; see {@link #open(String, Set, FileAttribute[])}. */
  public CompletableFuture<AsyncFile> open(String path, OpenOption... options) {
    return core.files().open(path, Set.of(options));
  }

  /** Reads a whole file. Reading a directory fails with "Is a directory". */
  public CompletableFuture<byte[]> readAllBytes(String path) {
    return core.files().readAllBytes(path);
  }

  /**
   * Writes bytes to a file (the array is copied at once). With no options, as {@code Files.write}:
   * create or truncate.
   */
  public CompletableFuture<Void> write(String path, byte[] bytes, OpenOption... options) {
    checkNotNull(bytes, "bytes");
    return core.files().write(path, bytes, options);
  }

  /** Lists a directory's names, sorted by their UTF-8 bytes. */
  public CompletableFuture<List<String>> list(String path) {
    return core.tree().list(path);
  }

  /** Makes a directory; its parent must exist. */
  public CompletableFuture<Void> createDirectory(String path, FileAttribute<?>... attrs) {
    return core.tree().createDirectory(path, attrs);
  }

  /** Makes a directory and any missing parents; succeeds if it already is a directory. */
  public CompletableFuture<Void> createDirectories(String path, FileAttribute<?>... attrs) {
    return core.tree().createDirectories(path, List.of(attrs));
  }

  /** Deletes a file, a link or an empty directory. */
  public CompletableFuture<Void> delete(String path) {
    return core.tree().delete(path);
  }

  /** Deletes if present; completes with true if something was deleted. */
  public CompletableFuture<Boolean> deleteIfExists(String path) {
    return core.tree().deleteIfExists(path);
  }

  /** Moves or renames, as {@code Files.move}. */
  public CompletableFuture<Void> move(String source, String target, CopyOption... options) {
    return core.tree().move(source, target, options);
  }

  /** Copies, as {@code Files.copy} (a directory is copied empty). */
  public CompletableFuture<Void> copy(String source, String target, CopyOption... options) {
    return core.tree().copy(source, target, options);
  }

  /** Makes a symbolic link; the target is stored as given. */
  public CompletableFuture<Void> createSymbolicLink(
      String link, String target, FileAttribute<?>... attrs) {
    return core.tree().createSymbolicLink(link, target, attrs);
  }

  /** Makes a hard link {@code link} to {@code existing}. */
  public CompletableFuture<Void> createLink(String link, String existing) {
    return core.tree().createLink(link, existing);
  }

  /** Reads a symbolic link's target; fails with NotLinkException if it is not a link. */
  public CompletableFuture<String> readSymbolicLink(String link) {
    return core.tree().readSymbolicLink(link);
  }

  /** Sets times, following links; a null time is left unchanged. */
  public CompletableFuture<Void> setTimes(
      String path,
      @Nullable FileTime lastModified,
      @Nullable FileTime lastAccess,
      @Nullable FileTime creation,
      LinkOption... options) {
    return core.tree().setTimes(path, lastModified, lastAccess, creation, follow(options));
  }

  /** Sets POSIX permissions, following links. */
  public CompletableFuture<Void> setPermissions(String path, Set<PosixFilePermission> perms) {
    return core.tree().setPermissions(path, perms);
  }

  /** Returns the space figures of the store holding {@code path}. */
  public CompletableFuture<StoreInfo> storeInfo(String path) {
    return core.tree().storeInfo(path);
  }

  /** Returns every mount, the root mount first. Never blocks. */
  public List<MountInfo> mounts() {
    return core.mounts();
  }

  /**
   * Returns the mount holding {@code path} (after following links): its mount point and its
   * backend's capabilities. Fails with NoSuchFileException if the path is absent.
   */
  public CompletableFuture<MountInfo> mountOf(String path) {
    return core.mountOf(path);
  }

  /**
   * Adds a listener told, after the backend succeeded, of every entry created, deleted or modified
   * through this VFS. Costs nothing measurable while no listener is registered. See {@link
   * ChangeListener} for the paths reported and the threads listeners run on.
   */
  public void addChangeListener(ChangeListener listener) {
    core.addChangeListener(listener);
  }

  /** Removes a listener; an unknown one is ignored. */
  public void removeChangeListener(ChangeListener listener) {
    core.removeChangeListener(listener);
  }

  /** Returns the dentry cache's counters. Never blocks. */
  public CacheStats cacheStats() {
    return core.stats();
  }

  /** Returns how many files opened through this VFS are still open. */
  public int openFileCount() {
    return core.openFileCount();
  }

  /** Returns how many futures this VFS handed out are not yet complete. */
  public int pendingOperations() {
    return core.pendingCount();
  }

  /**
   * Checks that the cache agrees with the backends of mounts under the PRIVATE policy, and returns
   * the disagreements (empty if none). Does blocking IO; meant for tests and diagnostics.
   */
  public List<String> verifyCache() {
    return core.verifyCache();
  }

  /** Returns true until {@link #close()}. */
  public boolean isOpen() {
    return core.isOpen();
  }

  /**
   * Closes the VFS: every pending future completes with {@link ClosedFileSystemException}, open
   * files are closed, backends are closed. Idempotent.
   */
  @Override
  public void close() {
    core.close();
  }

  /** Builds a {@link Vfs}. Not thread-safe. */
  public static final class Builder {
    /** Default bound of positive dentries. */
    public static final long DEFAULT_MAX_DENTRIES = 100_000;

    /** Default bound of negative dentries. */
    public static final long DEFAULT_MAX_NEGATIVE_DENTRIES = 10_000;

    /** Default bound of operations in flight. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 1024;

    private record MountSpec(Backend backend, CoherencePolicy policy) {}

    private final Map<String, MountSpec> mounts = new LinkedHashMap<>();
    private boolean caching = true;
    private long maxDentries = DEFAULT_MAX_DENTRIES;
    private long maxNegative = DEFAULT_MAX_NEGATIVE_DENTRIES;
    private @Nullable Executor executor;
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
    private Saturation saturation = Saturation.FAIL;
    private Executor cacheMaintenance = ForkJoinPool.commonPool();

    private Builder() {}

    /**
     * Mounts a backend at an absolute path under its default coherence policy: {@link
     * CoherencePolicy#watch()} for a backend that declares {@link org.jvfs.spi.Capability#WATCH} (a
     * posix mount: changes by other processes are seen within the inotify delivery delay), else
     * {@link CoherencePolicy#PRIVATE}.
     */
    public Builder mount(String path, Backend backend) {
      checkNotNull(backend, "backend");
      return mount(
          path,
          backend,
          backend.capabilities().contains(org.jvfs.spi.Capability.WATCH)
              ? CoherencePolicy.watch()
              : CoherencePolicy.PRIVATE);
    }

    /**
     * Mounts a backend at an absolute path. The VFS owns the backend and closes it. Without a mount
     * at {@code /}, an empty in-memory root is made; mount points are made as directories.
     *
     * @throws IllegalArgumentException if the path is not absolute or already has a mount
     */
    public Builder mount(String path, Backend backend, CoherencePolicy policy) {
      checkNotNull(path, "path");
      checkNotNull(backend, "backend");
      checkNotNull(policy, "policy");
      checkArgument(path.startsWith("/"), "mount path (%s) must be absolute", path);
      String key = normalize(path);
      checkArgument(!mounts.containsKey(key), "a backend is already mounted at %s", key);
      mounts.put(key, new MountSpec(backend, policy));
      return this;
    }

    private static String normalize(String path) {
      String p = path.replaceAll("/+", "/");
      return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** Turns the dentry cache on (the default) or off; off, every lookup goes to the backend. */
    public Builder caching(boolean enabled) {
      this.caching = enabled;
      return this;
    }

    /**
     * Bounds the positive dentries (and attribute snapshots).
     *
     * @throws IllegalArgumentException if {@code max} is not positive
     */
    public Builder maximumDentries(long max) {
      checkArgument(max > 0, "maximumDentries (%s) must be positive", max);
      this.maxDentries = max;
      return this;
    }

    /**
     * Bounds the negative dentries, separately from the positive ones. A name found absent once
     * waits in a probation a quarter this size (at least 16 entries), and joins the negative
     * dentries bounded here only when it is looked up again: a flood of lookups of names that are
     * each looked up once churns the probation and leaves the names looked up often in place.
     *
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public Builder maximumNegativeDentries(long max) {
      checkArgument(max >= 0, "maximumNegativeDentries (%s) must not be negative", max);
      this.maxNegative = max;
      return this;
    }

    /**
     * Sets the executor on which futures that waited for IO complete. The default is a cached pool
     * of daemon threads owned by the VFS, safe for callers that chain blocking work.
     */
    public Builder completionExecutor(Executor executor) {
      this.executor = checkNotNull(executor, "executor");
      return this;
    }

    /**
     * Completes futures on the thread that finished the IO, for callers that own an event loop and
     * chain only nonblocking work.
     */
    public Builder directCompletion() {
      this.executor = Runnable::run;
      return this;
    }

    /**
     * Bounds the operations in flight that need a backend (default {@value
     * #DEFAULT_MAX_IN_FLIGHT}); see {@link #whenSaturated} for what happens beyond it.
     *
     * @throws IllegalArgumentException if {@code max} is not positive
     */
    public Builder maxInFlight(int max) {
      checkArgument(max > 0, "maxInFlight (%s) must be positive", max);
      this.maxInFlight = max;
      return this;
    }

    /**
     * Sets the executor on which the dentry cache does its maintenance: evicting entries beyond the
     * bounds, dropping expired ones, and the bookkeeping of removals. The default is {@link
     * ForkJoinPool#commonPool()}, as Caffeine's. It must not run tasks on the calling thread (such
     * as {@code Runnable::run}): maintenance would then run on whichever caller triggered it,
     * including an event loop's {@link Vfs#lookupNow}. Give one of your own where the common pool
     * is kept for other work; the VFS does not shut it down.
     */
    public Builder cacheMaintenanceExecutor(Executor executor) {
      this.cacheMaintenance = checkNotNull(executor, "executor");
      return this;
    }

    /**
     * Sets what an operation that needs a backend does beyond the in-flight bound. The default,
     * {@link Saturation#FAIL}, fails its future at once with {@link
     * java.util.concurrent.RejectedExecutionException} and never parks a caller; {@link
     * Saturation#WAIT} blocks the calling thread until a slot frees, for callers that may block.
     * Operations answered from the cache never count against the bound.
     */
    public Builder whenSaturated(Saturation saturation) {
      this.saturation = checkNotNull(saturation, "saturation");
      return this;
    }

    /**
     * Builds the VFS, making missing mount-point directories.
     *
     * @throws IOException if a mount point cannot be made
     */
    public Vfs build() throws IOException {
      ExecutorService owned = null;
      Executor exec = executor;
      if (exec == null) {
        owned = Executors.newCachedThreadPool(daemonThreads());
        exec = owned;
      }
      VfsCore core =
          new VfsCore(
              new VfsCore.Config(
                  caching,
                  maxDentries,
                  maxNegative,
                  exec,
                  owned,
                  maxInFlight,
                  saturation,
                  cacheMaintenance));
      MountSpec root = mounts.get("/");
      core.mount(
          "/",
          root != null ? root.backend : MemoryBackend.create(),
          root != null ? root.policy : CoherencePolicy.PRIVATE);
      List<String> paths = mounts.keySet().stream().filter(p -> !p.equals("/")).sorted().toList();
      try {
        for (String p : paths) {
          MountSpec m = mounts.get(p);
          core.mount(p, m.backend, m.policy);
        }
      } catch (IOException | RuntimeException e) {
        core.close();
        throw e;
      }
      return new Vfs(core);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
      AtomicInteger n = new AtomicInteger();
      return r -> {
        Thread t = new Thread(r, "jvfs-completion-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
    }
  }
}
