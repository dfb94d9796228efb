package org.jvfs.posix;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.jvfs.posix.Placement.Mode;
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
 * A backend over a real directory: every operation is a POSIX {@code *at} syscall confined to the
 * root directory, run where the backend's one placement rule puts it.
 *
 * <h2>Where calls run</h2>
 *
 * <ol>
 *   <li>A call made on one of the backend's IO threads runs there, in full (a caller that completes
 *       directly goes on from there without a hand-off).
 *   <li>A call made on any other thread, with the probe on ({@link PosixOptions#probe()}, the
 *       default) and openat2 with {@code RESOLVE_CACHED} (Linux 5.12), is first tried on the
 *       caller's thread in its nonblocking form, if it has one: a lookup ({@link #probeLookup}), a
 *       whole-file read ({@link #readFile}) of a file smaller than 256 KiB, or an {@link #open}
 *       that neither creates nor truncates. At the first step that would block it gives up and the
 *       call goes to the IO pool, which runs it again in full.
 *   <li>Every other call goes to the IO pool, whose bounded queue fails a call with EAGAIN when
 *       full.
 * </ol>
 *
 * <p>A caller's thread makes only these syscalls, each with the flag that keeps it from waiting:
 * {@code openat2} from the root descriptor with {@code RESOLVE_CACHED} (EAGAIN where the path is
 * not in the kernel's caches; with {@code O_PATH} for a lookup, {@code O_NONBLOCK} for a whole-file
 * read or an open); {@code statx} of that descriptor with {@code AT_STATX_DONT_SYNC}; and for a
 * whole-file read, one {@code preadv2} with {@code RWF_NOWAIT}, whose count short of the size is
 * never taken for the end of file. It never closes: any close may be the last of a file another
 * process deleted, so the descriptors it opened, and that of an open file it closes ({@link
 * org.jvfs.spi.BackendFile#close}), are closed on the {@link Closer}'s thread. Reading a symbolic
 * link, watching a directory for the first time and anything else go to the pool. Every open has
 * {@code O_NONBLOCK}: one of a file another process holds a lease on fails with EAGAIN at once, and
 * is tried again on the pool until the lease is gone, holding no IO thread meanwhile; one of a FIFO
 * for reading returns at once, and its reads (with {@code read}, it has no position) wait for a
 * writer in the {@link Poller}, one thread for any number of waits. See {@link Placement}.
 *
 * <h2>Implementation notes</h2>
 *
 * <ul>
 *   <li>The pieces: {@link PosixRoot} (the root descriptor, resolution, watcher, IO pool, {@link
 *       Closer} and {@link Poller} threads and open files, shareable with another native backend),
 *       {@link Placement} (the rule above), {@link WholeFileReads}, {@link Opens} ({@link
 *       PosixFile}), {@link NamespaceOps}, {@link AttributeOps} and {@link DiskNames}.
 *   <li>Nodes ({@link PosixNode}) are the file's (dev, ino) for equality plus its physical path
 *       from the root. Opens (of files, whole-file reads, the lookup's nonblocking form) resolve
 *       the whole path with one confined {@code openat2} from the root (see {@link Resolver}). Any
 *       other operation on entry {@code name} of directory {@code d} opens a descriptor of {@code
 *       d} from the root, confined (under the WALK fallback component by component), calls the
 *       syscall on the single name and closes the descriptor again, never following a final link
 *       ({@code AT_SYMLINK_NOFOLLOW}, {@code O_NOFOLLOW}, {@code fchmodat2} or an O_PATH
 *       descriptor). No path with more than one component is ever resolved outside the {@link
 *       Resolver}.
 *   <li>No descriptor is kept beyond the call that opened it, but the root's and those of files the
 *       caller opened: a kept descriptor follows its file or directory wherever another process
 *       moves it, out of the root too, and checking that it still lies beneath the root costs as
 *       much as opening it again. An open file's descriptor is an {@link FdRef}: closing the file
 *       during a syscall on it closes the descriptor after the syscall. Besides, the {@link Closer}
 *       holds descriptors given up on a caller's thread until its thread closes them (an IO thread
 *       that meets EMFILE closes them first), and the {@link Poller} an eventfd once a stream
 *       waited.
 *   <li>With a watch sink, every directory is watched before the syscall that looks into it.
 *   <li>Names are UTF-8 on disk. A name on disk that is not valid UTF-8 has no string that names
 *       it: a listing leaves it out, and a symbolic link whose target is not valid UTF-8 fails with
 *       EILSEQ wherever it is read or followed ({@link DiskNames}). No string shows for two files,
 *       and none opens a file it does not encode to. A name with a surrogate that is not part of a
 *       pair is an {@link java.nio.file.InvalidPathException} ({@link Name#of}).
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class PosixBackend implements Backend {
  private final PosixOptions options;
  private final PosixRoot root;
  private final Placement placement;
  private final WholeFileReads reads;
  private final Opens opens;
  private final AttributeOps attributes;
  private final NamespaceOps namespace;
  private final Set<Capability> capabilities;

  private PosixBackend(PosixOptions options) throws IOException {
    this.options = options;
    this.root = new PosixRoot(options);
    this.placement =
        new Placement(root.pool, options.probe() && root.resolvesCached(), root::isClosed);
    this.reads = new WholeFileReads(root);
    this.opens = new Opens(root, placement);
    this.attributes = new AttributeOps(root);
    this.namespace = new NamespaceOps(root, attributes);
    EnumSet<Capability> caps =
        EnumSet.of(
            Capability.SYMBOLIC_LINKS,
            Capability.HARD_LINKS,
            Capability.POSIX_PERMISSIONS,
            Capability.OWNERS,
            Capability.SET_TIMES);
    if (placement.triesHere()) {
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
    return root.resolveMode();
  }

  /** Returns the descriptors this backend holds now, besides its root: for leak checks. */
  public int heldDescriptors() {
    return root.heldDescriptors();
  }

  /**
   * Returns what this backend shares with another native backend over the same root (the root
   * descriptor, resolution, watcher and IO pool); it stays this backend's, closed with it.
   */
  public PosixRoot posixRoot() {
    return root;
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public Node root() {
    return root.rootNode();
  }

  @Override
  public String toString() {
    return "PosixBackend[" + options.root() + ", " + root.resolveMode() + "]";
  }

  private static PosixNode node(Node n) {
    return PosixRoot.node(n);
  }

  // ---- lookups and attributes ----

  @Override
  public CompletionStage<@Nullable NodeInfo> lookup(Node dir, Name name) {
    PosixNode d = node(dir);
    return placement.runBlocking(() -> attributes.lookup(d, name));
  }

  /**
   * The lookup on the caller's thread: in its nonblocking form there (see "Where calls run"), in
   * full on an IO thread; unknown where it would block, or wherever calls are not tried there.
   */
  @Override
  public Probe probeLookup(Node dir, Name name) {
    PosixNode d = node(dir);
    Mode mode = placement.here();
    if (mode == null || root.isClosed()) {
      return Probe.unknown();
    }
    try {
      NodeInfo info = attributes.lookupFromRoot(d, name, mode);
      return info == null ? Probe.absent() : Probe.found(info);
    } catch (Exception e) {
      return Probe.unknown(); // would block, or failed: lookup() answers, with the error
    }
  }

  @Override
  public CompletionStage<NodeAttributes> attributes(Node node) {
    PosixNode n = node(node);
    return placement.run(mode -> attributes.attributes(n, mode));
  }

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
    return placement.runBlocking(
        () -> {
          attributes.setTimes(n, lastModified, lastAccess);
          return null;
        });
  }

  @Override
  public CompletionStage<Void> setPermissions(Node node, Set<PosixFilePermission> permissions) {
    PosixNode n = node(node);
    int mode = StatxAttributes.mode(permissions);
    return placement.runBlocking(
        () -> {
          attributes.setMode(n, mode);
          return null;
        });
  }

  @Override
  public CompletionStage<StoreInfo> storeInfo() {
    return placement.runBlocking(attributes::storeInfo);
  }

  // ---- files ----

  @Override
  public CompletionStage<Opened> open(
      Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions) {
    PosixNode d = node(dir);
    int mode = permissions == null ? 0666 : StatxAttributes.mode(permissions);
    return placement.run(where -> opens.open(d, name, flags, mode, where));
  }

  /**
   * Reads the file in one call (see {@link WholeFileReads}), where the SPI's default would take
   * four: open, {@code statx}, reads, close.
   */
  @Override
  public CompletionStage<byte[]> readFile(Node dir, Name name, long limit) {
    PosixNode d = node(dir);
    if (name == null) {
      throw new NullPointerException("name");
    }
    return placement.run(mode -> reads.read(d, name, limit, mode));
  }

  // ---- names ----

  @Override
  public CompletionStage<List<DirEntry>> readDirectory(Node dir) {
    PosixNode d = node(dir);
    return placement.runBlocking(() -> namespace.list(d));
  }

  @Override
  public CompletionStage<NodeInfo> createDirectory(
      Node dir, Name name, @Nullable Set<PosixFilePermission> permissions) {
    PosixNode d = node(dir);
    int mode = permissions == null ? 0777 : StatxAttributes.mode(permissions);
    return placement.runBlocking(() -> namespace.createDirectory(d, name, mode));
  }

  @Override
  public CompletionStage<Void> remove(Node dir, Name name, boolean directory) {
    PosixNode d = node(dir);
    return placement.runBlocking(
        () -> {
          namespace.remove(d, name, directory);
          return null;
        });
  }

  @Override
  public CompletionStage<Void> rename(
      Node fromDir, Name fromName, Node toDir, Name toName, boolean replace) {
    PosixNode f = node(fromDir);
    PosixNode t = node(toDir);
    return placement.runBlocking(
        () -> {
          namespace.rename(f, fromName, t, toName, replace);
          return null;
        });
  }

  @Override
  public CompletionStage<NodeInfo> link(Node fromDir, Name fromName, Node toDir, Name toName) {
    PosixNode f = node(fromDir);
    PosixNode t = node(toDir);
    return placement.runBlocking(() -> namespace.link(f, fromName, t, toName));
  }

  @Override
  public CompletionStage<NodeInfo> createSymlink(Node dir, Name name, String target) {
    PosixNode d = node(dir);
    return placement.runBlocking(() -> namespace.createSymlink(d, name, target));
  }

  @Override
  public CompletionStage<String> readSymlink(Node node) {
    PosixNode n = node(node);
    return placement.runBlocking(() -> namespace.readSymlink(n));
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
    root.startWatching(sink);
  }

  /**
   * Fails the calls waiting to be tried again, closes open files, the watcher, the IO pool and
   * every descriptor. Idempotent.
   */
  @Override
  public void close() {
    placement.close();
    root.close();
  }
}
