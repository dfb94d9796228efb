package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.jvfs.AsyncFile;
import org.jvfs.Vfs;
import org.jvfs.spi.Backend;
import org.jvfs.spi.NodeAttributes;

/**
 * The VFS-level conformance kit: every operation of {@link Vfs} and {@link AsyncFile}, run through
 * the public API on a backend a subclass supplies, and checked against what the JDK's own provider
 * does on Linux for the same call.
 *
 * <p>A subclass supplies a fresh backend per test and the matrix axes: the dentry cache on or off,
 * and the {@link CompletionMode}. By default the backend is wrapped in an {@link AsyncBackend}, so
 * that its stages complete on another thread and the completion executor matters even for an inline
 * backend; override {@link #asyncBackend()} to opt out.
 *
 * <p>Every error test checks the exception's type, that its message names the path the caller used,
 * and that the tree is unchanged afterwards. After every test the kit checks that the cache agrees
 * with the backend, that no file is left open and that no future is left pending.
 */
public abstract class VfsConformanceKit {
  /** For subclasses, which supply the backend. */
  protected VfsConformanceKit() {}

  /** How long the kit waits for a future. */
  static final long TIMEOUT_SECONDS = 10;

  /** The VFS under test, made fresh for every test. */
  protected Vfs vfs;

  private @Nullable ExecutorService completionPool;
  private final AtomicInteger completionTasks = new AtomicInteger();

  /** Returns a fresh, empty backend; the VFS owns it and closes it. */
  protected abstract Backend newBackend() throws Exception;

  /** Returns true to run with the dentry cache on, false to run with it off. */
  protected abstract boolean caching();

  /** Returns the completion executor to run with. */
  protected abstract CompletionMode completionMode();

  /**
   * Returns true if the backend reports changes to the VFS (the WATCH policy), the VFS's own
   * included: such a report may arrive just after a lookup cached its answer and briefly turn it
   * into MISS (never into a wrong answer), so tests of a cached answer right after a change wait
   * for the reports to settle. Default false.
   */
  protected boolean pushesInvalidations() {
    return false;
  }

  /**
   * Returns true (the default) to wrap every backend in an {@link AsyncBackend}; a backend that
   * already completes on threads of its own may return false.
   */
  protected boolean asyncBackend() {
    return true;
  }

  // ---- setting up and checking ----

  /** Builds the VFS for this test over a fresh backend at {@code /}. */
  @BeforeEach
  final void setUpVfs() throws Exception {
    vfs = newVfs(false);
  }

