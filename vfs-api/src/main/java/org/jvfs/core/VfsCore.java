package org.jvfs.core;

import java.io.IOException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.jvfs.CacheStats;
import org.jvfs.ChangeListener;
import org.jvfs.LookupResult;
import org.jvfs.MountInfo;
import org.jvfs.Saturation;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.NodeAttributes;

/**
 * The engine behind {@link org.jvfs.Vfs}: the mount table, the dentry cache, the walker, the bound
 * on operations in flight, and the lookups. File and tree operations live in {@link FileOps} and
 * {@link TreeOps}. Thread-safe.
 */
public final class VfsCore {

  /** The settings a {@link org.jvfs.Vfs.Builder} gathered. */
  public record Config(
      boolean caching,
      long maxDentries,
      long maxNegativeDentries,
      java.util.concurrent.Executor completionExecutor,
      @Nullable ExecutorService ownedExecutor,
      int maxInFlight,
      Saturation saturation,
      java.util.concurrent.Executor cacheMaintenanceExecutor) {}

  final DentryCache cache;

  /** Recent lookupNow answers by path, or null with caching off; see {@link FrontCache}. */
  final @Nullable FrontCache front;

  final MountTable mounts = new MountTable();
  final PathWalker walker;
  final Completer completer;
  final Set<VfsFile> openFiles = ConcurrentHashMap.newKeySet();
  final ChangeListeners changes = new ChangeListeners();
  private final Semaphore permits;
  private final Saturation saturation;
  private final @Nullable ExecutorService ownedExecutor;
  private final FileOps fileOps;
  private final TreeOps treeOps;
  private volatile boolean closed;

  /** Makes a core with no mounts yet; add them with {@link #mount} before use. */
  public VfsCore(Config config) {
    this(config, com.github.benmanes.caffeine.cache.Ticker.systemTicker());
  }

  /** Makes a core whose cache expiry reads time from {@code ticker}; tests pass a fake one. */
  VfsCore(Config config, com.github.benmanes.caffeine.cache.Ticker ticker) {
    this.cache =
        new DentryCache(
            config.caching(),
            config.maxDentries(),
            config.maxNegativeDentries(),
            ticker,
            config.cacheMaintenanceExecutor());
    this.front =
        config.caching()
            ? new FrontCache(frontSlots(config.maxDentries(), config.maxNegativeDentries()), ticker)
            : null;
    this.walker = new PathWalker(cache, mounts);
    this.completer = new Completer(config.completionExecutor());
    this.permits = new Semaphore(config.maxInFlight());
    this.saturation = config.saturation();
    this.ownedExecutor = config.ownedExecutor();
    this.fileOps = new FileOps(this);
    this.treeOps = new TreeOps(this);
  }

  /** The front cache's slots: one per cached entry, at least 64, at most 65,536. */
  static int frontSlots(long maxDentries, long maxNegativeDentries) {
    return (int) Math.max(64, Math.min(1 << 16, maxDentries + maxNegativeDentries));
  }

  /** Returns the file operations. */
  public FileOps files() {
    return fileOps;
  }

  /** Returns the tree operations. */
  public TreeOps tree() {
    return treeOps;
  }

  /**
   * Mounts a backend; only while the VFS is being built. Mount points below the root mount are made
   * as directories in the backend that holds them, if they are absent.
   */
  public void mount(String path, Backend backend, org.jvfs.CoherencePolicy policy)
      throws IOException {
    ParsedPath parsed = ParsedPath.parse(path);
    List<Name> names = new ArrayList<>();
    for (Name n : parsed.components()) {
      if (n == null) {
        throw new IllegalArgumentException("mount path must not contain ..: " + path);
      }
      names.add(n);
    }
    if (!names.isEmpty()) {
      try {
        treeOps.createDirectories(path, List.of()).join();
      } catch (java.util.concurrent.CompletionException e) {
        Throwable c = Errors.unwrap(e);
        throw c instanceof IOException io ? io : new IOException(c);
      }
    }
    if (policy.kind() == org.jvfs.CoherencePolicy.Kind.WATCH
        && !backend.capabilities().contains(org.jvfs.spi.Capability.WATCH)) {
      throw new IllegalArgumentException(
          "the WATCH policy needs a backend that can watch; " + backend + " cannot");
    }
    Mount mount = new Mount(parsed.isRoot() ? "/" : path, backend, policy, cache.newId());
    mounts.add(names, mount);
    if (policy.kind() == org.jvfs.CoherencePolicy.Kind.WATCH) {
      backend.watch(new MountInvalidations(cache, mount));
    }
  }

