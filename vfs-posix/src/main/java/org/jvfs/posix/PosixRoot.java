package org.jvfs.posix;

import static org.jvfs.posix.ffi.Linux.AT_EMPTY_PATH;
import static org.jvfs.posix.ffi.Linux.O_CLOEXEC;
import static org.jvfs.posix.ffi.Linux.O_DIRECTORY;
import static org.jvfs.posix.ffi.Linux.O_PATH;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedFileSystemException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Invalidations;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.OpenFlags;

/**
 * What the native backends over one root directory share in a process: the root descriptor, its
 * confined {@link Resolver}, the inotify watcher, the pool of IO threads, the {@link Closer} and
 * {@link Poller} threads and the bookkeeping of the descriptors of open files. A {@link
 * PosixBackend} makes one ({@link PosixBackend#posixRoot()}); another native backend over the same
 * root (the io_uring backend of vfs-aio) takes the same one, so that there is one root descriptor,
 * one watcher and one IO pool, and its nodes are the posix backend's: either backend can serve a
 * call on the other's nodes.
 *
 * <p>The confinement rules every user of the root follows (docs/architecture.md, "Security model"):
 *
 * <ul>
 *   <li>Every resolution starts at {@link #descriptor()}: one {@code openat2} with {@link
 *       #resolveFlags} (under {@link ResolveMode#WALK}, an {@code O_NOFOLLOW} walk, see {@link
 *       Resolver}), of the entry's {@link #path physical path}, with {@link #openFlags}.
 *   <li>No descriptor of a file or directory is kept beyond the call that opened it, except those
 *       of files the caller opened: a kept descriptor follows its file wherever another process
 *       moves it, out of the root too, and a race-free check that it still lies beneath the root is
 *       itself an open.
 *   <li>Where a watcher runs, a directory is watched ({@link #watch}) before a call looks into it,
 *       so that no change after that call goes unreported.
 *   <li>A descriptor is closed only where blocking is allowed ({@link #closeDescriptor}): any close
 *       may be the last of a file another process deleted. One given up on a caller's thread waits
 *       in the {@link Closer} (about a millisecond) and is never used again: it is not kept.
 * </ul>
 *
 * <p>This class is shared between jvfs's own native backends; it is not an API for applications,
 * which use {@link PosixBackend}. Thread-safe.
 */
public final class PosixRoot {
  private static final byte[] EMPTY = new byte[0];

  /** What a node's {@code statx} asks for. */
  static final int STATX_MASK = Linux.STATX_BASIC_STATS | Linux.STATX_BTIME;

  private final PosixNative nat = PosixNative.get();
  private final PosixOptions options;
  private final int rootFd;
  private final PosixNode rootNode;
  private final Resolver resolver;
  final IoPool pool;
  private final Closer closer = new Closer();
  private final Poller poller = new Poller();
  private final FdCounter counter = new FdCounter();
  private final Set<PosixFile> openFiles = ConcurrentHashMap.newKeySet();
  private volatile @Nullable InotifyWatcher watcher;
  private volatile boolean closed;

  /** Opens the root named by {@code options} and starts its IO pool. */
  PosixRoot(PosixOptions options) throws IOException {
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
  }

  /** Returns the root's {@code O_PATH} descriptor, open until {@link #close()}. */
  public int descriptor() {
    return rootFd;
  }

  /** Returns how resolution is confined. */
  public ResolveMode resolveMode() {
    return resolver.mode();
  }

  /** Returns the root directory's node. */
  public Node rootNode() {
    return rootNode;
  }

  /**
   * Returns the {@code open_how.resolve} of a confined {@code openat2} from {@link #descriptor()}:
   * {@code RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_SYMLINKS}, plus {@code
   * RESOLVE_CACHED} (fail with EAGAIN rather than block on IO, Linux 5.12) if {@code cachedOnly}.
   */
  public static long resolveFlags(boolean cachedOnly) {
    return cachedOnly ? Resolver.CONFINED | Linux.RESOLVE_CACHED : Resolver.CONFINED;
  }

