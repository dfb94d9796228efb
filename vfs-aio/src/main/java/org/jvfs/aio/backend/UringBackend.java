package org.jvfs.aio.backend;

import java.io.IOException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.aio.ring.Ring;
import org.jvfs.aio.ring.RingConfig;
import org.jvfs.aio.ring.UringException;
import org.jvfs.aio.ring.UringProbe;
import org.jvfs.posix.PosixBackend;
import org.jvfs.posix.PosixRoot;
import org.jvfs.posix.ResolveMode;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Capability;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Invalidations;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;
import org.jvfs.spi.Probe;
import org.jvfs.spi.StoreInfo;

/**
 * The io_uring backend: a backend over a real directory in which opens, whole-file reads, and the
 * reads, writes and closes of open files go to the kernel through one io_uring instance, and every
 * other call to the shared posix code ({@link PosixBackend} over the same {@link PosixRoot}: one
 * root descriptor, one resolution rule, one watcher, one IO pool). Its nodes are the posix
 * backend's.
 *
 * <h2>Where calls run</h2>
 *
 * <ul>
 *   <li>{@link #open}: IORING_OP_OPENAT2 from the root descriptor, confined as every posix open
 *       ({@link UringOpens}).
 *   <li>{@link #readFile}: the linked OPENAT2 (direct descriptor) -> READ -> READ -> CLOSE chain,
 *       one submission ({@link UringWholeFileReads}).
 *   <li>An open file's reads, writes and close: IORING_OP_READ, WRITE and CLOSE ({@link
 *       UringFile}); its size, truncation and sync on the posix IO pool.
 *   <li>Lookups and attributes: the posix code, whose nonblocking form answers a cached path on the
 *       caller's thread with one {@code openat2(RESOLVE_CACHED)} and one {@code statx}, where the
 *       ring's STATX always runs on a kernel worker thread.
 *   <li>Listing, links, permissions, times, space, watching, creating and removing names: the posix
 *       code (io_uring has no getdents, readlink, chmod, utimes, statfs or inotify; its MKDIRAT,
 *       UNLINKAT, RENAMEAT, SYMLINKAT and LINKAT always run on kernel workers, so for one call at a
 *       time a syscall on an IO thread is as good).
 * </ul>
 *
 * <p>{@link #routes()} lists each operation's route and why. No caller's thread waits: the ring
 * never makes a submitter wait for a free slot (the call goes to the posix path instead), and
 * completions complete the callers' futures on the thread that reaps them (the submitter, for what
 * the kernel finished inside the submit, else the ring's reaper thread), so dependent stages must
 * not block.
 *
 * <h2>Availability</h2>
 *
 * <p>The process probes io_uring once ({@link UringProbe}). Where it is unavailable (EPERM from a
 * seccomp filter or {@code kernel.io_uring_disabled}, ENOSYS, a missing opcode), where {@code
 * -Djvfs.aio.disable=true} is set, where this backend's {@link AioOptions#ring()} is false, or
 * where resolution is not confined by openat2 (the forced walk), every call goes to the posix code
 * and {@link #unavailabilityCause()} says why; the backend then behaves as a posix backend.
 *
 * <h2>Close</h2>
 *
 * <p>{@link #close()} gives up every open file, then closes the ring, which cancels what is in
 * flight and waits for every CQE: each pending operation completes through its CQE (or fails with
 * {@link ClosedFileSystemException}) only once the kernel is done with its buffer. Then the ring's
 * memory, registered files and descriptor are released, and the posix root closes its IO pool,
 * closer and root descriptor.
 *
 * <p>Thread-safe.
 */
public final class UringBackend implements Backend {
  private static final int RING_ENTRIES = 256;
  private static final int CQ_ENTRIES = 1024;
  private static final int DIRECT_FILES = 256;

  private final AioOptions options;
  private final PosixBackend posix;
  private final @Nullable Ring ring;
  private final @Nullable String unavailable;
  private final List<Route> routes;
  private final boolean ringOpens;
  private final boolean ringReads;
  private final UringOpens opens = new UringOpens(this);
  private final UringWholeFileReads reads = new UringWholeFileReads(this);
  private final DirectBuffers buffers = new DirectBuffers(64 * 1024, 64);
  private final DirectBuffers chainBuffers =
      new DirectBuffers(UringWholeFileReads.FIRST + UringWholeFileReads.PROBE, 64);
  private final Set<UringFile> openFiles = ConcurrentHashMap.newKeySet();
  private final AtomicInteger held = new AtomicInteger();
  private volatile boolean closed;