  /** Returns every mount's backend, the root's first. */
  public List<Backend> backends() {
    List<Backend> out = new ArrayList<>();
    for (Mount m : mounts.all()) {
      out.add(m.backend);
    }
    return out;
  }

  // ---- running operations ----

  /** Parses a path for an operation; too-long paths are refused later, as IO errors. */
  static ParsedPath parse(String path) {
    return ParsedPath.parse(path);
  }

  /**
   * Runs one user operation: checks the VFS is open, gives it a claim on the in-flight bound,
   * releases the claim when it ends, and hands its result over through the completer.
   */
  <T> CompletableFuture<T> run(Function<OpContext, CompletableFuture<T>> body) {
    if (closed) {
      return CompletableFuture.failedFuture(new ClosedFileSystemException());
    }
    OpContext ctx = new OpContext(permits, saturation);
    CompletableFuture<T> f;
    try {
      f = body.apply(ctx);
    } catch (Throwable t) {
      f = CompletableFuture.failedFuture(t);
    }
    if (f.isDone()) {
      ctx.release();
      return f;
    }
    f.whenComplete((v, e) -> ctx.release());
    return completer.deliver(f);
  }

  /** Walks a path, refusing paths and names longer than Linux allows. */
  CompletableFuture<Resolution> walk(ParsedPath path, boolean follow, OpContext ctx) {
    if (path.isTooLong()) {
      return CompletableFuture.failedFuture(Errors.of(Errno.ENAMETOOLONG, path.toString()));
    }
    return walker.walk(path, follow, ctx);
  }

  /** Walks a path and fails with NoSuchFileException if its last component is absent. */
  CompletableFuture<Dentry> existing(ParsedPath path, boolean follow, OpContext ctx) {
    return walk(path, follow, ctx)
        .thenApply(
            r -> {
              if (r.entry() == null) {
                throw new java.util.concurrent.CompletionException(
                    new NoSuchFileException(path.toString()));
              }
              return r.entry();
            });
  }

  /** Returns a node's attributes from the cache, or loads them. */
  CompletableFuture<NodeAttributes> attributes(Dentry d, OpContext ctx, String path) {
    NodeAttributes cached = cache.peekAttributes(d.mount, d.node);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    long epoch = cache.attributeEpoch();
    ctx.acquire();
    return Futures.of(() -> d.mount.backend.attributes(d.node))
        .handle(
            (a, e) -> {
              if (e != null) {
                throw new java.util.concurrent.CompletionException(Errors.translate(e, path));
              }
              cache.putAttributes(d.mount, d.node, a, epoch);
              return a;
            });
  }

  // ---- lookups ----

  /**
   * Answers from the cache alone: HIT, ABSENT or MISS. Never does IO, never waits for a load.
   *
   * <p>A path answered before is answered from the {@link FrontCache} if every cached value the
   * answer rests on still holds: no parse, no walk, no lock, no allocation. Otherwise the path is
   * walked through the dentry cache, and a HIT or ABSENT is offered to the front cache with what it
   * rests on.
   *
   * @throws ClosedFileSystemException if the VFS is closed
   */
  public LookupResult lookupNow(String path, boolean follow) {
    FrontCache f = front;
    if (f != null) {
      LookupResult r = f.get(java.util.Objects.requireNonNull(path, "path"), follow);
      if (r != null) {
        if (closed) {
          throw new ClosedFileSystemException();
        }
        return r;
      }
    }
    ParsedPath parsed = parse(path);
    if (closed) {
      throw new ClosedFileSystemException();
    }
    if (parsed.isTooLong()) {
      return LookupResult.absent();
    }
    Footprint footprint = f == null ? null : new Footprint();
    LookupResult r = walkNow(parsed, follow, footprint);
    if (f != null && footprint != null && r.status() != LookupResult.Status.MISS) {
      f.offer(path, follow, r, footprint);
    }
    return r;
  }

