package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.file.OpenOption;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jvfs.AsyncFile;
import org.jvfs.Vfs;

/**
 * The base of every group of {@link VfsConformanceKit} tests: access to the current test's VFS and
 * matrix cell, and the helpers the groups share.
 *
 * <p>Groups are extended by {@code @Nested} inner classes of the kit, which pass the enclosing kit
 * in; the VFS is looked up per call because the kit builds it after constructing the nested
 * instance. Not thread-safe, like the kit.
 */
abstract class VfsConformanceGroup {
  static final long TIMEOUT_SECONDS = VfsConformanceKit.TIMEOUT_SECONDS;
  static final byte[] HELLO = "hello".getBytes(UTF_8);

  private final VfsConformanceKit kit;

  VfsConformanceGroup(VfsConformanceKit kit) {
    this.kit = kit;
  }

  /** Returns the VFS under test. */
  final Vfs vfs() {
    return kit.vfs;
  }

  /** Makes {@code vfs} the VFS under test; the kit checks and closes it after the test. */
  final void replaceVfs(Vfs vfs) {
    kit.vfs = vfs;
  }

  /** See {@link VfsConformanceKit#newVfs}. */
  final Vfs newVfs(boolean withMount) throws Exception {
    return kit.newVfs(withMount);
  }

  final boolean caching() {
    return kit.caching();
  }

  final boolean pushesInvalidations() {
    return kit.pushesInvalidations();
  }

  final CompletionMode completionMode() {
    return kit.completionMode();
  }

  final boolean asyncBackend() {
    return kit.asyncBackend();
  }

  /** Returns true if the backend under test completes every stage at once. */
  final boolean inlineBackend() {
    return kit.inlineBackend();
  }

  /** Returns how many tasks the kit's completion executor was given. */
  final int completionTasks() {
    return kit.completionTasks();
  }

  /** See {@link VfsConformanceKit#await}. */
  static <T> T await(CompletableFuture<T> f) {
    return VfsConformanceKit.await(f);
  }

  /** See {@link VfsConformanceKit#failure}. */
  static Throwable failure(CompletableFuture<?> f) {
    return VfsConformanceKit.failure(f);
  }

  static Throwable unwrap(Throwable t) {
    return VfsConformanceKit.unwrap(t);
  }

  /** See {@link VfsConformanceKit#assertFailsUnchanged}. */
  final <E extends Throwable> E assertFailsUnchanged(
      Class<E> type, String path, Supplier<? extends CompletableFuture<?>> op) {
    return kit.assertFailsUnchanged(type, path, op);
  }

  /** See {@link VfsConformanceKit#snapshot()}. */
  final SortedMap<String, String> snapshot() {
    return kit.snapshot();
  }

  /** Writes a UTF-8 string to a file, creating or truncating it. */
  final void put(String path, String content) {
    kit.put(path, content);
  }

  /** Reads a file as a UTF-8 string. */
  final String get(String path) {
    return kit.get(path);
  }

  static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(UTF_8));
  }

  /** Reads up to {@code max} bytes at {@code position}, as a string, or {@code <eof>}. */
  static String readAt(AsyncFile f, long position, int max) {
    ByteBuffer b = ByteBuffer.allocate(max);
    int n = await(f.read(b, position));
    return n < 0 ? "<eof>" : new String(b.array(), 0, n, UTF_8);
  }

  final AsyncFile open(String path, OpenOption... options) {
    return await(vfs().open(path, options));
  }
}