  private UringBackend(AioOptions options) throws IOException {
    this.options = options;
    this.posix = PosixBackend.open(options.posix());
    String why = null;
    Ring r = null;
    boolean direct = false;
    UringProbe probe = UringProbe.get();
    if (!options.ring()) {
      why = "the ring is switched off for this backend (ring=false)";
    } else if (!probe.isAvailable()) {
      why = "io_uring " + probe.verdict();
    } else if (posix.resolveMode() != ResolveMode.OPENAT2) {
      why = "resolution is the O_NOFOLLOW walk, not openat2: the ring's OPENAT2 could not confine";
    } else {
      try {
        r = Ring.open(config(DIRECT_FILES));
        direct = true;
      } catch (UringException | RuntimeException e) {
        try {
          r = Ring.open(config(0));
        } catch (UringException | RuntimeException e2) {
          why = "the backend's ring could not be set up: " + e2.getMessage();
        }
      }
    }
    this.ring = r;
    this.unavailable = why;
    this.routes = routes(r, why, direct, probe);
    this.ringOpens = ringFor(routes, "open");
    this.ringReads = ringFor(routes, "readFile");
  }

  private static RingConfig config(int directFiles) {
    return RingConfig.builder()
        .entries(RING_ENTRIES)
        .cqEntries(CQ_ENTRIES)
        .whenFull(RingConfig.WhenFull.FAIL)
        .directFiles(directFiles)
        .closeGraceMillis(10_000)
        .name("jvfs-aio")
        .build();
  }

  private static List<Route> routes(
      @Nullable Ring ring, @Nullable String why, boolean direct, UringProbe probe) {
    List<Route> out = new ArrayList<>();
    if (ring == null) {
      for (String op : List.of("open", "readFile", "read", "write", "close")) {
        out.add(new Route(op, false, why));
      }
    } else {
      out.add(new Route("open", true, "IORING_OP_OPENAT2 from the root descriptor"));
      boolean linked = (ring.features() & IoUring.IORING_FEAT_LINKED_FILE) != 0;
      if (direct && linked) {
        out.add(
            new Route("readFile", true, "linked OPENAT2(direct) -> READ -> READ -> CLOSE chain"));
      } else {
        out.add(
            new Route(
                "readFile",
                false,
                direct
                    ? "the kernel lacks IORING_FEAT_LINKED_FILE (5.17)"
                    : "no direct-descriptor table (kernel before 5.15)"));
      }
      out.add(new Route("read", true, "IORING_OP_READ"));
      out.add(new Route("write", true, "IORING_OP_WRITE"));
      out.add(new Route("close", true, "IORING_OP_CLOSE"));
    }
    out.add(
        new Route(
            "lookup, attributes",
            false,
            "openat2(RESOLVE_CACHED) + statx on the caller's thread; the ring's STATX always runs"
                + " on a kernel worker"));
    out.add(
        new Route(
            "readDirectory, readSymlink, setPermissions, setTimes, storeInfo, watch",
            false,
            "io_uring has no getdents, readlink, chmod, utimes, statfs or inotify"));
    out.add(
        new Route(
            "createDirectory, remove, rename, link, createSymlink, size, truncate, force",
            false,
            "their io_uring ops always run on kernel workers; one syscall on an IO thread"));
    return List.copyOf(out);
  }

  /**
   * Opens an aio backend confined to {@code options.posix().root()}.
   *
   * @throws IOException if the root cannot be opened (as {@link PosixBackend#open})
   */
  public static UringBackend open(AioOptions options) throws IOException {
    return new UringBackend(options);
  }

  /**
   * Returns why this backend does not use io_uring (every call then goes to the posix code), or
   * null if it does.
   */
  public @Nullable String unavailabilityCause() {
    return unavailable;
  }

  /** True if this backend submits to io_uring. */
  public boolean usesRing() {
    return ring != null;
  }

  /** Returns where each kind of operation runs, and why. */
  public List<Route> routes() {
    return routes;
  }

  /** Returns the ring's counters, or null without a ring. */
  public Ring.@Nullable Stats ringStats() {
    Ring r = ring;
    return r == null ? null : r.stats();
  }

  /** Returns the descriptors this backend holds now, besides its root: for leak checks. */
  public int heldDescriptors() {
    return posix.heldDescriptors() + held.get();
  }

  /** Returns how resolution is confined. */
  public ResolveMode resolveMode() {
    return posix.resolveMode();
  }

  /** Returns the shared posix root (root descriptor, resolution, watcher, IO pool). */
  public PosixRoot posixRoot() {
    return posix.posixRoot();
  }

  // ---- for the pieces ----

  PosixBackend posix() {
    return posix;
  }

  Ring ring() {
    Ring r = ring;
    if (r == null) {
      throw new IllegalStateException("no ring");
    }
    return r;
  }

  DirectBuffers buffers() {
    return buffers;
  }

