package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.OpenOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jvfs.AsyncFile;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.spi.Backend;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.StoreInfo;

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
  private static final long TIMEOUT_SECONDS = 10;
  private static final byte[] HELLO = "hello".getBytes(UTF_8);

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

  private Backend backend() throws Exception {
    Backend b = newBackend();
    return asyncBackend() ? AsyncBackend.wrap(b) : b;
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

  private static Throwable unwrap(Throwable t) {
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

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(UTF_8));
  }

  private static String readAt(AsyncFile f, long position, int max) {
    ByteBuffer b = ByteBuffer.allocate(max);
    int n = await(f.read(b, position));
    return n < 0 ? "<eof>" : new String(b.array(), 0, n, UTF_8);
  }

  private AsyncFile open(String path, OpenOption... options) {
    return await(vfs.open(path, options));
  }

  // ---- lookups ----

  @Nested
  @DisplayName("Lookups answer HIT, ABSENT or MISS")
  class Lookups {
    @Test
    void lookup_existingFile_hitsWithAttributes() {
      put("/f", "abc");
      LookupResult r = await(vfs.lookup("/f"));
      assertThat(r.status()).isEqualTo(LookupResult.Status.HIT);
      assertThat(r.attributes()).isNotNull();
      assertThat(r.attributes().isRegularFile()).isTrue();
      assertThat(r.attributes().size()).isEqualTo(3);
    }

    @Test
    void lookup_absentPath_isAbsent() {
      assertThat(await(vfs.lookup("/nope")).status()).isEqualTo(LookupResult.Status.ABSENT);
      assertThat(await(vfs.lookup("/nope/deeper")).status()).isEqualTo(LookupResult.Status.ABSENT);
    }

    @Test
    void lookup_throughAFile_isAbsent() {
      put("/f", "x");
      assertThat(await(vfs.lookup("/f/x")).status()).isEqualTo(LookupResult.Status.ABSENT);
    }

    @Test
    void lookup_root_hitsADirectory() {
      LookupResult r = await(vfs.lookup("/"));
      assertThat(r.isHit()).isTrue();
      assertThat(r.attributes().isDirectory()).isTrue();
    }

    @Test
    void lookupNow_afterLookup_hitsWithCacheOnAndMissesWithCacheOff() {
      put("/f", "abcd");
      await(vfs.lookup("/f"));
      LookupResult r = vfs.lookupNow("/f");
      if (caching()) {
        assertThat(r.status()).isEqualTo(LookupResult.Status.HIT);
        assertThat(r.attributes().size()).isEqualTo(4);
      } else {
        assertThat(r.status()).isEqualTo(LookupResult.Status.MISS);
      }
    }

    @Test
    void lookupNow_afterAbsentLookup_isAbsentWithCacheOnAndMissWithCacheOff() {
      await(vfs.lookup("/nope"));
      assertThat(vfs.lookupNow("/nope").status())
          .isEqualTo(caching() ? LookupResult.Status.ABSENT : LookupResult.Status.MISS);
    }

    @Test
    void lookupNow_neverLookedUp_isMiss() {
      assertThat(vfs.lookupNow("/never/seen").status()).isEqualTo(LookupResult.Status.MISS);
    }

    @Test
    void lookupNow_afterDelete_isNeverAStaleHit() {
      put("/f", "x");
      await(vfs.lookup("/f"));
      await(vfs.delete("/f"));
      assertThat(vfs.lookupNow("/f").status()).isNotEqualTo(LookupResult.Status.HIT);
      assertThat(await(vfs.lookup("/f")).status()).isEqualTo(LookupResult.Status.ABSENT);
    }

    @Test
    void lookupNow_afterWrite_isNeverAStaleSize() {
      put("/f", "x");
      await(vfs.lookup("/f"));
      put("/f", "longer");
      LookupResult r = vfs.lookupNow("/f");
      if (r.isHit()) {
        assertThat(r.attributes().size()).isEqualTo(6);
      }
      assertThat(await(vfs.lookup("/f")).attributes().size()).isEqualTo(6);
    }

    @Test
    void lookup_nofollowOnSymlink_hitsTheLink() {
      put("/f", "x");
      await(vfs.createSymbolicLink("/l", "f"));
      assertThat(await(vfs.lookup("/l", LinkOption.NOFOLLOW_LINKS)).attributes().isSymbolicLink())
          .isTrue();
      assertThat(await(vfs.lookup("/l")).attributes().isRegularFile()).isTrue();
    }
  }

  // ---- stat ----

  @Nested
  @DisplayName("stat returns attributes or fails like the JDK")
  class Stat {
    @Test
    void stat_file_returnsSizeAndKind() {
      put("/f", "hello");
      NodeAttributes a = await(vfs.stat("/f"));
      assertThat(a.isRegularFile()).isTrue();
      assertThat(a.isDirectory()).isFalse();
      assertThat(a.size()).isEqualTo(5);
    }

    @Test
    void stat_directory_isDirectory() {
      await(vfs.createDirectory("/d"));
      assertThat(await(vfs.stat("/d")).isDirectory()).isTrue();
      assertThat(await(vfs.stat("/")).isDirectory()).isTrue();
    }

    @Test
    void stat_absent_failsWithNoSuchFile() {
      assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs.stat("/nope"));
    }

    @Test
    void stat_throughAFile_failsWithNotADirectory() {
      put("/f", "x");
      FileSystemException e =
          assertFailsUnchanged(FileSystemException.class, "/f/x", () -> vfs.stat("/f/x"));
      assertThat(e.getReason()).isEqualTo("Not a directory");
    }

    @Test
    void stat_afterWriteThroughFile_seesNewSize() {
      put("/f", "x");
      assertThat(await(vfs.stat("/f")).size()).isEqualTo(1);
      AsyncFile f = open("/f", StandardOpenOption.WRITE);
      await(f.write(bytes("12345678"), 0));
      assertThat(await(vfs.stat("/f")).size()).isEqualTo(8);
      await(f.close());
    }
  }

  // ---- open ----

  @Nested
  @DisplayName("open honours every open option as the JDK does")
  class Open {
    @Test
    void open_noOptions_readsExistingFile() {
      put("/f", "hello");
      AsyncFile f = open("/f");
      assertThat(f.path()).isEqualTo("/f");
      assertThat(readAt(f, 0, 16)).isEqualTo("hello");
      await(f.close());
    }

    @Test
    void open_readAbsent_failsWithNoSuchFile() {
      assertFailsUnchanged(
          NoSuchFileException.class, "/nope", () -> vfs.open("/nope", StandardOpenOption.READ));
    }

    @Test
    void open_writeWithoutCreateOnAbsent_failsWithNoSuchFile() {
      assertFailsUnchanged(
          NoSuchFileException.class, "/nope", () -> vfs.open("/nope", StandardOpenOption.WRITE));
    }

    @Test
    void open_readWithCreate_doesNotCreate() {
      assertFailsUnchanged(
          NoSuchFileException.class,
          "/nope",
          () -> vfs.open("/nope", StandardOpenOption.READ, StandardOpenOption.CREATE));
    }

    @Test
    void open_createOnAbsent_createsEmptyFile() {
      AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE);
      assertThat(await(f.size())).isZero();
      await(f.close());
      assertThat(await(vfs.stat("/f")).isRegularFile()).isTrue();
      assertThat(await(vfs.list("/"))).containsExactly("f");
    }

    @Test
    void open_createOnExisting_keepsContent() {
      put("/f", "hello");
      AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE);
      await(f.write(bytes("J"), 0));
      await(f.close());
      assertThat(get("/f")).isEqualTo("Jello");
    }

    @Test
    void open_createNewOnAbsent_creates() {
      AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
      await(f.write(bytes("new"), 0));
      await(f.close());
      assertThat(get("/f")).isEqualTo("new");
    }

    @Test
    void open_createNewOnExisting_failsWithFileAlreadyExists() {
      put("/f", "x");
      assertFailsUnchanged(
          FileAlreadyExistsException.class,
          "/f",
          () -> vfs.open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW));
    }

    @Test
    void open_createNewOnDanglingSymlink_failsWithFileAlreadyExists() {
      await(vfs.createSymbolicLink("/l", "target"));
      assertFailsUnchanged(
          FileAlreadyExistsException.class,
          "/l",
          () -> vfs.open("/l", StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW));
    }

    @Test
    void open_createThroughDanglingSymlink_createsTheTarget() {
      await(vfs.createSymbolicLink("/l", "t"));
      AsyncFile f = open("/l", StandardOpenOption.WRITE, StandardOpenOption.CREATE);
      await(f.write(bytes("via link"), 0));
      await(f.close());
      assertThat(get("/t")).isEqualTo("via link");
      assertThat(await(vfs.readSymbolicLink("/l"))).isEqualTo("t");
    }

    @Test
    void open_truncateExistingWithWrite_emptiesFile() {
      put("/f", "hello");
      AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
      assertThat(await(f.size())).isZero();
      await(f.close());
      assertThat(await(vfs.stat("/f")).size()).isZero();
    }

    @Test
    void open_truncateExistingWithReadOnly_isIgnored() {
      put("/f", "hello");
      AsyncFile f = open("/f", StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
      assertThat(readAt(f, 0, 16)).isEqualTo("hello");
      await(f.close());
    }

    @Test
    void open_append_writesAtTheEndWhateverThePosition() {
      put("/f", "hello");
      AsyncFile f = open("/f", StandardOpenOption.APPEND);
      assertThat(await(f.write(bytes(" world"), 0))).isEqualTo(6);
      await(f.close());
      assertThat(get("/f")).isEqualTo("hello world");
    }

    @Test
    void open_appendWithCreate_createsAbsentFile() {
      AsyncFile f = open("/f", StandardOpenOption.APPEND, StandardOpenOption.CREATE);
      await(f.write(bytes("a"), 0));
      await(f.write(bytes("b"), 0));
      await(f.close());
      assertThat(get("/f")).isEqualTo("ab");
    }

    @Test
    void open_readAndAppend_isRefusedAtOnce() {
      put("/f", "x");
      assertThatThrownBy(() -> vfs.open("/f", StandardOpenOption.READ, StandardOpenOption.APPEND))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void open_appendAndTruncate_isRefusedAtOnce() {
      put("/f", "x");
      assertThatThrownBy(
              () -> vfs.open("/f", StandardOpenOption.APPEND, StandardOpenOption.TRUNCATE_EXISTING))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(get("/f")).isEqualTo("x");
    }

    @Test
    void open_readWrite_readsWhatItWrote() {
      AsyncFile f =
          open(
              "/f",
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.CREATE_NEW);
      await(f.write(bytes("abc"), 0));
      assertThat(readAt(f, 1, 16)).isEqualTo("bc");
      await(f.close());
    }

    @Test
    void open_deleteOnClose_deletesTheFileOnClose() {
      AsyncFile f =
          open(
              "/tmp",
              StandardOpenOption.WRITE,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.DELETE_ON_CLOSE);
      await(f.write(bytes("scratch"), 0));
      assertThat(await(vfs.list("/"))).containsExactly("tmp");
      await(f.close());
      assertThat(await(vfs.list("/"))).isEmpty();
      assertThat(await(vfs.lookup("/tmp")).status()).isEqualTo(LookupResult.Status.ABSENT);
    }

    @Test
    void open_nofollowOnSymlink_failsWithLoop() {
      // The JDK throws a plain IOException, "Too many levels of symbolic links (NOFOLLOW_LINKS
      // specified)", without the path; the VFS names the path.
      put("/f", "x");
      await(vfs.createSymbolicLink("/l", "f"));
      assertFailsUnchanged(
          java.io.IOException.class,
          "/l",
          () -> vfs.open("/l", StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void open_nofollowOnFile_opens() {
      put("/f", "x");
      AsyncFile f = open("/f", StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      assertThat(readAt(f, 0, 4)).isEqualTo("x");
      await(f.close());
    }

    @Test
    void open_followsSymlinkByDefault() {
      put("/f", "target");
      await(vfs.createSymbolicLink("/l", "/f"));
      AsyncFile f = open("/l");
      assertThat(readAt(f, 0, 16)).isEqualTo("target");
      await(f.close());
    }

    @Test
    void open_directoryForWrite_failsWithIsADirectory() {
      await(vfs.createDirectory("/d"));
      FileSystemException e =
          assertFailsUnchanged(
              FileSystemException.class, "/d", () -> vfs.open("/d", StandardOpenOption.WRITE));
      assertThat(e.getReason()).isEqualTo("Is a directory");
    }

    @Test
    void open_directoryForRead_opensButReadsFail() {
      await(vfs.createDirectory("/d"));
      AsyncFile f = open("/d");
      Throwable t = failure(f.read(ByteBuffer.allocate(8), 0));
      assertThat(t).isInstanceOf(FileSystemException.class).hasMessageContaining("/d");
      assertThat(((FileSystemException) t).getReason()).isEqualTo("Is a directory");
      await(f.close());
    }

    @Test
    void open_inAbsentDirectory_failsWithNoSuchFile() {
      assertFailsUnchanged(
          NoSuchFileException.class,
          "/no/f",
          () -> vfs.open("/no/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE));
    }

    @Test
    void open_withPermissions_createsWithThem() {
      assumeTrue(await(vfs.stat("/")).permissions() != null, "backend keeps permissions");
      Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-r-----");
      AsyncFile f =
          await(
              vfs.open(
                  "/f",
                  Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW),
                  PosixFilePermissions.asFileAttribute(perms)));
      await(f.close());
      assertThat(await(vfs.stat("/f")).permissions()).isEqualTo(perms);
    }
  }

  // ---- AsyncFile ----

  @Nested
  @DisplayName("An open file reads, writes, sizes, truncates, forces and closes")
  class Files {
    @Test
    void read_atEndOfFile_returnsMinusOne() {
      put("/f", "abc");
      AsyncFile f = open("/f");
      assertThat(await(f.read(ByteBuffer.allocate(4), 3))).isEqualTo(-1);
      assertThat(await(f.read(ByteBuffer.allocate(4), 100))).isEqualTo(-1);
      await(f.close());
    }

    @Test
    void read_fromPosition_advancesTheBuffer() {
      put("/f", "abcdef");
      AsyncFile f = open("/f");
      ByteBuffer b = ByteBuffer.allocate(3);
      assertThat(await(f.read(b, 2))).isEqualTo(3);
      assertThat(b.position()).isEqualTo(3);
      assertThat(new String(b.array(), UTF_8)).isEqualTo("cde");
      await(f.close());
    }

    @Test
    void read_negativePosition_isRefusedAtOnce() {
      put("/f", "abc");
      AsyncFile f = open("/f");
      assertThatThrownBy(() -> f.read(ByteBuffer.allocate(1), -1))
          .isInstanceOf(IllegalArgumentException.class);
      await(f.close());
    }

    @Test
    void write_pastTheEnd_fillsTheGapWithZeros() {
      AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
      assertThat(await(f.write(bytes("x"), 3))).isEqualTo(1);
      assertThat(await(f.size())).isEqualTo(4);
      await(f.close());
      assertThat(await(vfs.readAllBytes("/f"))).containsExactly(0, 0, 0, 'x');
    }

    @Test
    void write_onReadOnlyFile_fails() {
      put("/f", "abc");
      AsyncFile f = open("/f");
      Throwable t = failure(f.write(bytes("x"), 0));
      assertThat(t)
          .isInstanceOfAny(
              java.nio.channels.NonWritableChannelException.class, FileSystemException.class);
      await(f.close());
      assertThat(get("/f")).isEqualTo("abc");
    }

    @Test
    void size_followsWrites() {
      AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
      assertThat(await(f.size())).isZero();
      await(f.write(bytes("12345"), 0));
      assertThat(await(f.size())).isEqualTo(5);
      await(f.close());
    }

    @Test
    void truncate_shorter_cutsAndUpdatesStat() {
      put("/f", "hello");
      assertThat(await(vfs.stat("/f")).size()).isEqualTo(5);
      AsyncFile f = open("/f", StandardOpenOption.WRITE);
      await(f.truncate(2));
      assertThat(await(f.size())).isEqualTo(2);
      assertThat(await(vfs.stat("/f")).size()).isEqualTo(2);
      await(f.close());
      assertThat(get("/f")).isEqualTo("he");
    }

    @Test
    void truncate_longer_changesNothing() {
      put("/f", "hello");
      AsyncFile f = open("/f", StandardOpenOption.WRITE);
      await(f.truncate(100));
      assertThat(await(f.size())).isEqualTo(5);
      await(f.close());
      assertThat(get("/f")).isEqualTo("hello");
    }

    @Test
    void truncate_negative_isRefusedAtOnce() {
      put("/f", "hello");
      AsyncFile f = open("/f", StandardOpenOption.WRITE);
      assertThatThrownBy(() -> f.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
      await(f.close());
    }

    @Test
    void force_succeeds() {
      AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
      await(f.write(bytes("data"), 0));
      await(f.force(false));
      await(f.force(true));
      await(f.close());
      assertThat(get("/f")).isEqualTo("data");
    }

    @Test
    void close_isIdempotentAndLaterCallsFailWithClosedChannel() {
      put("/f", "abc");
      AsyncFile f = open("/f", StandardOpenOption.READ, StandardOpenOption.WRITE);
      assertThat(f.isOpen()).isTrue();
      assertThat(vfs.openFileCount()).isEqualTo(1);
      await(f.close());
      await(f.close());
      assertThat(f.isOpen()).isFalse();
      assertThat(vfs.openFileCount()).isZero();
      assertThat(failure(f.read(ByteBuffer.allocate(1), 0)))
          .isInstanceOf(ClosedChannelException.class);
      assertThat(failure(f.write(bytes("x"), 0))).isInstanceOf(ClosedChannelException.class);
      assertThat(failure(f.size())).isInstanceOf(ClosedChannelException.class);
      assertThat(failure(f.truncate(0))).isInstanceOf(ClosedChannelException.class);
      assertThat(failure(f.force(true))).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void openFiles_areClosedWhenTheVfsCloses() {
      put("/f", "abc");
      AsyncFile f = open("/f");
      vfs.close();
      assertThat(f.isOpen()).isFalse();
      assertThat(vfs.openFileCount()).isZero();
      assertThat(failure(f.read(ByteBuffer.allocate(1), 0)))
          .isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void openFile_survivesDeleteOfItsName() {
      put("/f", "still here");
      AsyncFile f = open("/f");
      await(vfs.delete("/f"));
      assertThat(readAt(f, 0, 32)).isEqualTo("still here");
      await(f.close());
      assertThat(await(vfs.list("/"))).isEmpty();
    }
  }

  // ---- whole-file reads and writes ----

  @Nested
  @DisplayName("readAllBytes and write work on whole files")
  class WholeFiles {
    @Test
    void write_thenReadAllBytes_roundTrips() {
      await(vfs.write("/f", HELLO));
      assertThat(await(vfs.readAllBytes("/f"))).isEqualTo(HELLO);
    }

    @Test
    void write_copiesTheArrayAtOnce() {
      byte[] b = "abc".getBytes(UTF_8);
      CompletableFuture<Void> f = vfs.write("/f", b);
      b[0] = 'X';
      await(f);
      assertThat(get("/f")).isEqualTo("abc");
    }

    @Test
    void write_noOptions_truncatesExisting() {
      put("/f", "a long content");
      put("/f", "short");
      assertThat(get("/f")).isEqualTo("short");
    }

    @Test
    void write_withAppend_appends() {
      put("/f", "ab");
      await(vfs.write("/f", "cd".getBytes(UTF_8), StandardOpenOption.APPEND));
      assertThat(get("/f")).isEqualTo("abcd");
    }

    @Test
    void write_withCreateNewOnExisting_failsWithFileAlreadyExists() {
      put("/f", "ab");
      assertFailsUnchanged(
          FileAlreadyExistsException.class,
          "/f",
          () -> vfs.write("/f", HELLO, StandardOpenOption.CREATE_NEW));
    }

    @Test
    void readAllBytes_largeFile_readsEverything() {
      byte[] big = new byte[300_000];
      for (int i = 0; i < big.length; i++) {
        big[i] = (byte) (i * 31);
      }
      await(vfs.write("/big", big));
      assertThat(await(vfs.readAllBytes("/big"))).isEqualTo(big);
    }

    @Test
    void readAllBytes_emptyFile_isEmpty() {
      await(vfs.write("/e", new byte[0]));
      assertThat(await(vfs.readAllBytes("/e"))).isEmpty();
    }

    @Test
    void readAllBytes_directory_failsWithIsADirectory() {
      await(vfs.createDirectories("/d/e"));
      FileSystemException e =
          assertFailsUnchanged(FileSystemException.class, "/d", () -> vfs.readAllBytes("/d"));
      assertThat(e.getReason()).isEqualTo("Is a directory");
    }

    @Test
    void write_toDirectory_failsWithIsADirectory() {
      await(vfs.createDirectory("/d"));
      FileSystemException e =
          assertFailsUnchanged(FileSystemException.class, "/d", () -> vfs.write("/d", HELLO));
      assertThat(e.getReason()).isEqualTo("Is a directory");
    }
  }

  // ---- directories ----

  @Nested
  @DisplayName("Directories are listed, made and deleted")
  class Directories {
    @Test
    void list_returnsNamesSortedByUtf8Bytes() {
      put("/b", "");
      put("/a", "");
      put("/\u00e9", "");
      put("/Z", "");
      await(vfs.createDirectory("/c"));
      assertThat(await(vfs.list("/"))).containsExactly("Z", "a", "b", "c", "\u00e9");
    }

    @Test
    void list_emptyDirectory_isEmpty() {
      await(vfs.createDirectory("/d"));
      assertThat(await(vfs.list("/d"))).isEmpty();
    }

    @Test
    void list_file_failsWithNotDirectory() {
      put("/f", "x");
      assertFailsUnchanged(NotDirectoryException.class, "/f", () -> vfs.list("/f"));
    }

    @Test
    void list_absent_failsWithNoSuchFile() {
      assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs.list("/nope"));
    }

    @Test
    void list_throughSymlinkToDirectory_listsTheTarget() {
      await(vfs.createDirectories("/d/e"));
      await(vfs.createSymbolicLink("/l", "d"));
      assertThat(await(vfs.list("/l"))).containsExactly("e");
    }

    @Test
    void createDirectory_makesADirectory() {
      await(vfs.createDirectory("/d"));
      assertThat(await(vfs.stat("/d")).isDirectory()).isTrue();
      assertThat(snapshot()).containsExactly(Map.entry("/d", "dir"));
    }

    @Test
    void createDirectory_existing_failsWithFileAlreadyExists() {
      await(vfs.createDirectory("/d"));
      assertFailsUnchanged(FileAlreadyExistsException.class, "/d", () -> vfs.createDirectory("/d"));
      put("/f", "x");
      assertFailsUnchanged(FileAlreadyExistsException.class, "/f", () -> vfs.createDirectory("/f"));
    }

    @Test
    void createDirectory_missingParent_failsWithNoSuchFile() {
      assertFailsUnchanged(NoSuchFileException.class, "/a/b", () -> vfs.createDirectory("/a/b"));
    }

    @Test
    void createDirectory_root_failsWithFileAlreadyExists() {
      assertFailsUnchanged(FileAlreadyExistsException.class, "/", () -> vfs.createDirectory("/"));
    }

    @Test
    void createDirectory_withPermissions_usesThem() {
      assumeTrue(await(vfs.stat("/")).permissions() != null, "backend keeps permissions");
      Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rwx------");
      await(vfs.createDirectory("/d", PosixFilePermissions.asFileAttribute(perms)));
      assertThat(await(vfs.stat("/d")).permissions()).isEqualTo(perms);
    }

    @Test
    void createDirectories_makesMissingParents() {
      await(vfs.createDirectories("/a/b/c"));
      assertThat(snapshot())
          .containsExactly(
              Map.entry("/a", "dir"), Map.entry("/a/b", "dir"), Map.entry("/a/b/c", "dir"));
    }

    @Test
    void createDirectories_existingDirectory_succeeds() {
      await(vfs.createDirectories("/a/b"));
      await(vfs.createDirectories("/a/b"));
      await(vfs.createDirectories("/"));
      assertThat(snapshot()).containsOnlyKeys("/a", "/a/b");
    }

    @Test
    void createDirectories_existingFile_failsWithFileAlreadyExists() {
      put("/f", "x");
      assertFailsUnchanged(
          FileAlreadyExistsException.class, "/f", () -> vfs.createDirectories("/f"));
    }

    @Test
    void createDirectories_throughAFile_failsWithNotADirectory() {
      put("/f", "x");
      FileSystemException e =
          assertFailsUnchanged(
              FileSystemException.class, "/f/x", () -> vfs.createDirectories("/f/x"));
      assertThat(e.getReason()).isEqualTo("Not a directory");
    }

    @Test
    void delete_file_removesIt() {
      put("/f", "x");
      await(vfs.delete("/f"));
      assertThat(await(vfs.list("/"))).isEmpty();
      assertThat(await(vfs.lookup("/f")).status()).isEqualTo(LookupResult.Status.ABSENT);
    }

    @Test
    void delete_emptyDirectory_removesIt() {
      await(vfs.createDirectory("/d"));
      await(vfs.delete("/d"));
      assertThat(await(vfs.list("/"))).isEmpty();
    }

    @Test
    void delete_nonEmptyDirectory_failsWithDirectoryNotEmpty() {
      await(vfs.createDirectories("/d/e"));
      put("/d/f", "x");
      assertFailsUnchanged(DirectoryNotEmptyException.class, "/d", () -> vfs.delete("/d"));
    }

    @Test
    void delete_absent_failsWithNoSuchFile() {
      assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs.delete("/nope"));
    }

    @Test
    void delete_symlink_removesTheLinkNotTheTarget() {
      put("/f", "x");
      await(vfs.createSymbolicLink("/l", "f"));
      await(vfs.delete("/l"));
      assertThat(snapshot()).containsExactly(Map.entry("/f", "file 78"));
    }

    @Test
    void deleteIfExists_reportsWhetherItDeleted() {
      put("/f", "x");
      assertThat(await(vfs.deleteIfExists("/f"))).isTrue();
      assertThat(await(vfs.deleteIfExists("/f"))).isFalse();
      assertThat(await(vfs.deleteIfExists("/no/such/path"))).isFalse();
      assertThat(await(vfs.list("/"))).isEmpty();
    }

    @Test
    void deleteIfExists_nonEmptyDirectory_failsWithDirectoryNotEmpty() {
      await(vfs.createDirectories("/d/e"));
      assertFailsUnchanged(DirectoryNotEmptyException.class, "/d", () -> vfs.deleteIfExists("/d"));
    }

    @Test
    void recreate_afterDelete_isANewFile() {
      put("/f", "first");
      await(vfs.stat("/f"));
      await(vfs.delete("/f"));
      await(vfs.createDirectory("/f"));
      assertThat(await(vfs.stat("/f")).isDirectory()).isTrue();
    }
  }

  // ---- move ----

  @Nested
  @DisplayName("move renames as Files.move does")
  class Move {
    @Test
    void move_file_renamesIt() {
      put("/a", "A");
      await(vfs.move("/a", "/b"));
      assertThat(snapshot()).containsExactly(Map.entry("/b", "file 41"));
      assertThat(await(vfs.lookup("/a")).status()).isEqualTo(LookupResult.Status.ABSENT);
    }

    @Test
    void move_ontoExisting_failsWithFileAlreadyExists() {
      put("/a", "A");
      put("/b", "B");
      assertFailsUnchanged(FileAlreadyExistsException.class, "/b", () -> vfs.move("/a", "/b"));
    }

    @Test
    void move_replaceExisting_replacesTheTarget() {
      put("/a", "A");
      put("/b", "B");
      await(vfs.move("/a", "/b", StandardCopyOption.REPLACE_EXISTING));
      assertThat(snapshot()).containsExactly(Map.entry("/b", "file 41"));
    }

    @Test
    void move_replaceExistingOntoNonEmptyDirectory_failsWithDirectoryNotEmpty() {
      put("/a", "A");
      await(vfs.createDirectories("/t/x"));
      assertFailsUnchanged(
          DirectoryNotEmptyException.class,
          "/t",
          () -> vfs.move("/a", "/t", StandardCopyOption.REPLACE_EXISTING));
    }

    @Test
    void move_atomic_renamesIt() {
      put("/a", "A");
      await(vfs.createDirectory("/d"));
      await(vfs.move("/a", "/d/b", StandardCopyOption.ATOMIC_MOVE));
      assertThat(snapshot()).containsExactly(Map.entry("/d", "dir"), Map.entry("/d/b", "file 41"));
    }

    @Test
    void move_atomicOntoExistingFile_replacesIt() {
      put("/a", "A");
      put("/b", "B");
      await(vfs.move("/a", "/b", StandardCopyOption.ATOMIC_MOVE));
      assertThat(snapshot()).containsExactly(Map.entry("/b", "file 41"));
    }

    @Test
    void move_directoryWithChildren_movesTheSubtree() {
      await(vfs.createDirectories("/d/e"));
      put("/d/e/f", "x");
      await(vfs.stat("/d/e/f"));
      await(vfs.move("/d", "/g"));
      assertThat(snapshot())
          .containsExactly(
              Map.entry("/g", "dir"), Map.entry("/g/e", "dir"), Map.entry("/g/e/f", "file 78"));
      assertThat(await(vfs.lookup("/d/e/f")).status()).isEqualTo(LookupResult.Status.ABSENT);
    }

    @Test
    void move_intoOwnSubtree_failsWithFileSystemException() {
      await(vfs.createDirectories("/d/e"));
      assertFailsUnchanged(FileSystemException.class, "/d", () -> vfs.move("/d", "/d/e/x"));
    }

    @Test
    void move_ontoItself_isANoOp() {
      put("/a", "A");
      await(vfs.move("/a", "/a"));
      await(vfs.move("/a", "/a", StandardCopyOption.REPLACE_EXISTING));
      assertThat(snapshot()).containsExactly(Map.entry("/a", "file 41"));
    }

    @Test
    void move_ontoAHardLinkOfItself_isANoOp() {
      put("/a", "A");
      await(vfs.createLink("/b", "/a"));
      await(vfs.move("/a", "/b"));
      assertThat(snapshot()).containsOnlyKeys("/a", "/b");
    }

    @Test
    void move_absentSource_failsWithNoSuchFile() {
      assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs.move("/nope", "/b"));
    }

    @Test
    void move_intoAbsentDirectory_failsWithNoSuchFileNamingBothPaths() {
      put("/a", "A");
      NoSuchFileException e =
          assertFailsUnchanged(NoSuchFileException.class, "/a", () -> vfs.move("/a", "/no/b"));
      assertThat(e.getFile()).isEqualTo("/a");
      assertThat(e.getOtherFile()).isEqualTo("/no/b");
    }

    @Test
    void move_symlink_movesTheLinkItself() {
      put("/f", "x");
      await(vfs.createSymbolicLink("/l", "/f"));
      await(vfs.move("/l", "/k"));
      assertThat(snapshot())
          .containsExactly(Map.entry("/f", "file 78"), Map.entry("/k", "link -> /f"));
    }
  }

  // ---- copy ----

  @Nested
  @DisplayName("copy copies as Files.copy does")
  class Copy {
    @Test
    void copy_file_copiesContent() {
      put("/a", "content");
      await(vfs.copy("/a", "/b"));
      assertThat(get("/b")).isEqualTo("content");
      put("/a", "changed");
      assertThat(get("/b")).isEqualTo("content");
    }

    @Test
    void copy_ontoExisting_failsWithFileAlreadyExists() {
      put("/a", "A");
      put("/b", "B");
      assertFailsUnchanged(FileAlreadyExistsException.class, "/b", () -> vfs.copy("/a", "/b"));
    }

    @Test
    void copy_replaceExisting_replacesTheTarget() {
      put("/a", "A");
      put("/b", "a longer B");
      await(vfs.copy("/a", "/b", StandardCopyOption.REPLACE_EXISTING));
      assertThat(get("/b")).isEqualTo("A");
    }

    @Test
    void copy_replaceExistingOntoNonEmptyDirectory_failsWithDirectoryNotEmpty() {
      put("/a", "A");
      await(vfs.createDirectories("/t/x"));
      assertFailsUnchanged(
          DirectoryNotEmptyException.class,
          "/t",
          () -> vfs.copy("/a", "/t", StandardCopyOption.REPLACE_EXISTING));
    }

    @Test
    void copy_copyAttributes_keepsTimesAndPermissions() {
      put("/a", "A");
      FileTime t = FileTime.fromMillis(1_000_000_000_000L);
      await(vfs.setTimes("/a", t, null, null));
      boolean perms = await(vfs.stat("/a")).permissions() != null;
      Set<PosixFilePermission> p = PosixFilePermissions.fromString("r--r-----");
      if (perms) {
        await(vfs.setPermissions("/a", p));
      }
      await(vfs.copy("/a", "/b", StandardCopyOption.COPY_ATTRIBUTES));
      NodeAttributes b = await(vfs.stat("/b"));
      assertThat(b.lastModifiedTime()).isEqualTo(t);
      if (perms) {
        assertThat(b.permissions()).isEqualTo(p);
      }
      assertThat(get("/b")).isEqualTo("A");
    }

    @Test
    void copy_withoutCopyAttributes_getsAFreshModifiedTime() {
      put("/a", "A");
      FileTime t = FileTime.fromMillis(1_000_000_000_000L);
      await(vfs.setTimes("/a", t, null, null));
      await(vfs.copy("/a", "/b"));
      assertThat(await(vfs.stat("/b")).lastModifiedTime()).isNotEqualTo(t);
    }

    @Test
    void copy_symlinkFollowing_copiesTheTargetContent() {
      put("/f", "x");
      await(vfs.createSymbolicLink("/l", "f"));
      await(vfs.copy("/l", "/c"));
      assertThat(await(vfs.stat("/c", LinkOption.NOFOLLOW_LINKS)).isRegularFile()).isTrue();
      assertThat(get("/c")).isEqualTo("x");
    }

    @Test
    void copy_symlinkWithNofollow_copiesTheLink() {
      await(vfs.createSymbolicLink("/l", "dangling"));
      await(vfs.copy("/l", "/c", LinkOption.NOFOLLOW_LINKS));
      assertThat(await(vfs.readSymbolicLink("/c"))).isEqualTo("dangling");
    }

    @Test
    void copy_directory_isCopiedEmpty() {
      await(vfs.createDirectories("/d/e"));
      put("/d/f", "x");
      await(vfs.copy("/d", "/c"));
      assertThat(await(vfs.stat("/c")).isDirectory()).isTrue();
      assertThat(await(vfs.list("/c"))).isEmpty();
      assertThat(await(vfs.list("/d"))).containsExactly("e", "f");
    }

    @Test
    void copy_ontoItself_isANoOp() {
      put("/a", "A");
      await(vfs.copy("/a", "/a"));
      assertThat(snapshot()).containsExactly(Map.entry("/a", "file 41"));
    }

    @Test
    void copy_absentSource_failsWithNoSuchFile() {
      assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs.copy("/nope", "/b"));
    }

    @Test
    void copy_danglingSymlinkFollowing_failsWithNoSuchFile() {
      await(vfs.createSymbolicLink("/l", "nope"));
      assertFailsUnchanged(NoSuchFileException.class, "/l", () -> vfs.copy("/l", "/c"));
    }
  }

  // ---- links ----

  @Nested
  @DisplayName("Symbolic and hard links behave as on Linux")
  class Links {
    @Test
    void symlink_isFollowedByReadsAndStat() {
      put("/f", "target");
      await(vfs.createSymbolicLink("/l", "f"));
      assertThat(get("/l")).isEqualTo("target");
      assertThat(await(vfs.stat("/l")).isRegularFile()).isTrue();
      assertThat(await(vfs.stat("/l", LinkOption.NOFOLLOW_LINKS)).isSymbolicLink()).isTrue();
      assertThat(await(vfs.readSymbolicLink("/l"))).isEqualTo("f");
    }

    @Test
    void symlink_targetIsStoredAsGiven() {
      await(vfs.createSymbolicLink("/l", "../x//y/./"));
      assertThat(await(vfs.readSymbolicLink("/l"))).isEqualTo("../x//y/./");
    }

    @Test
    void symlink_relativeTargetResolvesFromTheLinksDirectory() {
      await(vfs.createDirectories("/a/b"));
      put("/a/f", "in a");
      await(vfs.createSymbolicLink("/a/b/l", "../f"));
      assertThat(get("/a/b/l")).isEqualTo("in a");
    }

    @Test
    void symlink_inTheMiddleOfAPath_isFollowed() {
      await(vfs.createDirectories("/real/sub"));
      put("/real/sub/f", "deep");
      await(vfs.createSymbolicLink("/link", "/real"));
      assertThat(get("/link/sub/f")).isEqualTo("deep");
      assertThat(await(vfs.list("/link/sub/.."))).containsExactly("sub");
    }

    @Test
    void symlink_dangling_statFailsAndNofollowStatSucceeds() {
      await(vfs.createSymbolicLink("/l", "nope"));
      assertFailsUnchanged(NoSuchFileException.class, "/l", () -> vfs.stat("/l"));
      assertThat(await(vfs.stat("/l", LinkOption.NOFOLLOW_LINKS)).isSymbolicLink()).isTrue();
      assertThat(await(vfs.lookup("/l")).status()).isEqualTo(LookupResult.Status.ABSENT);
      assertThat(await(vfs.lookup("/l", LinkOption.NOFOLLOW_LINKS)).isHit()).isTrue();
    }

    @Test
    void symlink_loop_failsWithFileSystemException() {
      await(vfs.createSymbolicLink("/a", "b"));
      await(vfs.createSymbolicLink("/b", "a"));
      assertFailsUnchanged(FileSystemException.class, "/a", () -> vfs.stat("/a"));
      assertFailsUnchanged(FileSystemException.class, "/a", () -> vfs.readAllBytes("/a"));
      assertFailsUnchanged(FileSystemException.class, "/a/x", () -> vfs.stat("/a/x"));
    }

    @Test
    void symlink_overExisting_failsWithFileAlreadyExists() {
      put("/f", "x");
      assertFailsUnchanged(
          FileAlreadyExistsException.class, "/f", () -> vfs.createSymbolicLink("/f", "t"));
    }

    @Test
    void readSymbolicLink_ofAFile_failsWithNotLink() {
      put("/f", "x");
      assertFailsUnchanged(NotLinkException.class, "/f", () -> vfs.readSymbolicLink("/f"));
    }

    @Test
    void readSymbolicLink_absent_failsWithNoSuchFile() {
      assertFailsUnchanged(NoSuchFileException.class, "/l", () -> vfs.readSymbolicLink("/l"));
    }

    @Test
    void hardLink_sharesContentAndCountsLinks() {
      put("/a", "shared");
      await(vfs.createLink("/b", "/a"));
      assertThat(get("/b")).isEqualTo("shared");
      AsyncFile f = open("/b", StandardOpenOption.WRITE);
      await(f.write(bytes("S"), 0));
      await(f.close());
      assertThat(get("/a")).isEqualTo("Shared");
      assertThat(await(vfs.stat("/a")).linkCount()).isEqualTo(2);
      assertThat(await(vfs.stat("/a")).fileKey()).isEqualTo(await(vfs.stat("/b")).fileKey());
      await(vfs.delete("/a"));
      assertThat(get("/b")).isEqualTo("Shared");
      assertThat(await(vfs.stat("/b")).linkCount()).isEqualTo(1);
    }

    @Test
    void hardLink_overExisting_failsWithFileAlreadyExists() {
      put("/a", "A");
      put("/b", "B");
      assertFailsUnchanged(
          FileAlreadyExistsException.class, "/b", () -> vfs.createLink("/b", "/a"));
    }

    @Test
    void hardLink_toAbsent_failsWithNoSuchFile() {
      assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs.createLink("/b", "/nope"));
    }

    @Test
    void hardLink_toDirectory_failsNamingBothPaths() {
      await(vfs.createDirectory("/d"));
      FileSystemException e =
          assertFailsUnchanged(FileSystemException.class, "/d", () -> vfs.createLink("/l", "/d"));
      assertThat(e.getFile()).isEqualTo("/l");
      assertThat(e.getOtherFile()).isEqualTo("/d");
    }

    @Test
    void hardLink_toSymlink_linksTheLinkItself() {
      put("/f", "x");
      await(vfs.createSymbolicLink("/s", "f"));
      await(vfs.createLink("/h", "/s"));
      assertThat(await(vfs.stat("/h", LinkOption.NOFOLLOW_LINKS)).isSymbolicLink()).isTrue();
      assertThat(await(vfs.readSymbolicLink("/h"))).isEqualTo("f");
    }
  }

  // ---- attributes ----

  @Nested
  @DisplayName("Times, permissions and store figures are set and read back")
  class Attributes {
    @Test
    void setTimes_setsWhatIsGivenAndKeepsTheRest() {
      put("/f", "x");
      FileTime m = FileTime.fromMillis(1_500_000_000_000L);
      FileTime a = FileTime.fromMillis(1_600_000_000_000L);
      await(vfs.stat("/f"));
      await(vfs.setTimes("/f", m, a, null));
      NodeAttributes s = await(vfs.stat("/f"));
      assertThat(s.lastModifiedTime()).isEqualTo(m);
      assertThat(s.lastAccessTime()).isEqualTo(a);
      FileTime m2 = FileTime.fromMillis(1_700_000_000_000L);
      await(vfs.setTimes("/f", m2, null, null));
      s = await(vfs.stat("/f"));
      assertThat(s.lastModifiedTime()).isEqualTo(m2);
      assertThat(s.lastAccessTime()).isEqualTo(a);
    }

    @Test
    void setTimes_followsSymlinks() {
      put("/f", "x");
      await(vfs.createSymbolicLink("/l", "f"));
      FileTime m = FileTime.fromMillis(1_500_000_000_000L);
      await(vfs.setTimes("/l", m, null, null));
      assertThat(await(vfs.stat("/f")).lastModifiedTime()).isEqualTo(m);
    }

    @Test
    void setTimes_absent_failsWithNoSuchFile() {
      assertFailsUnchanged(
          NoSuchFileException.class,
          "/nope",
          () -> vfs.setTimes("/nope", FileTime.fromMillis(0), null, null));
    }

    @Test
    void setPermissions_setsThem() {
      put("/f", "x");
      assumeTrue(await(vfs.stat("/f")).permissions() != null, "backend keeps permissions");
      Set<PosixFilePermission> p = PosixFilePermissions.fromString("rwxr-x---");
      await(vfs.setPermissions("/f", p));
      assertThat(await(vfs.stat("/f")).permissions()).isEqualTo(p);
      await(vfs.setPermissions("/f", Set.of()));
      assertThat(await(vfs.stat("/f")).permissions()).isEmpty();
    }

    @Test
    void setPermissions_absent_failsWithNoSuchFile() {
      assertFailsUnchanged(
          NoSuchFileException.class, "/nope", () -> vfs.setPermissions("/nope", Set.of()));
    }

    @Test
    void storeInfo_isConsistent() {
      StoreInfo s = await(vfs.storeInfo("/"));
      assertThat(s.totalSpace()).isNotNegative();
      assertThat(s.freeSpace()).isBetween(0L, s.totalSpace());
      assertThat(s.usableSpace()).isBetween(0L, s.freeSpace());
    }

    @Test
    void storeInfo_absent_failsWithNoSuchFile() {
      assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs.storeInfo("/nope"));
    }

    @Test
    void modifiedTime_advancesOnWrite() {
      put("/f", "x");
      FileTime old = FileTime.fromMillis(1_000_000_000_000L);
      await(vfs.setTimes("/f", old, null, null));
      put("/f", "y");
      assertThat(await(vfs.stat("/f")).lastModifiedTime()).isGreaterThan(old);
    }
  }

  // ---- mounts ----

  @Nested
  @DisplayName("A second backend mounted at /m is a separate store")
  class Mounts {
    @BeforeEach
    void mountSecondBackend() throws Exception {
      vfs.close();
      vfs = newVfs(true);
    }

    @Test
    void list_showsTheMountPointAndItsContent() {
      put("/m/f", "in m");
      put("/r", "in root");
      assertThat(await(vfs.list("/"))).containsExactly("m", "r");
      assertThat(await(vfs.list("/m"))).containsExactly("f");
      assertThat(await(vfs.stat("/m")).isDirectory()).isTrue();
    }

    @Test
    void dotDot_atTheMountRoot_staysInTheMount() {
      put("/m/f", "in m");
      put("/r", "in root");
      assertThat(await(vfs.list("/m/.."))).containsExactly("f");
      assertThat(get("/m/../f")).isEqualTo("in m");
      assertThat(await(vfs.lookup("/m/../r")).status()).isEqualTo(LookupResult.Status.ABSENT);
    }

    @Test
    void move_acrossMounts_copiesAndDeletes() {
      put("/a", "across");
      await(vfs.move("/a", "/m/b"));
      assertThat(get("/m/b")).isEqualTo("across");
      assertThat(await(vfs.list("/"))).containsExactly("m");
      await(vfs.move("/m/b", "/c"));
      assertThat(snapshot())
          .containsExactly(
              Map.entry("/c", "file " + HexFormat.of().formatHex("across".getBytes(UTF_8))),
              Map.entry("/m", "dir"));
    }

    @Test
    void move_emptyDirectoryAcrossMounts_moves() {
      await(vfs.createDirectory("/d"));
      await(vfs.move("/d", "/m/d"));
      assertThat(snapshot()).containsOnlyKeys("/m", "/m/d");
    }

    @Test
    void move_nonEmptyDirectoryAcrossMounts_failsWithDirectoryNotEmpty() {
      await(vfs.createDirectories("/d/e"));
      assertFailsUnchanged(DirectoryNotEmptyException.class, "/d", () -> vfs.move("/d", "/m/d"));
    }

    @Test
    void move_acrossMountsOntoExisting_failsWithFileAlreadyExists() {
      put("/a", "A");
      put("/m/b", "B");
      assertFailsUnchanged(FileAlreadyExistsException.class, "/m/b", () -> vfs.move("/a", "/m/b"));
    }

    @Test
    void move_acrossMountsReplaceExisting_replaces() {
      put("/a", "A");
      put("/m/b", "B");
      await(vfs.move("/a", "/m/b", StandardCopyOption.REPLACE_EXISTING));
      assertThat(snapshot()).containsOnlyKeys("/m", "/m/b");
      assertThat(get("/m/b")).isEqualTo("A");
    }

    @Test
    void move_atomicAcrossMounts_failsWithAtomicMoveNotSupported() {
      put("/a", "A");
      assertFailsUnchanged(
          AtomicMoveNotSupportedException.class,
          "/a",
          () -> vfs.move("/a", "/m/b", StandardCopyOption.ATOMIC_MOVE));
    }

    @Test
    void createLink_acrossMounts_failsWithFileSystemException() {
      put("/m/f", "x");
      FileSystemException e =
          assertFailsUnchanged(FileSystemException.class, "/l", () -> vfs.createLink("/l", "/m/f"));
      assertThat(e.getReason()).isEqualTo("Invalid cross-device link");
    }

    @Test
    void copy_acrossMounts_copies() {
      put("/m/f", "x");
      await(vfs.copy("/m/f", "/g"));
      assertThat(get("/g")).isEqualTo("x");
      assertThat(get("/m/f")).isEqualTo("x");
    }

    @Test
    void symlink_intoAMountAndAbsoluteInsideIt_resolve() {
      put("/m/f", "x");
      await(vfs.createSymbolicLink("/l", "/m/f"));
      assertThat(get("/l")).isEqualTo("x");
      // A mount is a jail: an absolute target inside it starts again at the mount's root.
      await(vfs.createSymbolicLink("/m/abs", "/r"));
      put("/r", "root");
      put("/m/r", "in m");
      assertThat(get("/m/abs")).isEqualTo("in m");
    }

    @Test
    void storeInfo_perMount_succeeds() {
      assertThat(await(vfs.storeInfo("/m")).totalSpace()).isNotNegative();
    }
  }

  // ---- bad input ----

  @Nested
  @DisplayName("Bad input is refused as the JDK refuses it")
  class BadInput {
    private static final String NUL = "/a\u0000b";

    private Map<String, ThrowingCallable> callsWith(String p) {
      Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
      calls.put("lookupNow", () -> vfs.lookupNow(p));
      calls.put("lookup", () -> vfs.lookup(p));
      calls.put("stat", () -> vfs.stat(p));
      calls.put("open", () -> vfs.open(p));
      calls.put("readAllBytes", () -> vfs.readAllBytes(p));
      calls.put("write", () -> vfs.write(p, HELLO));
      calls.put("list", () -> vfs.list(p));
      calls.put("createDirectory", () -> vfs.createDirectory(p));
      calls.put("createDirectories", () -> vfs.createDirectories(p));
      calls.put("delete", () -> vfs.delete(p));
      calls.put("deleteIfExists", () -> vfs.deleteIfExists(p));
      calls.put("move source", () -> vfs.move(p, "/x"));
      calls.put("move target", () -> vfs.move("/f", p));
      calls.put("copy source", () -> vfs.copy(p, "/x"));
      calls.put("copy target", () -> vfs.copy("/f", p));
      calls.put("createSymbolicLink link", () -> vfs.createSymbolicLink(p, "t"));
      calls.put("createLink link", () -> vfs.createLink(p, "/f"));
      calls.put("createLink existing", () -> vfs.createLink("/x", p));
      calls.put("readSymbolicLink", () -> vfs.readSymbolicLink(p));
      calls.put("setTimes", () -> vfs.setTimes(p, null, null, null));
      calls.put("setPermissions", () -> vfs.setPermissions(p, Set.of()));
      calls.put("storeInfo", () -> vfs.storeInfo(p));
      return calls;
    }

    private void assertAllThrowAtOnce(
        Map<String, ThrowingCallable> calls, Class<? extends Throwable> type) {
      SortedMap<String, String> before = snapshot();
      List<String> wrong = new ArrayList<>();
      for (Map.Entry<String, ThrowingCallable> c : calls.entrySet()) {
        try {
          Object r = callReturning(c.getValue());
          wrong.add(c.getKey() + " returned " + r);
        } catch (Throwable t) {
          if (!type.isInstance(t)) {
            wrong.add(c.getKey() + " threw " + t);
          }
        }
      }
      assertThat(wrong).as("calls that did not throw %s at once", type.getSimpleName()).isEmpty();
      assertThat(snapshot()).isEqualTo(before);
    }

    private @Nullable Object callReturning(ThrowingCallable c) throws Throwable {
      c.call();
      return "normally";
    }

    @Test
    @SuppressWarnings("nullness")
    void nullPath_throwsNullPointerExceptionAtOnce() {
      put("/f", "x");
      assertAllThrowAtOnce(callsWith(nullString()), NullPointerException.class);
    }

    @Test
    void nullOtherArguments_throwNullPointerExceptionAtOnce() {
      put("/f", "x");
      Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
      calls.put("write bytes", () -> vfs.write("/f", nullBytes()));
      calls.put("createSymbolicLink target", () -> vfs.createSymbolicLink("/l", nullString()));
      calls.put("setPermissions perms", () -> vfs.setPermissions("/f", nullPerms()));
      calls.put("open options", () -> vfs.open("/f", (Set<? extends OpenOption>) nullOptionSet()));
      calls.put("open option element", () -> vfs.open("/f", (OpenOption) null));
      calls.put("lookup link option", () -> vfs.lookup("/f", (LinkOption) null));
      calls.put("move option", () -> vfs.move("/f", "/g", (StandardCopyOption) null));
      calls.put("copy option", () -> vfs.copy("/f", "/g", (StandardCopyOption) null));
      assertAllThrowAtOnce(calls, NullPointerException.class);
    }

    @Test
    void nulCharacter_throwsInvalidPathExceptionAtOnce() {
      put("/f", "x");
      assertAllThrowAtOnce(callsWith(NUL), InvalidPathException.class);
    }

    @Test
    void nulCharacterInSymlinkTarget_throwsInvalidPathExceptionAtOnce() {
      assertAllThrowAtOnce(
          Map.of("createSymbolicLink target", () -> vfs.createSymbolicLink("/l", NUL)),
          InvalidPathException.class);
    }

    @Test
    void nameOf256Bytes_failsWithFileNameTooLong() {
      String p = "/" + "x".repeat(256);
      for (Supplier<CompletableFuture<?>> op :
          List.<Supplier<CompletableFuture<?>>>of(
              () -> vfs.stat(p),
              () -> vfs.write(p, HELLO),
              () -> vfs.createDirectory(p),
              () -> vfs.open(p, StandardOpenOption.WRITE, StandardOpenOption.CREATE),
              () -> vfs.createSymbolicLink(p, "t"))) {
        FileSystemException e = assertFailsUnchanged(FileSystemException.class, p, op);
        assertThat(e.getReason()).isEqualTo("File name too long");
      }
    }

    @Test
    void nameOf255Bytes_works() {
      String p = "/" + "\u00e9".repeat(127) + "x";
      put(p, "ok");
      assertThat(get(p)).isEqualTo("ok");
      assertThat(await(vfs.list("/"))).containsExactly(p.substring(1));
    }

    @Test
    void multiByteNameOver255Bytes_failsWithFileNameTooLong() {
      String p = "/" + "\u00e9".repeat(128);
      FileSystemException e =
          assertFailsUnchanged(FileSystemException.class, p, () -> vfs.write(p, HELLO));
      assertThat(e.getReason()).isEqualTo("File name too long");
    }

    @Test
    void pathOf4096Bytes_failsWithFileNameTooLong() {
      String p = longPath(4096);
      assertThat(p.getBytes(UTF_8)).hasSize(4096);
      FileSystemException e = assertFailsUnchanged(FileSystemException.class, p, () -> vfs.stat(p));
      assertThat(e.getReason()).isEqualTo("File name too long");
      e = assertFailsUnchanged(FileSystemException.class, p, () -> vfs.write(p, HELLO));
      assertThat(e.getReason()).isEqualTo("File name too long");
    }

    @Test
    void pathOf4095Bytes_isNotTooLong() {
      String p = longPath(4095);
      assertFailsUnchanged(NoSuchFileException.class, p, () -> vfs.stat(p));
    }

    private static String longPath(int bytes) {
      StringBuilder sb = new StringBuilder();
      while (sb.length() + 100 <= bytes) {
        sb.append('/').append("d".repeat(99));
      }
      int rest = bytes - sb.length() - 1;
      sb.append('/').append("e".repeat(rest));
      return sb.toString();
    }

    @Test
    void nonNormalizedPaths_workAsTheJdkParsesThem() {
      await(vfs.createDirectories("/a/b"));
      put("//a/./b/../c/", "c");
      assertThat(await(vfs.list("/a"))).containsExactly("b", "c");
      assertThat(get("/a/c")).isEqualTo("c");
      assertThat(get("a/c")).isEqualTo("c");
      assertThat(get("/a//b/./../c")).isEqualTo("c");
      assertThat(await(vfs.list("/.."))).containsExactly("a");
      assertThat(await(vfs.list("/../../a/."))).containsExactly("b", "c");
      assertThat(await(vfs.stat("/a/b/")).isDirectory()).isTrue();
    }

    @Test
    void dotDot_throughAFile_failsWithNotDirectory() {
      put("/f", "x");
      assertFailsUnchanged(NotDirectoryException.class, "/f/..", () -> vfs.list("/f/.."));
    }

    @Test
    void badOpenOption_isRefusedAtOnce() {
      put("/f", "x");
      assertThatThrownBy(() -> vfs.open("/f", StandardOpenOption.READ, StandardOpenOption.APPEND))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> vfs.open("/f", new OpenOption() {}))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyOperation_onAClosedVfs_failsWithClosedFileSystemException() {
      put("/f", "x");
      vfs.close();
      vfs.close();
      assertThat(vfs.isOpen()).isFalse();
      assertThatThrownBy(() -> vfs.lookupNow("/f")).isInstanceOf(ClosedFileSystemException.class);
      List<Supplier<CompletableFuture<?>>> ops =
          List.of(
              () -> vfs.lookup("/f"),
              () -> vfs.stat("/f"),
              () -> vfs.open("/f"),
              () -> vfs.readAllBytes("/f"),
              () -> vfs.write("/g", HELLO),
              () -> vfs.list("/"),
              () -> vfs.createDirectory("/d"),
              () -> vfs.createDirectories("/d/e"),
              () -> vfs.delete("/f"),
              () -> vfs.deleteIfExists("/f"),
              () -> vfs.move("/f", "/g"),
              () -> vfs.copy("/f", "/g"),
              () -> vfs.createSymbolicLink("/l", "f"),
              () -> vfs.createLink("/h", "/f"),
              () -> vfs.readSymbolicLink("/l"),
              () -> vfs.setTimes("/f", FileTime.fromMillis(0), null, null),
              () -> vfs.setPermissions("/f", Set.of()),
              () -> vfs.storeInfo("/"));
      for (Supplier<CompletableFuture<?>> op : ops) {
        assertThat(failure(op.get())).isInstanceOf(ClosedFileSystemException.class);
      }
      assertThat(vfs.pendingOperations()).isZero();
    }
  }

  // ---- completion ----

  @Nested
  @DisplayName("Futures complete on the configured executor")
  class Completion {
    @Test
    void completionExecutor_isUsedExactlyWhenAnOperationWaited() {
      put("/f", "x");
      if (asyncBackend() && completionMode() != CompletionMode.DIRECT) {
        // The write waited for the backend: its future completes through the executor.
        assertThat(completionTasks.get()).isPositive();
      } else {
        // An inline backend answers at once (no thread hop), and direct completion runs on the
        // IO thread: either way the kit's executor never sees a task.
        assertThat(completionTasks.get()).isZero();
      }
    }

    @Test
    void manyConcurrentOperations_allComplete() {
      List<CompletableFuture<Void>> writes = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        writes.add(vfs.write("/f" + i, ("v" + i).getBytes(UTF_8)));
      }
      await(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));
      List<CompletableFuture<byte[]>> reads = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        reads.add(vfs.readAllBytes("/f" + i));
      }
      for (int i = 0; i < 200; i++) {
        assertThat(new String(await(reads.get(i)), UTF_8)).isEqualTo("v" + i);
      }
      assertThat(await(vfs.list("/"))).hasSize(200);
    }

    @Test
    void close_completesPendingFutures() {
      put("/f", "x");
      List<CompletableFuture<?>> fs = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        fs.add(vfs.readAllBytes("/f"));
      }
      vfs.close();
      for (CompletableFuture<?> f : fs) {
        try {
          f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          assertThat(unwrap(e)).isInstanceOf(ClosedFileSystemException.class);
        } catch (InterruptedException | TimeoutException e) {
          fail("a future was left pending by close", e);
        }
      }
      assertThat(vfs.pendingOperations()).isZero();
    }
  }

  private static @Nullable String nullStringValue() {
    return null;
  }

  @SuppressWarnings("nullness")
  private static String nullString() {
    return nullStringValue();
  }

  @SuppressWarnings("nullness")
  private static byte[] nullBytes() {
    return null;
  }

  @SuppressWarnings("nullness")
  private static Set<PosixFilePermission> nullPerms() {
    return null;
  }

  @SuppressWarnings("nullness")
  private static Set<OpenOption> nullOptionSet() {
    return null;
  }
}
