package org.jvfs.spi;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Backend} that forwards every call to another backend, {@link #delegate()}. It is the
 * base of backend wrappers, such as metrics, fault injection or tracing: a wrapper overrides only
 * the calls it changes and inherits the rest.
 *
 * <p>Every method of {@link Backend}, including the default {@link #probeLookup} and {@link
 * #close()}, is forwarded as is, so a wrapper that extends this class changes nothing it does not
 * override. Files returned by {@link #open} are the delegate's own; a wrapper that changes file
 * calls overrides {@link #open} and wraps them, for example in a {@link ForwardingBackendFile}, and
 * overrides {@link #readFile} to call {@link Backend#readFileByOpen} with itself, since the
 * delegate's {@code readFile} would not go through the wrapper's files. {@code equals}, {@code
 * hashCode} and {@code toString} are not forwarded: they are {@link Object}'s unless a subclass
 * says otherwise.
 *
 * <p>Thread-safe exactly as far as the delegate and the subclass are: this class keeps no state.
 */
public abstract class ForwardingBackend implements Backend {

  /** Creates a forwarding backend; the subclass supplies the delegate. */
  protected ForwardingBackend() {}

  /**
   * Returns the backend every call is forwarded to. Called on every forwarded call, from any
   * thread; it must return the same backend each time.
   *
   * @return the delegate, never null
   */
  protected abstract Backend delegate();

  @Override
  public Set<Capability> capabilities() {
    return delegate().capabilities();
  }

  @Override
  public Node root() {
    return delegate().root();
  }

  @Override
  public CompletionStage<@Nullable NodeInfo> lookup(Node dir, Name name) {
    return delegate().lookup(dir, name);
  }

  @Override
  public Probe probeLookup(Node dir, Name name) {
    return delegate().probeLookup(dir, name);
  }

  @Override
  public CompletionStage<NodeAttributes> attributes(Node node) {
    return delegate().attributes(node);
  }

  @Override
  public CompletionStage<List<DirEntry>> readDirectory(Node dir) {
    return delegate().readDirectory(dir);
  }

  @Override
  public CompletionStage<Opened> open(
      Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions) {
    return delegate().open(dir, name, flags, permissions);
  }

  @Override
  public CompletionStage<byte[]> readFile(Node dir, Name name, long limit) {
    return delegate().readFile(dir, name, limit);
  }

  @Override
  public CompletionStage<NodeInfo> createDirectory(
      Node dir, Name name, @Nullable Set<PosixFilePermission> permissions) {
    return delegate().createDirectory(dir, name, permissions);
  }

  @Override
  public CompletionStage<Void> remove(Node dir, Name name, boolean directory) {
    return delegate().remove(dir, name, directory);
  }

  @Override
  public CompletionStage<Void> rename(
      Node fromDir, Name fromName, Node toDir, Name toName, boolean replace) {
    return delegate().rename(fromDir, fromName, toDir, toName, replace);
  }

  @Override
  public CompletionStage<NodeInfo> link(Node fromDir, Name fromName, Node toDir, Name toName) {
    return delegate().link(fromDir, fromName, toDir, toName);
  }

  @Override
  public CompletionStage<NodeInfo> createSymlink(Node dir, Name name, String target) {
    return delegate().createSymlink(dir, name, target);
  }

  @Override
  public CompletionStage<String> readSymlink(Node node) {
    return delegate().readSymlink(node);
  }

  @Override
  public CompletionStage<Void> setTimes(
      Node node,
      @Nullable FileTime lastModified,
      @Nullable FileTime lastAccess,
      @Nullable FileTime creation) {
    return delegate().setTimes(node, lastModified, lastAccess, creation);
  }

  @Override
  public CompletionStage<Void> setPermissions(Node node, Set<PosixFilePermission> permissions) {
    return delegate().setPermissions(node, permissions);
  }

  @Override
  public CompletionStage<StoreInfo> storeInfo() {
    return delegate().storeInfo();
  }

  @Override
  public void watch(Invalidations sink) {
    delegate().watch(sink);
  }

  @Override
  public void close() {
    delegate().close();
  }
}