  /**
   * Returns the access mode and the status flags ({@code O_APPEND}, {@code O_TRUNC}, {@code
   * O_SYNC}/{@code O_DSYNC}) of {@code flags}: the part of an open's flags every native backend
   * derives the same way.
   */
  public static int accessFlags(OpenFlags flags) {
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

  /** Returns {@code flags} as every confined open passes them: with O_NOFOLLOW and O_CLOEXEC. */
  public static int openFlags(int flags) {
    return flags | Linux.O_NOFOLLOW | O_CLOEXEC;
  }

  /**
   * Returns the physical path from the root of entry {@code name} of {@code dir} (relative, no
   * symbolic link, no {@code ..}): what a confined {@code openat2} from {@link #descriptor()}
   * resolves.
   */
  public byte[] path(Node dir, Name name) {
    return node(dir).child(name);
  }

  /** Returns the node of entry {@code name} of {@code dir}, whose {@code statx} is {@code s}. */
  public Node node(Statx s, Node dir, Name name) {
    return new PosixNode(s.dev, s.ino, node(dir).child(name));
  }

  /** Returns {@code n} as a node of this root's backends. */
  static PosixNode node(Node n) {
    if (n instanceof PosixNode p) {
      return p;
    }
    throw new IllegalArgumentException("not a node of a posix backend: " + n);
  }

  /** Returns true once {@link #close()} began. */
  public boolean isClosed() {
    return closed;
  }

  // ---- resolution ----

  /** A syscall on a directory's descriptor. */
  interface DirTask<T> {
    T run(int dirFd) throws Exception;
  }

  /**
   * Runs {@code task} with a descriptor of the directory at {@code path}, opened for it from the
   * root ({@link Resolver#openDirectory}) and closed after it. Blocks.
   */
  <T> T inDir(byte[] path, DirTask<T> task) throws Exception {
    if (path.length == 0) {
      return task.run(rootFd);
    }
    int fd;
    try {
      fd = resolver.openDirectory(path);
    } catch (BackendException e) {
      if (!outOfDescriptors(e.errno()) || closer.drain() == 0) {
        throw e;
      }
      fd = resolver.openDirectory(path); // the closer's pending descriptors are closed now
    }
    try {
      return task.run(fd);
    } finally {
      nat.close(fd);
    }
  }

  private static boolean outOfDescriptors(Errno e) {
    return e == Errno.EMFILE || e == Errno.ENFILE;
  }

  /**
   * Runs an open on a thread that may block; if it fails with EMFILE or ENFILE while the {@link
   * Closer} holds descriptors not yet closed, closes them here and opens again.
   *
   * @return the descriptor, or -errno
   */
  int openRetryingOutOfDescriptors(java.util.function.IntSupplier open) {
    int fd = open.getAsInt();
    if ((fd == -Linux.EMFILE || fd == -Linux.ENFILE) && closer.drain() > 0) {
      fd = open.getAsInt();
    }
    return fd;
  }

  /** Runs {@code task} in the directory {@code dir}, watching it first where a watcher runs. */
  <T> T inWatchedDir(PosixNode dir, DirTask<T> task) throws Exception {
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
   * Opens {@code name} in the directory {@code d}, confined, never following a final symbolic link.
   * Under {@link ResolveMode#OPENAT2} this is one {@code openat2} of the whole path from the root:
   * the kernel resolves a path of a few components from the root as fast as one name from a held
   * descriptor. Under {@link ResolveMode#WALK}, an {@code openat} of the name from the directory's
   * descriptor, walked to from the root.
   *
   * @param cachedOnly fail with EAGAIN rather than block on the resolution (see {@link Placement});
   *     under WALK always EAGAIN then
   * @return the descriptor, or -errno
   * @throws BackendException if the directory's descriptor cannot be had (WALK)
   */
  int openChild(PosixNode d, Name name, int flags, int mode, boolean cachedOnly) throws Exception {
    if (resolver.mode() == ResolveMode.OPENAT2) {
      if (cachedOnly) {
        return resolver.openPath(d.path, name.bytes(), flags, mode, true);
      }
      return openRetryingOutOfDescriptors(
          () -> resolver.openPath(d.path, name.bytes(), flags, mode, false));
    }
    if (cachedOnly) {
      return -Linux.EAGAIN;
    }
    return inDir(
        d.path,
        fd -> openRetryingOutOfDescriptors(() -> resolver.openName(fd, name.bytes(), flags, mode)));
  }

  /**
   * Opens node {@code n} by its physical path with one confined {@code openat2} from the root and
   * {@code RESOLVE_CACHED}: EAGAIN where that needs IO. Only where {@link #resolvesCached()}.
   *
   * @return the descriptor, or -errno
   */
  int openNode(PosixNode n, int flags) {
    return resolver.openPath(n.parentPath(), n.name(), flags, 0, true);
  }

  /** Returns true if a confined {@code openat2} from the root takes {@code RESOLVE_CACHED}. */
  boolean resolvesCached() {
    return resolver.mode() == ResolveMode.OPENAT2 && resolver.cachedResolution();
  }

  // ---- watching ----

  /**
   * Starts inotify: every directory looked into from now on is watched, and changes to its entries
   * are reported to {@code sink}. The root is watched at once. A directory that cannot be watched,
   * the root included, is reported {@link Invalidations#unwatched} whenever a call looks into it,
   * so that nothing in it stays cached (see {@link InotifyWatcher}).
   *
   * @throws IllegalStateException if already watching, or inotify cannot start
   */
  void startWatching(Invalidations sink) {
    startWatching(sink, InotifyWatcher.KERNEL);
  }

  /** {@link #startWatching(Invalidations)} with {@code inotify_add_watch} replaced, for tests. */
  synchronized void startWatching(Invalidations sink, InotifyWatcher.AddWatch addWatch) {
    if (watcher != null) {
      throw new IllegalStateException("already watching");
    }
    try {
      InotifyWatcher w = new InotifyWatcher(sink, options.maxWatches(), addWatch);
      w.ensureWatched(rootNode, rootFd);
      watcher = w;
    } catch (BackendException e) {
      throw new IllegalStateException("inotify: " + e.getMessage(), e);
    }
  }

  /**
   * Makes sure that the watcher, where one runs, watches {@code dir} before a call looks into it;
   * opens the directory's descriptor for that only the first time. Blocks.
   */
  public void watch(Node dir) throws Exception {
    PosixNode d = node(dir);
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

  /** Returns true if nothing watches, or {@code dir} is watched already: {@link #watch} is free. */
  public boolean isWatched(Node dir) {
    InotifyWatcher w = watcher;
    return w == null || w.isWatched(node(dir));
  }

  // ---- descriptors ----

  /**
   * Closes {@code fd}, then runs {@code after}: at once on a thread that may block (an IO thread,
   * the closer's), else on the {@link Closer}'s thread. Never blocks a caller's thread.
   */
  public void closeDescriptor(int fd, Runnable after) {
    if (pool.onIoThread() || closer.onItsThread()) {
      nat.close(fd);
      after.run();
    } else {
      closer.close(fd, after);
    }
  }

  /** {@link #closeDescriptor} with nothing to run after. */
  public void closeDescriptor(int fd) {
    if (pool.onIoThread() || closer.onItsThread()) {
      nat.close(fd);
    } else {
      closer.close(fd, null);
    }
  }

  /** A call that may block, for {@link #runBlocking}. */
  @FunctionalInterface
  public interface BlockingCall<T> {
    /** Runs the call; may block. */
    T run() throws Exception;
  }

  /**
   * Runs {@code call} where a call that may block belongs: at once on one of the IO threads, else
   * on the IO pool (failing with EAGAIN when its queue is full). Fails with {@link
   * ClosedFileSystemException} once {@link #close()} began. For another native backend's calls on
   * this root (the io_uring backend's fallbacks).
   */
  public <T> CompletableFuture<T> runBlocking(BlockingCall<T> call) {
    if (closed) {
      return closedFailure();
    }
    if (pool.onIoThread()) {
      try {
        return CompletableFuture.completedFuture(call.run());
      } catch (Exception e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    return pool.submit(call::run);
  }

  /** Returns the thread that closes for threads that may not block. */
  Closer closer() {
    return closer;
  }

  /** Returns the thread that waits for FIFOs and other streams. */
  Poller poller() {
    return poller;
  }

  // ---- open files ----

  /**
   * Takes over the descriptor of a file opened for a caller, with its {@code statx}, as a {@link
   * PosixFile}; closes it if the backend is closed meanwhile.
   *
   * @param stream whether the file has no position to read at (a FIFO, a character device, a
   *     socket): its reads and writes wait in the {@link Poller}
   * @param regular whether it is a regular file: its reads may be tried on a caller's thread
   */
  PosixFile adopt(int fd, PosixNode node, Placement placement, boolean stream, boolean regular)
      throws BackendException {
    PosixFile[] self = new PosixFile[1];
    PosixFile file =
        new PosixFile(
            node,
            new FdRef(fd, counter, this::closeDescriptor),
            placement,
            this,
            stream,
            regular,
            () -> openFiles.remove(self[0]));
    self[0] = file;
    openFiles.add(file);
    if (closed) {
      file.close();
      throw new BackendException(Errno.EBADF, "backend closed");
    }
    return file;
  }

  /** Returns true if as many files are open as {@link PosixOptions#maxOpenFiles()} allows. */
  boolean openFilesFull() {
    return openFiles.size() >= options.maxOpenFiles();
  }

  /** Returns the descriptors held now, besides the root's. */
  int heldDescriptors() {
    return counter.open();
  }

  /** Fails a call made after {@link #close()}. */
  static <T> CompletableFuture<T> closedFailure() {
    return CompletableFuture.failedFuture(new ClosedFileSystemException());
  }

  /**
   * Closes open files (failing their waits in the poller), the watcher, the IO pool, the closer
   * (closing what it holds) and the root descriptor. Idempotent.
   */
  void close() {
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
    poller.close();
    pool.close();
    for (PosixFile f : openFiles) {
      f.close();
    }
    openFiles.clear();
    closer.stop();
    nat.close(rootFd);
  }
}
