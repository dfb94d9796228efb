package org.jvfs.posix;

import static org.jvfs.posix.ffi.Linux.AT_EMPTY_PATH;
import static org.jvfs.posix.ffi.Linux.AT_SYMLINK_NOFOLLOW;
import static org.jvfs.posix.ffi.Linux.O_CLOEXEC;
import static org.jvfs.posix.ffi.Linux.O_DIRECTORY;
import static org.jvfs.posix.ffi.Linux.O_PATH;
import static org.jvfs.posix.ffi.Linux.O_RDONLY;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.jvfs.posix.ffi.Dirent64;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Capability;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Invalidations;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.NodeKind;
import org.jvfs.spi.OpenFlags;
import org.jvfs.spi.Probe;
import org.jvfs.spi.StoreInfo;

/**
 * A backend over a real directory: every operation is a POSIX {@code *at} syscall relative to a
 * directory descriptor, confined to the root directory, run on a bounded pool of IO threads.
 *
 * <h2>Implementation notes</h2>
 *
 * <ul>
 *   <li>Nodes ({@link PosixNode}) are the file's (dev, ino) for equality plus its physical path
 *       from the root. Opens (of files, whole-file reads, the probe) resolve the whole path with
 *       one confined {@code openat2} from the root (see {@link Resolver}). Any other operation on
 *       entry {@code name} of directory {@code d} opens a descriptor of {@code d} from the root,
 *       confined (under the WALK fallback component by component), calls the syscall on the single
 *       name and closes the descriptor again, never following a final link ({@code
 *       AT_SYMLINK_NOFOLLOW}, {@code O_NOFOLLOW}, {@code fchmodat2} or an O_PATH descriptor). No
 *       path with more than one component is ever resolved outside the {@link Resolver}.
 *   <li>The root is opened once ({@code O_PATH}); its descriptor is never closed before the backend
 *       is.
 *   <li>No descriptor is kept beyond the call that opened it, but the root's and those of files the
 *       caller opened: a kept descriptor follows its file or directory wherever another process
 *       moves it, out of the root too, and checking that it still lies beneath the root costs as
 *       much as opening it again. An open file's descriptor is an {@link FdRef}: closing the file
 *       during a syscall on it closes the descriptor after the syscall.
 *   <li>The probe ({@link PosixOptions#probe()}, on by default): a whole-file read, lookup or plain
 *       open called on one of the IO threads runs there at once; called on another thread, it goes
 *       to an idle IO thread if there is one, else it is tried on the caller's thread with {@code
 *       openat2(RESOLVE_CACHED)} and {@code preadv2(RWF_NOWAIT)}, and EAGAIN sends it to the pool.
 *   <li>With a watch sink, every directory is watched before the syscall that looks into it.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class PosixBackend implements Backend {
  private static final int STATX_MASK = Linux.STATX_BASIC_STATS | Linux.STATX_BTIME;
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] DOT = {'.'};

  /** The largest array a whole-file read fills, as {@code Files.readAllBytes} allows. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * The open flags of a whole-file read: O_NONBLOCK so that a FIFO that took a regular file's place
   * fails (as not regular) instead of holding the thread until a writer comes; it changes nothing
   * for a regular file.
   */
  private static final int READ_FILE_FLAGS = O_RDONLY | Linux.O_NONBLOCK;

  /** One call in this many goes to an idle IO thread even when none is in the pool. */
  static final int SPREAD_EVERY = 64;

  /** The largest file a whole-file read tries on the caller's thread (with the probe on). */
  static final int INLINE_READ_MAX = 256 * 1024;

  private final PosixNative nat = PosixNative.get();
  private final PosixOptions options;
  private final int rootFd;
  private final PosixNode rootNode;
  private final Resolver resolver;
  private final FdCounter counter = new FdCounter();

  /** Counts calls the probe could answer on a caller's thread: see {@link #handOff}. */
  private final java.util.concurrent.atomic.AtomicInteger spread =
      new java.util.concurrent.atomic.AtomicInteger();

  private final IoPool pool;
  private final Set<PosixFile> openFiles = ConcurrentHashMap.newKeySet();
  private final Set<Capability> capabilities;
  private volatile @Nullable InotifyWatcher watcher;
  private volatile boolean closed;

  private PosixBackend(PosixOptions options) throws IOException {
    this.options = options;
    byte[] root = options.root().toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8);
    int fd = nat.openat(Linux.AT_FDCWD, root, O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
    if (fd < 0) {
      throw new IOException(
          "cannot open the root " + options.root() + ": " + PosixErrors.of(fd).getMessage());
    }
    this.rootFd = fd;
    try {
      this.resolver = new Resolver(fd, Resolver.choose(fd, options.resolveMode()));
      Statx s = new Statx();
      PosixErrors.check(nat.statx(fd, EMPTY, AT_EMPTY_PATH, STATX_MASK, s));
      this.rootNode = new PosixNode(s.dev, s.ino, EMPTY);
    } catch (BackendException e) {
      nat.close(fd);
      throw new IOException("cannot use the root " + options.root() + ": " + e.getMessage(), e);
    }
    this.pool = new IoPool(options.ioThreads(), options.queueCapacity());
    EnumSet<Capability> caps =
        EnumSet.of(
            Capability.SYMBOLIC_LINKS,
            Capability.HARD_LINKS,
            Capability.POSIX_PERMISSIONS,
            Capability.OWNERS,
            Capability.SET_TIMES);
    if (options.probe() && resolver.mode() == ResolveMode.OPENAT2) {
      caps.add(Capability.NONBLOCKING_PROBE);
    }
    if (options.watch()) {
      caps.add(Capability.WATCH);
    }
    this.capabilities = Set.copyOf(caps);
  }

  /**
   * Opens a backend confined to {@code options.root()}.
   *
   * @throws IOException if the root cannot be opened, or openat2 is forced and the kernel lacks it
   */
  public static PosixBackend open(PosixOptions options) throws IOException {
    return new PosixBackend(options);
  }

  /** Returns how resolution is confined in this backend. */
  public ResolveMode resolveMode() {
    return resolver.mode();
  }

  /** Returns the descriptors this backend holds now, besides its root: for leak checks. */
  public int heldDescriptors() {
    return counter.open();
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public Node root() {
    return rootNode;
  }

  @Override
  public String toString() {
    return "PosixBackend[" + options.root() + ", " + resolver.mode() + "]";
  }

  // ---- plumbing ----

  private static PosixNode node(Node n) {
    if (n instanceof PosixNode p) {
      return p;
    }
    throw new IllegalArgumentException("not a node of this backend: " + n);
  }

  private interface DirTask<T> {
    T run(int dirFd) throws Exception;
  }

  /**
   * Runs {@code task} with a descriptor of the directory at {@code path}, opened for it from the
   * root ({@link Resolver#openDirectory}) and closed after it.
   */
  private <T> T inDir(byte[] path, DirTask<T> task) throws Exception {
    if (path.length == 0) {
      return task.run(rootFd);
    }
    int fd = resolver.openDirectory(path);
    try {
      return task.run(fd);
    } finally {
      nat.close(fd);
    }
  }

  /** Runs {@code task} in directory {@code dir}, watching it first if a sink is set. */
  private <T> T inWatchedDir(PosixNode dir, DirTask<T> task) throws Exception {
    return inDir(
        dir.path,
        fd -> {
          InotifyWatcher w = watcher;
          if (w != null) {
            w.ensureWatched(dir, fd);
          }
          return task.run(fd);
        });
  }

  /**
   * Opens {@code name} in the directory {@code d}, confined, never following a final symbolic link
   * ({@link Resolver#openName} flags). Under {@link ResolveMode#OPENAT2} this is one {@code
   * openat2} of the whole path from the root: the kernel resolves a path of a few components from
   * the root as fast as one name from a held descriptor. Under {@link ResolveMode#WALK}, an {@code
   * openat} of the name from the directory's descriptor, walked to from the root.
   *
   * @param cachedOnly fail with EAGAIN rather than block on the resolution (OPENAT2 only)
   * @return the descriptor, or -errno
   * @throws BackendException if the directory's descriptor cannot be had (WALK)
   */
  private int openChild(PosixNode d, Name name, int flags, int mode, boolean cachedOnly)
      throws Exception {
    if (resolver.mode() == ResolveMode.OPENAT2) {
      return resolver.openPath(d.path, name.bytes(), flags, mode, cachedOnly);
    }
    if (cachedOnly) {
      return -Linux.EAGAIN;
    }
    return inDir(d.path, fd -> resolver.openName(fd, name.bytes(), flags, mode, false));
  }

  /**
   * Makes sure that the watcher, if one runs, watches {@code d} before an operation in it; opens
   * the directory's descriptor for that only the first time.
   */
  private void watch(PosixNode d) throws Exception {
    InotifyWatcher w = watcher;
    if (w != null && !w.isWatched(d)) {
      inDir(
          d.path,
          fd -> {
            w.ensureWatched(d, fd);
            return null;
          });
    }
  }

  /**
   * The probe's {@link #watch}: true if {@code d} is watched or nothing watches, false if watching
   * it would take a syscall that may block (the operation then goes to the pool).
   */
  private boolean watchedNow(PosixNode d) {
    InotifyWatcher w = watcher;
    if (w == null || w.isWatched(d)) {
      return true;
    }
    if (d.isRoot()) {
      w.ensureWatched(d, rootFd);
      return true;
    }
    return false;
  }

  /**
   * Decides, for a call the probe could answer on a thread that is not one of the IO threads,
   * whether to hand it to an idle IO thread instead. Yes while other calls are in the pool (the
   * caller has several in flight: an idle IO thread means an idle core to run this one on); and,
   * with none in the pool, for one call in {@value #SPREAD_EVERY}, so that a caller that completes
   * directly and issues its next call from the completion (an event loop's lanes) moves some lanes
   * onto IO threads, where they go on without a hand-off. Otherwise the call runs on the caller's
   * thread: a caller that waits for each result (a blocking {@code Files.readAllBytes} through the
   * java.nio provider) would only wait for two thread wake-ups.
   */
  private boolean handOff() {
    if (!pool.hasIdleThread()) {
      return false;
    }
    return pool.pending() > 0 || spread.incrementAndGet() % SPREAD_EVERY == 0;
  }

  /**
   * Makes sure {@code d} is watched (where a watcher runs) before a call runs on this thread: on an
   * IO thread ({@code here}) by watching it, which may block; elsewhere only if that takes no
   * syscall. False if the call must go to the pool instead.
   */
  private boolean watchedFor(PosixNode d, boolean here) {
    if (!here) {
      return watchedNow(d);
    }
    try {
      watch(d);
      return true;
    } catch (Exception e) {
      return false; // the pool's attempt reports the failure
    }
  }

  private <T> CompletableFuture<T> io(IoPool.Task<T> task) {
    if (closed) {
      return CompletableFuture.failedFuture(new ClosedFileSystemException());
    }
    return pool.submit(task);
  }

  private NodeInfo info(int fd, byte[] name, Statx s, byte[] path) throws BackendException {
    NodeAttributes a = StatxAttributes.of(s);
    String target = a.isSymbolicLink() ? readLink(fd, name) : null;
    return new NodeInfo(new PosixNode(s.dev, s.ino, path), a, target);
  }

  /** statx of {@code name} in {@code dirFd}: its info, or null if absent. */
  private @Nullable NodeInfo stat(int dirFd, PosixNode dir, Name name) throws BackendException {
    Statx s = new Statx();
    int r = nat.statx(dirFd, name.bytes(), AT_SYMLINK_NOFOLLOW, STATX_MASK, s);
    if (r == -Linux.ENOENT) {
      return null;
    }
    PosixErrors.check(r);
    return info(dirFd, name.bytes(), s, dir.child(name));
  }

  private NodeInfo statExisting(int dirFd, PosixNode dir, Name name) throws BackendException {
    NodeInfo info = stat(dirFd, dir, name);
    if (info == null) {
      throw new BackendException(Errno.ENOENT);
    }
    return info;
  }

  private String readLink(int dirFd, byte[] name) throws BackendException {
    byte[] buf = new byte[Linux.PATH_MAX];
    int n = PosixErrors.check(nat.readlinkat(dirFd, name, buf));
    return new String(buf, 0, n, StandardCharsets.UTF_8);
  }

  // ---- lookups ----

  @Override
  public CompletionStage<@Nullable NodeInfo> lookup(Node dir, Name name) {
    PosixNode d = node(dir);
    return io(() -> inWatchedDir(d, fd -> stat(fd, d, name)));
  }

  /**
   * Answers on the caller's thread: {@code openat2(O_PATH)} of the path from the root, then {@code
   * statx} of the new descriptor. On another thread than the backend's IO threads, only while none
   * of them is idle (an idle one takes the lookup instead, which spreads concurrent lookups over
   * the cores), only with {@code RESOLVE_CACHED} and only in a watched directory: unknown where
   * that would block. On an IO thread (a caller completing directly goes on from there) the lookup
   * runs in full, as it would as a task.
   */
  @Override
  public Probe probeLookup(Node dir, Name name) {
    if (closed || !capabilities.contains(Capability.NONBLOCKING_PROBE)) {
      return Probe.unknown();
    }
    PosixNode d = node(dir);
    boolean here = pool.onIoThread();
    if ((!here && handOff()) || !watchedFor(d, here)) {
      return Probe.unknown(); // an idle IO thread takes the lookup: see readFile
    }
    // On an IO thread the resolution may block: it is where the lookup would run anyway.
    int fd = resolver.openPath(d.path, name.bytes(), O_PATH, 0, !here);
    if (fd == -Linux.ENOENT) {
      return Probe.absent();
    }
    if (fd < 0) {
      return Probe.unknown();
    }
    try {
      Statx s = new Statx();
      if (nat.statx(fd, EMPTY, AT_EMPTY_PATH, STATX_MASK, s) < 0) {
        return Probe.unknown();
      }
      NodeAttributes a = StatxAttributes.of(s);
      String target = a.isSymbolicLink() ? readLink(fd, EMPTY) : null;
      return Probe.found(new NodeInfo(new PosixNode(s.dev, s.ino, d.child(name)), a, target));
    } catch (BackendException e) {
      return Probe.unknown();
    } finally {
      nat.close(fd);
    }
  }

  @Override
  public CompletionStage<NodeAttributes> attributes(Node node) {
    PosixNode n = node(node);
    return io(
        () -> {
          Statx s = new Statx();
          if (n.isRoot()) {
            PosixErrors.check(nat.statx(rootFd, EMPTY, AT_EMPTY_PATH, STATX_MASK, s));
          } else {
            byte[] name = n.name();
            inDir(
                n.parentPath(),
                fd -> PosixErrors.check(nat.statx(fd, name, AT_SYMLINK_NOFOLLOW, STATX_MASK, s)));
            if (s.dev != n.dev || s.ino != n.ino) {
              // The node's path now names another file (the node was moved or removed by
              // someone else): never report that file's attributes as this node's.
              throw new BackendException(Errno.ENOENT);
            }
          }
          return StatxAttributes.of(s);
        });
  }

  @Override
  public CompletionStage<List<DirEntry>> readDirectory(Node dir) {
    PosixNode d = node(dir);
    return io(
        () ->
            inWatchedDir(
                d,
                dirFd -> {
                  int fd =
                      PosixErrors.check(
                          nat.openat(dirFd, DOT, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0));
                  try {
                    return list(fd);
                  } finally {
                    nat.close(fd);
                  }
                }));
  }

  private List<DirEntry> list(int fd) throws BackendException {
    List<DirEntry> out = new ArrayList<>();
    byte[] buf = new byte[32 * 1024];
    while (true) {
      long n = PosixErrors.check(nat.getdents64(fd, buf));
      if (n == 0) {
        return out;
      }
      Dirent64.forEach(
          buf,
          (int) n,
          (b, off, len, type) -> {
            if ((len == 1 && b[off] == '.') || (len == 2 && b[off] == '.' && b[off + 1] == '.')) {
              return;
            }
            try {
              Name name = Name.of(new String(b, off, len, StandardCharsets.UTF_8));
              out.add(new DirEntry(name, kindOf(type)));
            } catch (InvalidPathException e) {
              // A name that is not valid UTF-8 cannot be named through the VFS: skip it.
            }
          });
    }
  }

  private static NodeKind kindOf(int dType) {
    return switch (dType) {
      case Linux.DT_DIR -> NodeKind.DIRECTORY;
      case Linux.DT_REG -> NodeKind.FILE;
      case Linux.DT_LNK -> NodeKind.SYMLINK;
      default -> NodeKind.OTHER;
    };
  }

  // ---- open ----

  @Override
  public CompletionStage<Opened> open(
      Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions) {
    PosixNode d = node(dir);
    int base = accessFlags(flags);
    if (!flags.creates()
        && !flags.truncate()
        && capabilities.contains(Capability.NONBLOCKING_PROBE)
        && !closed
        && (pool.onIoThread() || !handOff())) {
      CompletableFuture<Opened> now = tryOpenCached(d, name, base);
      if (now != null) {
        return now;
      }
    }
    int mode = permissions == null ? 0666 : StatxAttributes.mode(permissions);
    return io(
        () -> {
          watch(d);
          return openIn(d, name, flags, base, mode);
        });
  }

  private static int accessFlags(OpenFlags flags) {
    int f =
        flags.read() && flags.write()
            ? Linux.O_RDWR
            : flags.write() ? Linux.O_WRONLY : Linux.O_RDONLY;
    if (flags.append()) {
      f |= Linux.O_APPEND;
    }
    if (flags.truncate()) {
      f |= Linux.O_TRUNC;
    }
    if (flags.sync()) {
      f |= Linux.O_SYNC;
    } else if (flags.dsync()) {
      f |= Linux.O_DSYNC;
    }
    return f;
  }

  /**
   * The open on the caller's thread (nonblocking, or in full on an IO thread, as in {@link
   * #probeLookup}): a completed future, or null to go to the pool.
   */
  private @Nullable CompletableFuture<Opened> tryOpenCached(PosixNode d, Name name, int flags) {
    boolean here = pool.onIoThread();
    if (openFiles.size() >= options.maxOpenFiles() || !watchedFor(d, here)) {
      return null;
    }
    // On an IO thread the open may block: it is where it would run anyway.
    int fd = resolver.openPath(d.path, name.bytes(), flags, 0, !here);
    if (fd == -Linux.EAGAIN) {
      return null;
    }
    try {
      return CompletableFuture.completedFuture(opened(PosixErrors.check(fd), d, name, false));
    } catch (BackendException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Opened openIn(PosixNode d, Name name, OpenFlags flags, int base, int mode)
      throws Exception {
    if (openFiles.size() >= options.maxOpenFiles()) {
      throw new BackendException(Errno.EMFILE);
    }
    if (flags.createNew()) {
      int fd =
          PosixErrors.check(openChild(d, name, base | Linux.O_CREAT | Linux.O_EXCL, mode, false));
      return opened(fd, d, name, true);
    }
    if (!flags.create()) {
      return opened(PosixErrors.check(openChild(d, name, base, 0, false)), d, name, false);
    }
    // CREATE: tell whether this open made the file, as the VFS needs: try exclusive first.
    while (true) {
      int fd = openChild(d, name, base | Linux.O_CREAT | Linux.O_EXCL, mode, false);
      if (fd >= 0) {
        return opened(fd, d, name, true);
      }
      if (fd != -Linux.EEXIST) {
        throw PosixErrors.of(fd);
      }
      fd = openChild(d, name, base, 0, false);
      if (fd >= 0) {
        return opened(fd, d, name, false);
      }
      if (fd != -Linux.ENOENT) {
        throw PosixErrors.of(fd);
      }
      // Removed between the two opens: try again.
    }
  }

  /** Wraps a new descriptor; closes it if its statx fails. */
  private Opened opened(int fd, PosixNode dir, Name name, boolean created) throws BackendException {
    Statx s = new Statx();
    int r = nat.statx(fd, EMPTY, AT_EMPTY_PATH, STATX_MASK, s);
    if (r < 0) {
      nat.close(fd);
      throw PosixErrors.of(r);
    }
    PosixNode node = new PosixNode(s.dev, s.ino, dir.child(name));
    PosixFile[] self = new PosixFile[1];
    PosixFile file =
        new PosixFile(node, new FdRef(fd, counter), pool, () -> openFiles.remove(self[0]));
    self[0] = file;
    openFiles.add(file);
    if (closed) {
      file.closeQuietly();
      throw new BackendException(Errno.EBADF, "backend closed");
    }
    return new Opened(file, NodeInfo.of(node, StatxAttributes.of(s)), created);
  }

  // ---- whole-file reads ----

  /**
   * Reads the file in one IO-thread task, where the composed default would take four hand-offs: the
   * confined open of the name ({@code O_RDONLY | O_NONBLOCK | O_NOFOLLOW}, one {@code openat2} from
   * the root), {@code statx} of the descriptor for its type and size, {@code pread}s into an array
   * of that size until one comes back short (see {@link #readRegular}), and close. A directory
   * fails with EISDIR, any other kind of file that is not regular with EINVAL (its content has no
   * end to read to).
   *
   * <p>With the probe on ({@link PosixOptions#probe()}), the read runs at once when called on an IO
   * thread; called on another thread while no IO thread is idle, a file of at most {@value
   * #INLINE_READ_MAX} bytes is first read on the caller's thread where nothing blocks (see {@link
   * #tryReadCached}), which saves the hand-off to the pool and back.
   */
  @Override
  public CompletionStage<byte[]> readFile(Node dir, Name name, long limit) {
    PosixNode d = node(dir);
    if (name == null) {
      throw new NullPointerException("name");
    }
    if (capabilities.contains(Capability.NONBLOCKING_PROBE) && !closed) {
      if (pool.onIoThread()) {
        // Called on an IO thread (a caller completing directly goes on from there): the read runs
        // here, blocking if it must, with no hop to another IO thread.
        try {
          return CompletableFuture.completedFuture(readBlocking(d, name, limit));
        } catch (Exception e) {
          return CompletableFuture.failedFuture(e);
        }
      }
      if (!handOff()) {
        CompletableFuture<byte[]> now = tryReadCached(d, name, limit);
        if (now != null) {
          return now;
        }
      }
    }
    return io(() -> readBlocking(d, name, limit));
  }

  /** The whole-file read where blocking is allowed (an IO thread): watch, then read. */
  private byte[] readBlocking(PosixNode d, Name name, long limit) throws Exception {
    watch(d);
    byte[] content = readWhole(d, name, limit, false);
    assert content != null; // only a nonblocking read answers null
    return content;
  }

  /**
   * The whole-file read on the caller's thread, where nothing blocks: {@code
   * openat2(RESOLVE_CACHED)}, {@code statx}, then {@code preadv2(RWF_NOWAIT)} to the end of file.
   * Returns null (the read goes to the pool, from the start) if the directory is not watched yet
   * while a watcher runs, or the kernel answers EAGAIN anywhere, or preadv2 cannot do RWF_NOWAIT
   * here.
   */
  private @Nullable CompletableFuture<byte[]> tryReadCached(PosixNode d, Name name, long limit) {
    if (!watchedNow(d)) {
      return null;
    }
    try {
      byte[] content = readWhole(d, name, limit, true);
      return content == null ? null : CompletableFuture.completedFuture(content);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Reads the file {@code name} of {@code d} whole: opens it (confined, see {@link #openChild}),
   * reads it to its end and closes it.
   *
   * @param nowait the probe: {@code RESOLVE_CACHED} and {@code RWF_NOWAIT}; null where either would
   *     block
   */
  private byte @Nullable [] readWhole(PosixNode d, Name name, long limit, boolean nowait)
      throws Exception {
    int fd = openChild(d, name, READ_FILE_FLAGS, 0, nowait);
    if (nowait && fd == -Linux.EAGAIN) {
      return null;
    }
    PosixErrors.check(fd);
    try {
      return readOpen(fd, limit, nowait);
    } finally {
      nat.close(fd);
    }
  }

  /**
   * Reads the open file {@code fd} to the end of file; with {@code nowait}, through {@code
   * preadv2(RWF_NOWAIT)}, and returns null where that would block or is not supported.
   */
  private byte @Nullable [] readOpen(int fd, long limit, boolean nowait) throws BackendException {
    Statx s = new Statx();
    PosixErrors.check(nat.statx(fd, EMPTY, AT_EMPTY_PATH, Linux.STATX_TYPE | Linux.STATX_SIZE, s));
    if (s.type() == Linux.S_IFDIR) {
      throw new BackendException(Errno.EISDIR);
    }
    if (s.type() != Linux.S_IFREG) {
      throw new BackendException(Errno.EINVAL, "not a regular file");
    }
    return readRegular(fd, s.size, limit, nowait);
  }

  /**
   * Reads the regular file {@code fd} whole from its start into an array of {@code size} bytes
   * (what {@code statx} or the last read found), each {@code pread} asking one byte more than the
   * room left, until one comes back short: a short read of a regular file is its end (the kernel's
   * read from a regular file stops early only there), so a file of the expected size takes one
   * read. The array grows only if the file did. With {@code nowait}, through {@code
   * preadv2(RWF_NOWAIT)}, and null where a read would block or is not supported, or the file is too
   * big to copy on the caller's thread.
   *
   * @throws BackendException EFBIG beyond {@code limit}, or the read's errno
   */
  private byte @Nullable [] readRegular(int fd, long size, long limit, boolean nowait)
      throws BackendException {
    long max = Math.min(limit, MAX_ARRAY);
    if (size > max) {
      throw new BackendException(Errno.EFBIG);
    }
    if (nowait && size > INLINE_READ_MAX) {
      return null; // not cheap: copying it would hold the caller's thread too long
    }
    int flags = nowait ? Linux.RWF_NOWAIT : 0;
    byte[] buf = new byte[(int) Math.max(0, size)];
    int count = 0;
    while (true) {
      int room = buf.length - count;
      long n = nat.preadPeek(fd, buf, count, room, count, flags);
      if (nowait && notNow(n)) {
        return null;
      }
      n = PosixErrors.check(n);
      if (n > room) {
        // The file goes on past the array (it grew): read on into a larger one.
        count = buf.length;
        if (count + 1L > max) {
          throw new BackendException(Errno.EFBIG);
        }
        buf = Arrays.copyOf(buf, (int) Math.min(max, Math.max(count + 1L, 2L * count + 16)));
        continue;
      }
      count += (int) n;
      if (n < PosixNative.peekRequest(room)) {
        return count == buf.length ? buf : Arrays.copyOf(buf, count);
      }
    }
  }

  /**
   * Tells whether a nonblocking read's answer means "not now" rather than an error: it would block
   * (EAGAIN), or cannot be done without blocking here (EOPNOTSUPP, EINVAL, ENOSYS, EINTR).
   */
  private static boolean notNow(long n) {
    return n == -Linux.EAGAIN
        || n == -Linux.EOPNOTSUPP
        || n == -Linux.EINVAL
        || n == -Linux.ENOSYS
        || n == -Linux.EINTR;
  }

  // ---- tree changes ----

  @Override
  public CompletionStage<NodeInfo> createDirectory(
      Node dir, Name name, @Nullable Set<PosixFilePermission> permissions) {
    PosixNode d = node(dir);
    int mode = permissions == null ? 0777 : StatxAttributes.mode(permissions);
    return io(
        () ->
            inWatchedDir(
                d,
                fd -> {
                  PosixErrors.check(nat.mkdirat(fd, name.bytes(), mode));
                  return statExisting(fd, d, name);
                }));
  }

  @Override
  public CompletionStage<Void> remove(Node dir, Name name, boolean directory) {
    PosixNode d = node(dir);
    return io(
        () ->
            inDir(
                d.path,
                fd -> {
                  PosixErrors.check(
                      nat.unlinkat(fd, name.bytes(), directory ? Linux.AT_REMOVEDIR : 0));
                  return null;
                }));
  }

  @Override
  public CompletionStage<Void> rename(
      Node fromDir, Name fromName, Node toDir, Name toName, boolean replace) {
    PosixNode f = node(fromDir);
    PosixNode t = node(toDir);
    int flags = replace ? 0 : Linux.RENAME_NOREPLACE;
    return io(
        () ->
            inDir(
                f.path,
                ffd ->
                    inDir(
                        t.path,
                        tfd -> {
                          PosixErrors.check(
                              nat.renameat2(ffd, fromName.bytes(), tfd, toName.bytes(), flags));
                          return null;
                        })));
  }

  @Override
  public CompletionStage<NodeInfo> link(Node fromDir, Name fromName, Node toDir, Name toName) {
    PosixNode f = node(fromDir);
    PosixNode t = node(toDir);
    return io(
        () ->
            inDir(
                f.path,
                ffd ->
                    inDir(
                        t.path,
                        tfd -> {
                          PosixErrors.check(
                              nat.linkat(ffd, fromName.bytes(), tfd, toName.bytes(), 0));
                          return statExisting(tfd, t, toName);
                        })));
  }

  @Override
  public CompletionStage<NodeInfo> createSymlink(Node dir, Name name, String target) {
    PosixNode d = node(dir);
    byte[] t = target.getBytes(StandardCharsets.UTF_8);
    return io(
        () ->
            inDir(
                d.path,
                fd -> {
                  PosixErrors.check(nat.symlinkat(t, fd, name.bytes()));
                  return statExisting(fd, d, name);
                }));
  }

  @Override
  public CompletionStage<String> readSymlink(Node node) {
    PosixNode n = node(node);
    if (n.isRoot()) {
      return CompletableFuture.failedFuture(new BackendException(Errno.EINVAL));
    }
    return io(() -> inDir(n.parentPath(), fd -> readLink(fd, n.name())));
  }

  // ---- attributes ----

  @Override
  public CompletionStage<Void> setTimes(
      Node node,
      @Nullable FileTime lastModified,
      @Nullable FileTime lastAccess,
      @Nullable FileTime creation) {
    PosixNode n = node(node);
    if (lastModified == null && lastAccess == null) {
      // Linux cannot set a birth time; the JDK ignores it too.
      return CompletableFuture.completedFuture(null);
    }
    long[] a = timespec(lastAccess);
    long[] m = timespec(lastModified);
    return io(
        () -> {
          if (n.isRoot()) {
            PosixErrors.check(nat.utimensat(rootFd, DOT, a[0], a[1], m[0], m[1], 0));
          } else {
            byte[] name = n.name();
            inDir(
                n.parentPath(),
                fd ->
                    PosixErrors.check(
                        nat.utimensat(fd, name, a[0], a[1], m[0], m[1], AT_SYMLINK_NOFOLLOW)));
          }
          return null;
        });
  }

  private static long[] timespec(@Nullable FileTime t) {
    if (t == null) {
      return new long[] {0, Linux.UTIME_OMIT};
    }
    Instant i = t.toInstant();
    return new long[] {i.getEpochSecond(), i.getNano()};
  }

  @Override
  public CompletionStage<Void> setPermissions(Node node, Set<PosixFilePermission> permissions) {
    PosixNode n = node(node);
    int mode = StatxAttributes.mode(permissions);
    return io(
        () -> {
          if (n.isRoot()) {
            PosixErrors.check(nat.fchmodat(rootFd, DOT, mode, 0));
            return null;
          }
          byte[] name = n.name();
          inDir(n.parentPath(), fd -> chmod(fd, name, mode));
          return null;
        });
  }

  /**
   * Changes the mode of {@code name} in {@code dirFd} without following a link: fchmodat2 with
   * AT_SYMLINK_NOFOLLOW (Linux 6.6), else through {@code /proc/self/fd/N} of an O_PATH descriptor
   * of the name opened with O_NOFOLLOW and checked not to be a link.
   */
  private int chmod(int dirFd, byte[] name, int mode) throws BackendException {
    int r = nat.fchmodat2(dirFd, name, mode, AT_SYMLINK_NOFOLLOW);
    if (r != -Linux.ENOSYS) {
      return PosixErrors.check(r);
    }
    int fd = PosixErrors.check(nat.openat(dirFd, name, O_PATH | Linux.O_NOFOLLOW | O_CLOEXEC, 0));
    try {
      Statx s = new Statx();
      PosixErrors.check(nat.statx(fd, EMPTY, AT_EMPTY_PATH, STATX_MASK, s));
      if (s.type() == Linux.S_IFLNK) {
        throw new BackendException(Errno.EOPNOTSUPP);
      }
      byte[] proc = ("/proc/self/fd/" + fd).getBytes(StandardCharsets.US_ASCII);
      return PosixErrors.check(nat.fchmodat(Linux.AT_FDCWD, proc, mode, 0));
    } finally {
      nat.close(fd);
    }
  }

  @Override
  public CompletionStage<StoreInfo> storeInfo() {
    return io(
        () -> {
          long[] f = new long[5];
          PosixErrors.check(nat.fstatfs(rootFd, f));
          long unit = f[4] > 0 ? f[4] : f[0];
          long total = f[1] * unit;
          long free = Math.min(f[2] * unit, total);
          long usable = Math.min(f[3] * unit, free);
          return new StoreInfo(total, free, usable);
        });
  }

  // ---- watching and lifecycle ----

  /**
   * Starts inotify: every directory the backend looks into from now on is watched, and changes to
   * its entries are reported to {@code sink}. The root is watched at once.
   *
   * @throws UnsupportedOperationException if the backend was made with watching off
   * @throws IllegalStateException if already watching, or inotify cannot start
   */
  @Override
  public void watch(Invalidations sink) {
    if (!capabilities.contains(Capability.WATCH)) {
      throw new UnsupportedOperationException("this posix backend was made with watch=false");
    }
    synchronized (this) {
      if (watcher != null) {
        throw new IllegalStateException("already watching");
      }
      try {
        InotifyWatcher w = new InotifyWatcher(sink, options.maxWatches());
        w.ensureWatched(rootNode, rootFd);
        watcher = w;
      } catch (BackendException e) {
        throw new IllegalStateException("inotify: " + e.getMessage(), e);
      }
    }
  }

  /** Closes open files, the watcher, the IO pool and every descriptor. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    InotifyWatcher w = watcher;
    if (w != null) {
      w.close();
    }
    pool.close();
    for (PosixFile f : openFiles) {
      f.closeQuietly();
    }
    openFiles.clear();
    nat.close(rootFd);
  }
}
