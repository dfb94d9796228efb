package org.jvfs.testkit;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Capability;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Errno;
import org.jvfs.spi.ForwardingBackend;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;
import org.jvfs.spi.Probe;
import org.jvfs.spi.StoreInfo;

/**
 * A backend wrapper that a test scripts, to check the VFS's nonblocking contract. It records every
 * call; it can refuse every call (the call is recorded as a violation and fails with an {@link
 * AssertionError}); it can hold lookups (each returns an incomplete stage, answered by the wrapped
 * backend and completed from another thread when the test calls {@link #releaseLookups()}); and it
 * can fail the next lookup of a name once with an {@link Errno}.
 *
 * <p>It hides {@link Capability#INLINE_COMPLETION} and {@link Capability#NONBLOCKING_PROBE}, so
 * that the VFS treats it as a backend that may answer later. Thread-safe.
 */
public final class ScriptedBackend extends ForwardingBackend {
  private final Backend delegate;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Runnable> held = new ConcurrentLinkedQueue<>();
  private final AtomicReference<@Nullable FailOnce> failOnce = new AtomicReference<>();
  private volatile boolean refuseAll;
  private volatile boolean holdLookups;

  private record FailOnce(String name, Errno errno) {}

  /** Wraps {@code delegate}. */
  public ScriptedBackend(Backend delegate) {
    this.delegate = checkNotNull(delegate, "delegate");
  }

  @Override
  protected Backend delegate() {
    return delegate;
  }

  /** Makes every later call a violation (true) or allowed again (false). */
  public void refuseAllCalls(boolean refuse) {
    this.refuseAll = refuse;
  }

  /** Holds every later lookup until {@link #releaseLookups()}. */
  public void holdLookups() {
    this.holdLookups = true;
  }

  /**
   * Stops holding lookups and answers every held one, each from a new thread.
   *
   * @return the number of lookups released
   */
  public int releaseLookups() {
    holdLookups = false;
    int n = 0;
    for (Runnable r = held.poll(); r != null; r = held.poll()) {
      Thread t = new Thread(r, "scripted-backend-release");
      t.setDaemon(true);
      t.start();
      n++;
    }
    return n;
  }

  /** Returns the number of lookups held now. */
  public int heldLookups() {
    return held.size();
  }

  /**
   * Waits until at least {@code n} lookups are held.
   *
   * @throws AssertionError if that does not happen within {@code seconds}
   */
  public void awaitHeld(int n, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (held.size() < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + held.size() + " of " + n + " lookups held");
      }
      Thread.sleep(1);
    }
  }

  /** Fails the next lookup of {@code name} (in any directory) once with {@code errno}. */
  public void failNextLookup(String name, Errno errno) {
    failOnce.set(new FailOnce(name, errno));
  }

  /** Returns every call so far, as {@code method} or {@code lookup name}, in order. */
  public List<String> calls() {
    return new ArrayList<>(calls);
  }

  /** Returns how many calls were made to {@code call} (e.g. {@code "lookup f"} or "open"). */
  public long count(String call) {
    return calls.stream().filter(c -> c.equals(call) || c.startsWith(call + " ")).count();
  }

  /** Forgets the calls recorded so far (not the violations). */
  public void clearCalls() {
    calls.clear();
  }

  /** Returns the calls made while every call was refused. */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  private void record(String call) {
    calls.add(call);
    if (refuseAll) {
      violations.add(call);
      throw new AssertionError("backend called while refusing all calls: " + call);
    }
  }

  @Override
  public Set<Capability> capabilities() {
    return WrapperSupport.without(
        delegate.capabilities(), Capability.INLINE_COMPLETION, Capability.NONBLOCKING_PROBE);
  }

  @Override
  public CompletionStage<@Nullable NodeInfo> lookup(Node dir, Name name) {
    record("lookup " + name);
    FailOnce f = failOnce.get();
    if (f != null && f.name.equals(name.toString()) && failOnce.compareAndSet(f, null)) {
      return CompletableFuture.failedFuture(new BackendException(f.errno));
    }
    if (!holdLookups) {
      return delegate.lookup(dir, name);
    }
    CompletableFuture<@Nullable NodeInfo> answer = new CompletableFuture<>();
    held.add(() -> WrapperSupport.relay(delegate.lookup(dir, name), answer, Runnable::run));
    return answer;
  }

  /** Answers unknown, as a backend without {@link Capability#NONBLOCKING_PROBE} does. */
  @Override
  public Probe probeLookup(Node dir, Name name) {
    return Probe.unknown();
  }

  @Override
  public CompletionStage<NodeAttributes> attributes(Node node) {
    record("attributes");
    return delegate.attributes(node);
  }

  @Override
  public CompletionStage<List<DirEntry>> readDirectory(Node dir) {
    record("readDirectory");
    return delegate.readDirectory(dir);
  }

  @Override
  public CompletionStage<Opened> open(
      Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions) {
    record("open " + name);
    return delegate.open(dir, name, flags, permissions);
  }

  @Override
  public CompletionStage<byte[]> readFile(Node dir, Name name, long limit) {
    record("readFile " + name);
    return delegate.readFile(dir, name, limit);
  }

  @Override
  public CompletionStage<NodeInfo> createDirectory(
      Node dir, Name name, @Nullable Set<PosixFilePermission> permissions) {
    record("createDirectory " + name);
    return delegate.createDirectory(dir, name, permissions);
  }

  @Override
  public CompletionStage<Void> remove(Node dir, Name name, boolean directory) {
    record("remove " + name);
    return delegate.remove(dir, name, directory);
  }

  @Override
  public CompletionStage<Void> rename(
      Node fromDir, Name fromName, Node toDir, Name toName, boolean replace) {
    record("rename " + fromName);
    return delegate.rename(fromDir, fromName, toDir, toName, replace);
  }

  @Override
  public CompletionStage<NodeInfo> link(Node fromDir, Name fromName, Node toDir, Name toName) {
    record("link " + toName);
    return delegate.link(fromDir, fromName, toDir, toName);
  }

  @Override
  public CompletionStage<NodeInfo> createSymlink(Node dir, Name name, String target) {
    record("createSymlink " + name);
    return delegate.createSymlink(dir, name, target);
  }

  @Override
  public CompletionStage<String> readSymlink(Node node) {
    record("readSymlink");
    return delegate.readSymlink(node);
  }

  @Override
  public CompletionStage<Void> setTimes(
      Node node,
      @Nullable FileTime lastModified,
      @Nullable FileTime lastAccess,
      @Nullable FileTime creation) {
    record("setTimes");
    return delegate.setTimes(node, lastModified, lastAccess, creation);
  }

  @Override
  public CompletionStage<Void> setPermissions(Node node, Set<PosixFilePermission> permissions) {
    record("setPermissions");
    return delegate.setPermissions(node, permissions);
  }

  @Override
  public CompletionStage<StoreInfo> storeInfo() {
    record("storeInfo");
    return delegate.storeInfo();
  }
}