  /** The nonblocking walk behind {@link #lookupNow}, recording what it read in the footprint. */
  private LookupResult walkNow(ParsedPath parsed, boolean follow, @Nullable Footprint footprint) {
    Resolution r;
    try {
      r = walker.walkNow(parsed, follow, footprint).join();
    } catch (java.util.concurrent.CompletionException e) {
      return Errors.unwrap(e) instanceof FileSystemLoopException
          ? LookupResult.miss()
          : LookupResult.absent();
    }
    if (r == Resolution.MISS) {
      return LookupResult.miss();
    }
    if (r == Resolution.ABSENT_ON_THE_WAY) {
      return LookupResult.absent();
    }
    Dentry d = r.entry();
    if (d == null) {
      return LookupResult.absent();
    }
    NodeAttributes a = cache.peekAttributes(d.mount, d.node, footprint);
    return a == null ? LookupResult.miss() : LookupResult.hit(a);
  }

  /** Looks a path up: HIT with attributes, or ABSENT (also when a component is not a directory). */
  public CompletableFuture<LookupResult> lookup(String path, boolean follow) {
    ParsedPath parsed = parse(path);
    return run(
        ctx ->
            walk(parsed, follow, ctx)
                .thenCompose(
                    r ->
                        r.entry() == null
                            ? CompletableFuture.completedFuture(LookupResult.absent())
                            : attributes(r.entry(), ctx, path).thenApply(LookupResult::hit))
                .exceptionally(
                    e -> {
                      Throwable c = Errors.unwrap(e);
                      if (c instanceof NoSuchFileException
                          || (c instanceof FileSystemException fse
                              && Errno.ENOTDIR.reason().equals(fse.getReason()))) {
                        return LookupResult.absent();
                      }
                      throw new java.util.concurrent.CompletionException(c);
                    }));
  }

  /** Returns a path's attributes; fails with NoSuchFileException if it is absent. */
  public CompletableFuture<NodeAttributes> stat(String path, boolean follow) {
    ParsedPath parsed = parse(path);
    return run(ctx -> existing(parsed, follow, ctx).thenCompose(d -> attributes(d, ctx, path)));
  }

  /** Returns the mount holding {@code path} (after following links); fails if it is absent. */
  /** Returns every mount, the root's first. Never blocks. */
  public List<MountInfo> mounts() {
    List<MountInfo> out = new ArrayList<>();
    for (Mount m : mounts.all()) {
      out.add(new MountInfo(m.path, m.capabilities));
    }
    return out;
  }

  public CompletableFuture<MountInfo> mountOf(String path) {
    ParsedPath parsed = parse(path);
    return run(
        ctx ->
            existing(parsed, true, ctx)
                .thenApply(d -> new MountInfo(d.mount.path, d.mount.capabilities)));
  }

  // ---- change listeners ----

  /**
   * Adds a listener told of every change made through this VFS, after the backend succeeded. See
   * {@link ChangeListener}.
   */
  public void addChangeListener(ChangeListener listener) {
    changes.add(java.util.Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added by {@link #addChangeListener}; unknown listeners are ignored. */
  public void removeChangeListener(ChangeListener listener) {
    changes.remove(java.util.Objects.requireNonNull(listener, "listener"));
  }

  // ---- lifecycle and diagnostics ----

  /** Returns true until {@link #close()}. */
  public boolean isOpen() {
    return !closed;
  }

  /** Returns the cache's counters. */
  public CacheStats stats() {
    return cache.stats();
  }

  /** Returns the number of files open through this VFS. */
  public int openFileCount() {
    return openFiles.size();
  }

  /** Returns the number of delivered futures not yet complete. */
  public int pendingCount() {
    return completer.pendingCount();
  }

  /** Checks the cache against the backends; see {@link CacheVerifier}. */
  public List<String> verifyCache() {
    return new CacheVerifier(cache, mounts).verify();
  }

  /**
   * Closes the VFS: completes pending futures with ClosedFileSystemException, closes open files and
   * the backends, and stops an owned executor. Idempotent.
   */
  public void close() {
    if (closed) {
      return;
    }
    // Fail the pending futures first: once closed is set, in-flight operations fail with
    // ClosedChannelException and the like, which must not reach callers before the
    // ClosedFileSystemException that close() promises.
    completer.close();
    closed = true;
    for (VfsFile f : openFiles) {
      f.closeQuietly();
    }
    openFiles.clear();
    for (Mount m : mounts.all()) {
      try {
        m.backend.close();
      } catch (RuntimeException e) {
        // Closing must go on for the other backends; the error has nowhere to go.
      }
    }
    cache.clear();
    if (front != null) {
      front.clear();
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }
}
