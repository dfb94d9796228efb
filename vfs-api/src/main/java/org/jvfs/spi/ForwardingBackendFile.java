package org.jvfs.spi;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * A {@link BackendFile} that forwards every call to another open file, {@link #delegate()}. It is
 * the base of the files of backend wrappers, such as metrics, fault injection or tracing (see
 * {@link ForwardingBackend}): a wrapper overrides only the calls it changes and inherits the rest.
 *
 * <p>Every method of {@link BackendFile} is forwarded as is. {@code equals}, {@code hashCode} and
 * {@code toString} are not forwarded: they are {@link Object}'s unless a subclass says otherwise,
 * so two wrappers of one file are distinct.
 *
 * <p>Thread-safe exactly as far as the delegate and the subclass are: this class keeps no state.
 */
public abstract class ForwardingBackendFile implements BackendFile {

  /** Creates a forwarding file; the subclass supplies the delegate. */
  protected ForwardingBackendFile() {}

  /**
   * Returns the file every call is forwarded to. Called on every forwarded call, from any thread;
   * it must return the same file each time.
   *
   * @return the delegate, never null
   */
  protected abstract BackendFile delegate();

  @Override
  public Node node() {
    return delegate().node();
  }

  @Override
  public CompletionStage<Integer> read(ByteBuffer dst, long position) {
    return delegate().read(dst, position);
  }

  @Override
  public CompletionStage<Integer> write(ByteBuffer src, long position) {
    return delegate().write(src, position);
  }

  @Override
  public CompletionStage<Long> size() {
    return delegate().size();
  }

  @Override
  public CompletionStage<Void> truncate(long size) {
    return delegate().truncate(size);
  }

  @Override
  public CompletionStage<Void> force(boolean metadata) {
    return delegate().force(metadata);
  }

  @Override
  public CompletionStage<Void> close() {
    return delegate().close();
  }
}
