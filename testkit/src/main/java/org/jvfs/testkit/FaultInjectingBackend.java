package org.jvfs.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.ByteBuffer;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.BackendFile;
import org.jvfs.spi.Capability;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Errno;
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
 * A backend wrapper that injects faults per {@link Operation}: failures with a {@link
 * BackendException} (typically {@link Errno#EIO}, {@link Errno#ENOSPC}, {@link Errno#EMFILE} or
 * {@link Errno#EINTR}) on the next N calls or with a probability, added latency, and short reads
 * and writes.
 *
 * <p>An injected failure replaces the call: the delegate is not called, except for {@link
 * Operation#CLOSE}, where the delegate's file is closed anyway (a close is never retried, so the
 * handle must not leak). Latency completes the delegate's result later, on a scheduler thread this
 * wrapper owns and shuts down in {@link #close()}; the wrapper then no longer has {@link
 * Capability#INLINE_COMPLETION}. A short transfer moves between 1 and {@code remaining - 1} bytes.
 *
 * <p>Random choices come from one {@link Random} seeded at construction, so a single-threaded test
 * sees the same faults for the same seed. Thread-safe: fault settings and the random source are
 * guarded by this object's monitor.
 */
public final class FaultInjectingBackend extends ForwardingBackend {

  /** The operations faults can be set for. */
  public enum Operation {
    LOOKUP,
    ATTRIBUTES,
    READ_DIRECTORY,
    OPEN,
    CREATE_DIRECTORY,
    REMOVE,
    RENAME,
    LINK,
    CREATE_SYMLINK,
    READ_SYMLINK,
    SET_TIMES,
    SET_PERMISSIONS,
    STORE_INFO,
    /** {@link BackendFile#read}. */
    READ,
    /** {@link BackendFile#write}. */
    WRITE,
    /** {@link BackendFile#size}. */
    SIZE,
    /** {@link BackendFile#truncate}. */
    TRUNCATE,
    /** {@link BackendFile#force}. */
    FORCE,
    /** {@link BackendFile#close}. */
    CLOSE
  }

  private final Backend delegate;
  private final Random random;
  private final Map<Operation, Faults> faults = new EnumMap<>(Operation.class);
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "jvfs-fault-latency");
            t.setDaemon(true);
            return t;
          });

  /**
   * Wraps {@code delegate}, with random choices seeded by {@code seed}; closing this closes it.
   *
   * @throws NullPointerException if {@code delegate} is null
   */
  public FaultInjectingBackend(Backend delegate, long seed) {
    this.delegate = checkNotNull(delegate, "delegate");
    this.random = new Random(seed);
  }

  @Override
  protected Backend delegate() {
    return delegate;
  }

  /**
   * Makes the next {@code count} calls of {@code op} fail with {@code errno}.
   *
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public synchronized FaultInjectingBackend failNext(Operation op, Errno errno, int count) {
    checkArgument(count >= 0, "count (%s) must not be negative", count);
    Faults f = faults(op);
    f.failNextErrno = checkNotNull(errno, "errno");
    f.failNextCount = count;
    return this;
  }

  /**
   * Makes each call of {@code op} fail with {@code errno} with the given probability.
   *
   * @throws IllegalArgumentException if {@code probability} is not in [0, 1]
   */
  public synchronized FaultInjectingBackend failRandomly(
      Operation op, Errno errno, double probability) {
    checkArgument(
        probability >= 0 && probability <= 1, "probability (%s) must be in [0, 1]", probability);
    Faults f = faults(op);
    f.failErrno = checkNotNull(errno, "errno");
    f.failProbability = probability;
    return this;
  }

  /**
   * Delays the completion of every call of {@code op} by {@code latency}.
   *
   * @throws IllegalArgumentException if {@code latency} is negative
   */
  public synchronized FaultInjectingBackend delay(Operation op, Duration latency) {
    checkArgument(!latency.isNegative(), "latency (%s) must not be negative", latency);
    faults(op).latency = latency;
    return this;
  }

  /**
   * Makes each {@link Operation#READ} or {@link Operation#WRITE} transfer fewer bytes than asked,
   * with the given probability, when more than one byte was asked.
   *
   * @throws IllegalArgumentException if {@code op} is not READ or WRITE, or {@code probability} is
   *     not in [0, 1]
   */
  public synchronized FaultInjectingBackend shortTransfers(Operation op, double probability) {
    checkArgument(
        op == Operation.READ || op == Operation.WRITE, "op (%s) must be READ or WRITE", op);
    checkArgument(
        probability >= 0 && probability <= 1, "probability (%s) must be in [0, 1]", probability);
    faults(op).shortProbability = probability;
    return this;
  }

  /** Removes every configured fault. */
  public synchronized void clearFaults() {
    faults.clear();
  }

  /** Returns the capabilities of the delegate, without INLINE_COMPLETION while a delay is set. */
  @Override
  public synchronized Set<Capability> capabilities() {
    boolean delayed = faults.values().stream().anyMatch(f -> !f.latency.isZero());
    if (!delayed) {
      return delegate.capabilities();
    }
    return WrapperSupport.without(delegate.capabilities(), Capability.INLINE_COMPLETION);
  }

  @Override
  public CompletionStage<@Nullable NodeInfo> lookup(Node dir, Name name) {
    return inject(Operation.LOOKUP, () -> delegate.lookup(dir, name));
  }

  /** Answers unknown while LOOKUP has faults set, so faulty lookups go through {@link #lookup}. */
  @Override
  public Probe probeLookup(Node dir, Name name) {
    synchronized (this) {
      if (faults.containsKey(Operation.LOOKUP)) {
        return Probe.unknown();
      }
    }
    return delegate.probeLookup(dir, name);
  }

  @Override
  public CompletionStage<NodeAttributes> attributes(Node node) {
    return inject(Operation.ATTRIBUTES, () -> delegate.attributes(node));
  }

  @Override
  public CompletionStage<List<DirEntry>> readDirectory(Node dir) {
    return inject(Operation.READ_DIRECTORY, () -> delegate.readDirectory(dir));
  }

  @Override
  public CompletionStage<Opened> open(
      Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions) {
    return inject(
        Operation.OPEN,
        () ->
            delegate
                .open(dir, name, flags, permissions)
                .thenApply(o -> new Opened(new FaultyFile(o.file()), o.info(), o.created())));
  }

  /**
   * Reads through this wrapper's own {@link #open} and files ({@link Backend#readFileByOpen}), so
   * that faults of {@link Operation#OPEN}, {@link Operation#READ} and {@link Operation#CLOSE}
   * apply.
   */
  @Override
  public CompletionStage<byte[]> readFile(Node dir, Name name, long limit) {
    return Backend.readFileByOpen(this, dir, name, limit);
  }

  @Override
  public CompletionStage<NodeInfo> createDirectory(
      Node dir, Name name, @Nullable Set<PosixFilePermission> permissions) {
    return inject(
        Operation.CREATE_DIRECTORY, () -> delegate.createDirectory(dir, name, permissions));
  }

  @Override
  public CompletionStage<Void> remove(Node dir, Name name, boolean directory) {
    return inject(Operation.REMOVE, () -> delegate.remove(dir, name, directory));
  }

  @Override
  public CompletionStage<Void> rename(
      Node fromDir, Name fromName, Node toDir, Name toName, boolean replace) {
    return inject(
        Operation.RENAME, () -> delegate.rename(fromDir, fromName, toDir, toName, replace));
  }

  @Override
  public CompletionStage<NodeInfo> link(Node fromDir, Name fromName, Node toDir, Name toName) {
    return inject(Operation.LINK, () -> delegate.link(fromDir, fromName, toDir, toName));
  }

  @Override
  public CompletionStage<NodeInfo> createSymlink(Node dir, Name name, String target) {
    return inject(Operation.CREATE_SYMLINK, () -> delegate.createSymlink(dir, name, target));
  }

  @Override
  public CompletionStage<String> readSymlink(Node node) {
    return inject(Operation.READ_SYMLINK, () -> delegate.readSymlink(node));
  }

  @Override
  public CompletionStage<Void> setTimes(
      Node node,
      @Nullable FileTime lastModified,
      @Nullable FileTime lastAccess,
      @Nullable FileTime creation) {
    return inject(
        Operation.SET_TIMES, () -> delegate.setTimes(node, lastModified, lastAccess, creation));
  }

  @Override
  public CompletionStage<Void> setPermissions(Node node, Set<PosixFilePermission> permissions) {
    return inject(Operation.SET_PERMISSIONS, () -> delegate.setPermissions(node, permissions));
  }

  @Override
  public CompletionStage<StoreInfo> storeInfo() {
    return inject(Operation.STORE_INFO, delegate::storeInfo);
  }

  /**
   * Shuts the latency scheduler down (pending delayed stages still complete) and closes the
   * delegate.
   */
  @Override
  public void close() {
    scheduler.shutdown();
    delegate.close();
  }

  private Faults faults(Operation op) {
    return faults.computeIfAbsent(op, k -> new Faults());
  }

  /** Decides, under the monitor, whether this call fails; returns the errno or null. */
  private synchronized @Nullable Errno failure(Operation op) {
    Faults f = faults.get(op);
    if (f == null) {
      return null;
    }
    if (f.failNextCount > 0) {
      f.failNextCount--;
      return f.failNextErrno;
    }
    if (f.failProbability > 0 && random.nextDouble() < f.failProbability) {
      return f.failErrno;
    }
    return null;
  }

  private synchronized Duration latency(Operation op) {
    Faults f = faults.get(op);
    return f == null ? Duration.ZERO : f.latency;
  }

  /** Returns how many of {@code remaining} bytes to transfer. */
  private synchronized int transferLength(Operation op, int remaining) {
    Faults f = faults.get(op);
    if (f == null || remaining < 2 || f.shortProbability == 0) {
      return remaining;
    }
    if (random.nextDouble() >= f.shortProbability) {
      return remaining;
    }
    return 1 + random.nextInt(remaining - 1);
  }

  private <T> CompletionStage<T> inject(Operation op, Supplier<CompletionStage<T>> call) {
    Errno errno = failure(op);
    CompletionStage<T> result =
        errno == null
            ? call.get()
            : CompletableFuture.failedFuture(
                new BackendException(errno, errno.reason() + " (injected in " + op + ")"));
    return delayed(op, result);
  }

  private <T> CompletionStage<T> delayed(Operation op, CompletionStage<T> stage) {
    Duration latency = latency(op);
    if (latency.isZero()) {
      return stage;
    }
    CompletableFuture<T> later = new CompletableFuture<>();
    // Once closed, the scheduler rejects the task and the stage completes now rather than never.
    WrapperSupport.relay(
        stage, later, task -> scheduler.schedule(task, latency.toNanos(), TimeUnit.NANOSECONDS));
    return later;
  }

  /** The faults of one operation. */
  private static final class Faults {
    Errno failNextErrno = Errno.EIO;
    int failNextCount;
    Errno failErrno = Errno.EIO;
    double failProbability;
    Duration latency = Duration.ZERO;
    double shortProbability;
  }

  /** An open file whose calls get the configured faults. */
  private final class FaultyFile extends ForwardingBackendFile {
    private final BackendFile file;

    FaultyFile(BackendFile file) {
      this.file = file;
    }

    @Override
    protected BackendFile delegate() {
      return file;
    }

    @Override
    public CompletionStage<Integer> read(ByteBuffer dst, long position) {
      return inject(
          Operation.READ, () -> transfer(Operation.READ, dst, b -> file.read(b, position)));
    }

    @Override
    public CompletionStage<Integer> write(ByteBuffer src, long position) {
      return inject(
          Operation.WRITE, () -> transfer(Operation.WRITE, src, b -> file.write(b, position)));
    }

    @Override
    public CompletionStage<Long> size() {
      return inject(Operation.SIZE, file::size);
    }

    @Override
    public CompletionStage<Void> truncate(long size) {
      return inject(Operation.TRUNCATE, () -> file.truncate(size));
    }

    @Override
    public CompletionStage<Void> force(boolean metadata) {
      return inject(Operation.FORCE, () -> file.force(metadata));
    }

    @Override
    public CompletionStage<Void> close() {
      Errno errno = failure(Operation.CLOSE);
      CompletionStage<Void> closed = file.close();
      if (errno != null) {
        closed =
            closed.thenCompose(
                v ->
                    CompletableFuture.failedFuture(
                        new BackendException(errno, errno.reason() + " (injected in CLOSE)")));
      }
      return delayed(Operation.CLOSE, closed);
    }

    /**
     * Calls {@code io} on a view limited to the chosen length; advances {@code buf} by the count.
     */
    private CompletionStage<Integer> transfer(
        Operation op,
        ByteBuffer buf,
        java.util.function.Function<ByteBuffer, CompletionStage<Integer>> io) {
      int length = transferLength(op, buf.remaining());
      if (length == buf.remaining()) {
        return io.apply(buf);
      }
      ByteBuffer view = buf.duplicate();
      view.limit(buf.position() + length);
      return io.apply(view)
          .thenApply(
              n -> {
                if (n > 0) {
                  buf.position(buf.position() + n);
                }
                return n;
              });
    }

    @Override
    public String toString() {
      return "Faulty[" + file + "]";
    }
  }
}
