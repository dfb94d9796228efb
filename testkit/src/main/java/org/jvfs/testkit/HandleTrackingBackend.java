package org.jvfs.testkit;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendFile;
import org.jvfs.spi.Capability;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;
import org.jvfs.spi.Probe;
import org.jvfs.spi.StoreInfo;

/**
 * A backend wrapper that counts the files opened through it and remembers where each still-open one
 * was opened, so a test can fail on a leaked handle with the stack of the leaking open.
 *
 * <p>A handle counts as closed when its {@link BackendFile#close()} is first called, whatever the
 * stage's outcome (a close is never retried: the handle is gone either way). Thread-safe.
 */
public final class HandleTrackingBackend implements Backend {
  private final Backend delegate;
  private final Map<TrackedFile, Throwable> open = new ConcurrentHashMap<>();
  private final AtomicLong opens = new AtomicLong();
  private final AtomicLong closes = new AtomicLong();

  /**
   * Wraps {@code delegate}; closing this backend closes it.
   *
   * @throws NullPointerException if {@code delegate} is null
   */
  public HandleTrackingBackend(Backend delegate) {
    this.delegate = checkNotNull(delegate, "delegate");
  }

  /** Returns the wrapped backend. */
  public Backend delegate() {
    return delegate;
  }

  /** Returns the number of files opened and not yet closed. */
  public int openHandles() {
    return open.size();
  }

  /** Returns the number of successful opens so far. */
  public long opens() {
    return opens.get();
  }

  /** Returns the number of closes so far (first close of each handle only). */
  public long closes() {
    return closes.get();
  }

  /**
   * Checks that every file opened through this wrapper was closed.
   *
   * @throws AssertionError listing, for each leaked handle, its node and the stack of its open
   */
  public void assertNoOpenHandles() {
    if (open.isEmpty()) {
      return;
    }
    StringWriter out = new StringWriter();
    PrintWriter w = new PrintWriter(out);
    w.printf("%d backend file(s) left open:%n", open.size());
    open.forEach(
        (file, site) -> {
          w.printf("- %s, opened at:%n", file.node());
          site.printStackTrace(w);
        });
    w.flush();
    throw new AssertionError(out.toString());
  }

  @Override
  public Set<Capability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public Node root() {
    return delegate.root();
  }

  @Override
  public CompletionStage<@Nullable NodeInfo> lookup(Node dir, Name name) {
    return delegate.lookup(dir, name);
  }

  @Override
  public Probe probeLookup(Node dir, Name name) {
    return delegate.probeLookup(dir, name);
  }

  @Override
  public CompletionStage<NodeAttributes> attributes(Node node) {
    return delegate.attributes(node);
  }

  @Override
  public CompletionStage<List<DirEntry>> readDirectory(Node dir) {
    return delegate.readDirectory(dir);
  }

  /** Opens through the delegate and tracks the file until it is closed. */
  @Override
  public CompletionStage<Opened> open(
      Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions) {
    Throwable site = new Throwable("open of " + name + " in " + dir);
    return delegate
        .open(dir, name, flags, permissions)
        .thenApply(
            o -> {
              TrackedFile file = new TrackedFile(o.file());
              open.put(file, site);
              opens.incrementAndGet();
              return new Opened(file, o.info(), o.created());
            });
  }

  @Override
  public CompletionStage<NodeInfo> createDirectory(
      Node dir, Name name, @Nullable Set<PosixFilePermission> permissions) {
    return delegate.createDirectory(dir, name, permissions);
  }

  @Override
  public CompletionStage<Void> remove(Node dir, Name name, boolean directory) {
    return delegate.remove(dir, name, directory);
  }

  @Override
  public CompletionStage<Void> rename(
      Node fromDir, Name fromName, Node toDir, Name toName, boolean replace) {
    return delegate.rename(fromDir, fromName, toDir, toName, replace);
  }

  @Override
  public CompletionStage<NodeInfo> link(Node fromDir, Name fromName, Node toDir, Name toName) {
    return delegate.link(fromDir, fromName, toDir, toName);
  }

  @Override
  public CompletionStage<NodeInfo> createSymlink(Node dir, Name name, String target) {
    return delegate.createSymlink(dir, name, target);
  }

  @Override
  public CompletionStage<String> readSymlink(Node node) {
    return delegate.readSymlink(node);
  }

  @Override
  public CompletionStage<Void> setTimes(
      Node node,
      @Nullable FileTime lastModified,
      @Nullable FileTime lastAccess,
      @Nullable FileTime creation) {
    return delegate.setTimes(node, lastModified, lastAccess, creation);
  }

  @Override
  public CompletionStage<Void> setPermissions(Node node, Set<PosixFilePermission> permissions) {
    return delegate.setPermissions(node, permissions);
  }

  /** Forwards to the wrapped backend, which reports on its own threads. */
  @Override
  public void watch(org.jvfs.spi.Invalidations sink) {
    delegate.watch(sink);
  }

  @Override
  public CompletionStage<StoreInfo> storeInfo() {
    return delegate.storeInfo();
  }

  /** Closes the delegate; the tracked handles stay listed, so a leak is still reported. */
  @Override
  public void close() {
    delegate.close();
  }

  /** A file whose first close is counted. Identity equality: it is a map key. */
  private final class TrackedFile implements BackendFile {
    private final BackendFile file;
    private final AtomicBoolean closed = new AtomicBoolean();

    TrackedFile(BackendFile file) {
      this.file = file;
    }

    @Override
    public Node node() {
      return file.node();
    }

    @Override
    public CompletionStage<Integer> read(ByteBuffer dst, long position) {
      return file.read(dst, position);
    }

    @Override
    public CompletionStage<Integer> write(ByteBuffer src, long position) {
      return file.write(src, position);
    }

    @Override
    public CompletionStage<Long> size() {
      return file.size();
    }

    @Override
    public CompletionStage<Void> truncate(long size) {
      return file.truncate(size);
    }

    @Override
    public CompletionStage<Void> force(boolean metadata) {
      return file.force(metadata);
    }

    @Override
    public CompletionStage<Void> close() {
      if (closed.compareAndSet(false, true)) {
        open.remove(this);
        closes.incrementAndGet();
      }
      return file.close();
    }

    @Override
    public String toString() {
      return "Tracked[" + file + "]";
    }
  }
}