  /**
   * Returns a VFS over fresh backends, configured for this matrix cell: one at {@code /} and, if
   * {@code withMount}, a second at {@code /m}.
   */
  protected final Vfs newVfs(boolean withMount) throws Exception {
    Vfs.Builder b = Vfs.builder().caching(caching()).mount("/", backend());
    if (withMount) {
      b.mount("/m", backend());
    }
    switch (completionMode()) {
      case DIRECT -> b.directCompletion();
      case THREADED -> {
        if (completionPool == null) {
          AtomicInteger n = new AtomicInteger();
          completionPool =
              Executors.newFixedThreadPool(
                  2,
                  r -> {
                    Thread t = new Thread(r, "vfs-kit-completion-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                  });
        }
        ExecutorService pool = completionPool;
        b.completionExecutor(
            r -> {
              completionTasks.incrementAndGet();
              pool.execute(r);
            });
      }
      case REJECTING ->
          b.completionExecutor(
              r -> {
                completionTasks.incrementAndGet();
                throw new RejectedExecutionException("the kit's rejecting executor");
              });
    }
    return b.build();
  }

  /** Returns how many tasks the kit's completion executor was given. */
  private boolean inlineBackend;

  final int completionTasks() {
    return completionTasks.get();
  }

  private Backend backend() throws Exception {
    Backend b = newBackend();
    Backend used = asyncBackend() ? AsyncBackend.wrap(b) : b;
    inlineBackend = used.capabilities().contains(org.jvfs.spi.Capability.INLINE_COMPLETION);
    return used;
  }

  /** Returns true if the backend under test completes every stage at once. */
  final boolean inlineBackend() {
    return inlineBackend;
  }

  /** Checks the invariants every test must leave behind, then closes the VFS. */
  @AfterEach
  final void checkInvariantsAndClose() throws InterruptedException {
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      // An open racing close() counts its file until it sees the VFS closed and releases it.
      while ((vfs.pendingOperations() != 0 || vfs.openFileCount() != 0)
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(vfs.pendingOperations()).as("pending operations").isZero();
      assertThat(vfs.openFileCount()).as("open files").isZero();
      if (vfs.isOpen()) {
        assertThat(vfs.verifyCache()).as("cache disagreements").isEmpty();
      }
    } finally {
      vfs.close();
      ExecutorService pool = completionPool;
      if (pool != null) {
        pool.shutdown();
        assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  // ---- helpers ----

  /** Waits for {@code f} and returns its value; a failure fails the test with its cause. */
  protected static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("operation failed: " + unwrap(e), unwrap(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (TimeoutException e) {
      throw new AssertionError("operation did not complete in " + TIMEOUT_SECONDS + " s", e);
    }
  }

  /** Waits for {@code f} to fail and returns the cause, unwrapped. */
  protected static Throwable failure(CompletableFuture<?> f) {
    Object value;
    try {
      value = f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      return unwrap(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (TimeoutException e) {
      throw new AssertionError("operation did not complete in " + TIMEOUT_SECONDS + " s", e);
    }
    throw new AssertionError("expected a failure, got " + value);
  }

  /** Returns the cause under any {@link CompletionException} or {@link ExecutionException}. */
  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /**
   * Runs {@code op}, which must fail with {@code type} naming {@code path} (in its message and, for
   * a {@link FileSystemException}, its file or, for two-path calls, its other file), and checks the
   * tree is unchanged.
   */
  protected final <E extends Throwable> E assertFailsUnchanged(
      Class<E> type, String path, Supplier<? extends CompletableFuture<?>> op) {
    SortedMap<String, String> before = snapshot();
    Throwable t = failure(op.get());
    assertThat(t).isInstanceOf(type).hasMessageContaining(path);
    if (t instanceof FileSystemException fse) {
      assertThat(fse.getFile() + "\n" + fse.getOtherFile()).contains(path);
    }
    assertThat(snapshot()).as("tree after the failed operation").isEqualTo(before);
    return type.cast(t);
  }

  /** Returns the whole tree: every path with its kind and size, content or link target. */
  protected final SortedMap<String, String> snapshot() {
    SortedMap<String, String> out = new TreeMap<>();
    snapshot("/", out);
    return out;
  }

  private void snapshot(String dir, SortedMap<String, String> out) {
    for (String name : await(vfs.list(dir))) {
      String p = dir.equals("/") ? "/" + name : dir + "/" + name;
      NodeAttributes a = await(vfs.stat(p, LinkOption.NOFOLLOW_LINKS));
      if (a.isDirectory()) {
        out.put(p, "dir");
        snapshot(p, out);
      } else if (a.isSymbolicLink()) {
        out.put(p, "link -> " + await(vfs.readSymbolicLink(p)));
      } else {
        out.put(p, "file " + HexFormat.of().formatHex(await(vfs.readAllBytes(p))));
      }
    }
  }

  /** Writes a UTF-8 string to a file, creating or truncating it. */
  protected final void put(String path, String content) {
    await(vfs.write(path, content.getBytes(UTF_8)));
  }

  /** Reads a file as a UTF-8 string. */
  protected final String get(String path) {
    return new String(await(vfs.readAllBytes(path)), UTF_8);
  }

  @Nested
  @DisplayName("Lookups answer HIT, ABSENT or MISS")
  class Lookups extends VfsLookupConformance {
    Lookups() {
      super(VfsConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("stat returns attributes or fails like the JDK")
  class Stat extends VfsStatConformance {
    Stat() {
      super(VfsConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("open honours every open option as the JDK does")
  class Open extends VfsOpenConformance {
    Open() {
      super(VfsConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("An open file reads, writes, sizes, truncates, forces and closes")
  class Files extends VfsFileConformance {
    Files() {
      super(VfsConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("readAllBytes and write work on whole files")
  class WholeFiles extends VfsWholeFileConformance {
    WholeFiles() {
      super(VfsConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Directories are listed, made and deleted")
  class Directories extends VfsDirectoryConformance {
    Directories() {
      super(VfsConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("move renames as Files.move does")
  class Move extends VfsMoveConformance {
    Move() {
      super(VfsConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("copy copies as Files.copy does")
  class Copy extends VfsCopyConformance {
    Copy() {
      super(VfsConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Symbolic and hard links behave as on Linux")
  class Links extends VfsLinkConformance {
    Links() {
      super(VfsConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Times, permissions and store figures are set and read back")
  class Attributes extends VfsAttributeConformance {
    Attributes() {
      super(VfsConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("A second backend mounted at /m is a separate store")
  class Mounts extends VfsMountConformance {
    Mounts() {
      super(VfsConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Bad input is refused as the JDK refuses it")
  class BadInput extends VfsBadInputConformance {
    BadInput() {
      super(VfsConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Futures complete on the configured executor")
  class Completion extends VfsCompletionConformance {
    Completion() {
      super(VfsConformanceKit.this);
    }
  }
}