  DirectBuffers chainBuffers() {
    return chainBuffers;
  }

  boolean isClosed() {
    return closed;
  }

  boolean openFilesFull() {
    return openFiles.size() >= options.posix().maxOpenFiles();
  }

  /** Takes over a descriptor the ring opened; closes it if the backend closed meanwhile. */
  UringFile adopt(Node node, int fd) {
    held.incrementAndGet();
    UringFile f = new UringFile(this, node, fd);
    openFiles.add(f);
    if (closed) {
      f.close();
      throw new ClosedFileSystemException();
    }
    return f;
  }

  void forget(UringFile f) {
    openFiles.remove(f);
  }

  void descriptorClosed() {
    held.decrementAndGet();
  }

  private static boolean ringFor(List<Route> routes, String op) {
    for (Route r : routes) {
      if (r.operation().equals(op)) {
        return r.ring();
      }
    }
    return false;
  }

  private static <T> CompletableFuture<T> closedFailure() {
    return CompletableFuture.failedFuture(new ClosedFileSystemException());
  }

  // ---- Backend ----

  @Override
  public Set<Capability> capabilities() {
    return posix.capabilities();
  }

  @Override
  public Node root() {
    return posix.root();
  }

  @Override
  public CompletionStage<@Nullable NodeInfo> lookup(Node dir, Name name) {
    return posix.lookup(dir, name);
  }

  @Override
  public Probe probeLookup(Node dir, Name name) {
    return posix.probeLookup(dir, name);
  }

  @Override
  public CompletionStage<NodeAttributes> attributes(Node node) {
    return posix.attributes(node);
  }

  @Override
  public CompletionStage<List<DirEntry>> readDirectory(Node dir) {
    return posix.readDirectory(dir);
  }

  @Override
  public CompletionStage<Opened> open(
      Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions) {
    if (dir == null || name == null || flags == null) {
      throw new NullPointerException("dir, name and flags must not be null");
    }
    if (closed) {
      return closedFailure();
    }
    if (!ringOpens) {
      return posix.open(dir, name, flags, permissions);
    }
    return opens.open(dir, name, flags, permissions);
  }

  @Override
  public CompletionStage<byte[]> readFile(Node dir, Name name, long limit) {
    if (dir == null || name == null) {
      throw new NullPointerException("dir and name must not be null");
    }
    if (closed) {
      return closedFailure();
    }
    if (!ringReads) {
      return posix.readFile(dir, name, limit);
    }
    return reads.read(dir, name, limit);
  }

  @Override
  public CompletionStage<NodeInfo> createDirectory(
      Node dir, Name name, @Nullable Set<PosixFilePermission> permissions) {
    return posix.createDirectory(dir, name, permissions);
  }

  @Override
  public CompletionStage<Void> remove(Node dir, Name name, boolean directory) {
    return posix.remove(dir, name, directory);
  }

  @Override
  public CompletionStage<Void> rename(
      Node fromDir, Name fromName, Node toDir, Name toName, boolean replace) {
    return posix.rename(fromDir, fromName, toDir, toName, replace);
  }

  @Override
  public CompletionStage<NodeInfo> link(Node fromDir, Name fromName, Node toDir, Name toName) {
    return posix.link(fromDir, fromName, toDir, toName);
  }

  @Override
  public CompletionStage<NodeInfo> createSymlink(Node dir, Name name, String target) {
    return posix.createSymlink(dir, name, target);
  }

  @Override
  public CompletionStage<String> readSymlink(Node node) {
    return posix.readSymlink(node);
  }

  @Override
  public CompletionStage<Void> setTimes(
      Node node,
      @Nullable FileTime lastModified,
      @Nullable FileTime lastAccess,
      @Nullable FileTime creation) {
    return posix.setTimes(node, lastModified, lastAccess, creation);
  }

  @Override
  public CompletionStage<Void> setPermissions(Node node, Set<PosixFilePermission> permissions) {
    return posix.setPermissions(node, permissions);
  }

  @Override
  public void watch(Invalidations sink) {
    posix.watch(sink);
  }

  @Override
  public CompletionStage<StoreInfo> storeInfo() {
    return posix.storeInfo();
  }

  /**
   * Gives up every open file, closes the ring (each operation in flight completes through its CQE,
   * after the kernel is done with its buffer), then the posix root. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    for (UringFile f : openFiles) {
      f.close();
    }
    Ring r = ring;
    if (r != null) {
      r.close();
    }
    posix.close();
  }

  @Override
  public String toString() {
    return "UringBackend["
        + options.posix().root()
        + ", "
        + (ring != null ? "io_uring" : "posix fallback: " + unavailable)
        + "]";
  }
}
