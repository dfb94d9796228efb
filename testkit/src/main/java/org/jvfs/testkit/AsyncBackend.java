package org.jvfs.testkit;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.ByteBuffer;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendFile;
import org.jvfs.spi.Capability;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.ForwardingBackend;
import org.jvfs.spi.ForwardingBackendFile;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;
import org.jvfs.spi.Probe;
import org.jvfs.spi.StoreInfo;

/**
 * A backend wrapper that completes every stage of the wrapped backend, and of the files it opens,
 * on a thread of its own: it turns an inline backend (one whose stages are complete when returned)
 * into an asynchronous one, so that the VFS's completion executor is exercised. Results and
 * failures pass through unchanged. It drops {@link Capability#INLINE_COMPLETION} and {@link
 * Capability#NONBLOCKING_PROBE} from the capabilities, since no answer is given on the caller's
 * thread. Closing it closes the wrapped backend, then stops its threads. Thread-safe.
 */
public final class AsyncBackend extends ForwardingBackend {
  private final Backend delegate;
  private final ExecutorService executor;

  private AsyncBackend(Backend delegate, int threads) {
    this.delegate = delegate;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "async-backend-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Wraps {@code delegate}; the wrapper owns it and closes it.
   *
   * @throws NullPointerException if {@code delegate} is null
   */
  public static AsyncBackend wrap(Backend delegate) {
    return new AsyncBackend(checkNotNull(delegate, "delegate"), 2);
  }

  /** Returns the wrapped backend. */
  @Override
  public Backend delegate() {
    return delegate;
  }

  /**
   * Returns a stage that completes like the one {@code call} returns, but on this wrapper's thread;
   * a call that throws fails the stage. After {@link #close()}, completes on the thread that
   * completed the delegate's stage.
   */
  private <T> CompletionStage<T> hop(Supplier<? extends CompletionStage<T>> call) {
    CompletableFuture<T> out = new CompletableFuture<>();
    CompletionStage<T> inner;
    try {
      inner = call.get();
    } catch (RuntimeException e) {
      if (e instanceof NullPointerException) {
        throw e;
      }
      out.completeExceptionally(e);
      return out;
    }
    WrapperSupport.relay(inner, out, executor);
    return out;
  }

  @Override
  public Set<Capability> capabilities() {
    return WrapperSupport.without(
        delegate.capabilities(), Capability.INLINE_COMPLETION, Capability.NONBLOCKING_PROBE);
  }

  @Override
  public CompletionStage<@Nullable NodeInfo> lookup(Node dir, Name name) {
    return hop(() -> delegate.lookup(dir, name));
  }

  /** Answers unknown, as a backend without {@link Capability#NONBLOCKING_PROBE} does. */
  @Override
  public Probe probeLookup(Node dir, Name name) {
    return Probe.unknown();
  }

  @Override
  public CompletionStage<NodeAttributes> attributes(Node node) {
    return hop(() -> delegate.attributes(node));
  }

  @Override
  public CompletionStage<List<DirEntry>> readDirectory(Node dir) {
    return hop(() -> delegate.readDirectory(dir));
  }

  @Override
  public CompletionStage<Opened> open(
      Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions) {
    return hop(
        () ->
            delegate
                .open(dir, name, flags, permissions)
                .thenApply(o -> new Opened(new File(o.file()), o.info(), o.created())));
  }

  @Override
  public CompletionStage<byte[]> readFile(Node dir, Name name, long limit) {
    return hop(() -> delegate.readFile(dir, name, limit));
  }

  @Override
  public CompletionStage<NodeInfo> createDirectory(
      Node dir, Name name, @Nullable Set<PosixFilePermission> permissions) {
    return hop(() -> delegate.createDirectory(dir, name, permissions));
  }

  @Override
  public CompletionStage<Void> remove(Node dir, Name name, boolean directory) {
    return hop(() -> delegate.remove(dir, name, directory));
  }

  @Override
  public CompletionStage<Void> rename(
      Node fromDir, Name fromName, Node toDir, Name toName, boolean replace) {
    return hop(() -> delegate.rename(fromDir, fromName, toDir, toName, replace));
  }

  @Override
  public CompletionStage<NodeInfo> link(Node fromDir, Name fromName, Node toDir, Name toName) {
    return hop(() -> delegate.link(fromDir, fromName, toDir, toName));
  }

  @Override
  public CompletionStage<NodeInfo> createSymlink(Node dir, Name name, String target) {
    return hop(() -> delegate.createSymlink(dir, name, target));
  }

  @Override
  public CompletionStage<String> readSymlink(Node node) {
    return hop(() -> delegate.readSymlink(node));
  }

  @Override
  public CompletionStage<Void> setTimes(
      Node node,
      @Nullable FileTime lastModified,
      @Nullable FileTime lastAccess,
      @Nullable FileTime creation) {
    return hop(() -> delegate.setTimes(node, lastModified, lastAccess, creation));
  }

  @Override
  public CompletionStage<Void> setPermissions(Node node, Set<PosixFilePermission> permissions) {
    return hop(() -> delegate.setPermissions(node, permissions));
  }

  @Override
  public CompletionStage<StoreInfo> storeInfo() {
    return hop(delegate::storeInfo);
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      executor.shutdown();
    }
  }

  @Override
  public String toString() {
    return "AsyncBackend[" + delegate + "]";
  }

  /** A file of the wrapped backend whose stages complete on the wrapper's thread. */
  private final class File extends ForwardingBackendFile {
    private final BackendFile file;

    File(BackendFile file) {
      this.file = file;
    }

    @Override
    protected BackendFile delegate() {
      return file;
    }

    @Override
    public CompletionStage<Integer> read(ByteBuffer dst, long position) {
      return hop(() -> file.read(dst, position));
    }

    @Override
    public CompletionStage<Integer> write(ByteBuffer src, long position) {
      return hop(() -> file.write(src, position));
    }

    @Override
    public CompletionStage<Long> size() {
      return hop(file::size);
    }

    @Override
    public CompletionStage<Void> truncate(long size) {
      return hop(() -> file.truncate(size));
    }

    @Override
    public CompletionStage<Void> force(boolean metadata) {
      return hop(() -> file.force(metadata));
    }

    @Override
    public CompletionStage<Void> close() {
      return hop(file::close);
    }
  }
}
