package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.BackendFile;
import org.jvfs.spi.Capability;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.NodeKind;
import org.jvfs.spi.OpenFlags;
import org.jvfs.spi.StoreInfo;

/**
 * The SPI contract every {@link Backend} must meet, as JUnit 5 tests. Subclass it, supply a fresh,
 * empty backend per test in {@link #newBackend()}, and run the subclass.
 *
 * <p>Tests of optional features skip (with an assumption naming the missing {@link Capability})
 * when the backend does not declare the capability. After each test the kit checks that no {@link
 * BackendFile} was left open, then closes the backend. Stages are awaited for up to {@link
 * #TIMEOUT_SECONDS} seconds, so backends that complete on other threads run it too.
 */
public abstract class BackendConformanceKit {
  /** How long the kit waits for a stage. */
  protected static final long TIMEOUT_SECONDS = 10;

  private static final OpenFlags CREATE_RW =
      OpenFlags.from(
          Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
  private static final OpenFlags WRITE = OpenFlags.from(Set.of(StandardOpenOption.WRITE));

  private HandleTrackingBackend backend;
  private Node root;

  /** Returns a new, empty backend, owned by the kit (which closes it). */
  protected abstract Backend newBackend() throws Exception;

  @BeforeEach
  final void openBackend() throws Exception {
    backend = new HandleTrackingBackend(newBackend());
    root = backend.root();
  }

  @AfterEach
  final void checkAndCloseBackend() {
    try {
      backend.assertNoOpenHandles();
    } finally {
      backend.close();
    }
  }

  /** Returns the backend under test (wrapped for handle tracking). */
  protected final Backend backend() {
    return backend;
  }

  // ---- helpers ---------------------------------------------------------------------------

  /** Waits for a stage and returns its value; fails the test with the stage's failure. */
  protected static <T> T await(CompletionStage<T> stage) throws Exception {
    try {
      return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw new AssertionError(cause);
    }
  }

  /** Asserts that a stage fails with a {@link BackendException} carrying {@code errno}. */
  protected static void assertErrno(CompletionStage<?> stage, Errno errno) {
    assertThatThrownBy(() -> await(stage))
        .isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).errno())
        .isEqualTo(errno);
  }

  private void requires(Capability c) {
    Assumptions.assumeTrue(backend.capabilities().contains(c), "backend lacks " + c);
  }

  private static Name n(String s) {
    return Name.of(s);
  }

  private NodeInfo file(Node dir, String name, String content) throws Exception {
    Opened o = await(backend.open(dir, n(name), CREATE_RW, null));
    try {
      writeFully(o.file(), content.getBytes(UTF_8), 0);
    } finally {
      await(o.file().close());
    }
    return lookup(dir, name);
  }

  private NodeInfo mkdir(Node dir, String name) throws Exception {
    return await(backend.createDirectory(dir, n(name), null));
  }

  private NodeInfo lookup(Node dir, String name) throws Exception {
    NodeInfo info = await(backend.lookup(dir, n(name)));
    assertThat(info).as("lookup of %s", name).isNotNull();
    return info;
  }

  private @Nullable NodeInfo find(Node dir, String name) throws Exception {
    return await(backend.lookup(dir, n(name)));
  }

  private static void writeFully(BackendFile f, byte[] data, long position) throws Exception {
    ByteBuffer src = ByteBuffer.wrap(data);
    while (src.hasRemaining()) {
      await(f.write(src, position + src.position()));
    }
  }

  private static String readAll(BackendFile f) throws Exception {
    long size = await(f.size());
    ByteBuffer dst = ByteBuffer.allocate((int) size);
    while (dst.hasRemaining()) {
      int n = await(f.read(dst, dst.position()));
      if (n < 0) {
        break;
      }
    }
    return new String(dst.array(), 0, dst.position(), UTF_8);
  }

  private String content(Node dir, String name) throws Exception {
    Opened o = await(backend.open(dir, n(name), OpenFlags.READ, null));
    try {
      return readAll(o.file());
    } finally {
      await(o.file().close());
    }
  }

  private NodeAttributes attrs(Node node) throws Exception {
    return await(backend.attributes(node));
  }

  // ---- tests -----------------------------------------------------------------------------

  @Nested
  @DisplayName("Looking up names")
  class Lookup {
    @Test
    @DisplayName("an absent name gives null")
    void absent() throws Exception {
      assertThat(find(root, "nothing")).isNull();
    }

    @Test
    @DisplayName("a created file is found with its kind and size")
    void file() throws Exception {
      BackendConformanceKit.this.file(root, "f", "abc");
      NodeInfo info = lookup(root, "f");
      assertThat(info.kind()).isEqualTo(NodeKind.FILE);
      assertThat(info.attributes().size()).isEqualTo(3);
    }

    @Test
    @DisplayName("looking up in a file fails with ENOTDIR")
    void inFile() throws Exception {
      NodeInfo f = BackendConformanceKit.this.file(root, "f", "");
      assertErrno(backend.lookup(f.node(), n("x")), Errno.ENOTDIR);
    }

    @Test
    @DisplayName("the same file looked up twice gives equal nodes")
    void equalNodes() throws Exception {
      BackendConformanceKit.this.file(root, "f", "");
      assertThat(lookup(root, "f").node()).isEqualTo(lookup(root, "f").node());
    }

    @Test
    @DisplayName("the root is a directory")
    void rootIsDirectory() throws Exception {
      assertThat(attrs(root).kind()).isEqualTo(NodeKind.DIRECTORY);
    }
  }

  @Nested
  @DisplayName("Opening, reading and writing files")
  class OpenReadWrite {
    @Test
    @DisplayName("a created file reads back what was written")
    void roundTrip() throws Exception {
      Opened o = await(backend.open(root, n("f"), CREATE_RW, null));
      assertThat(o.created()).isTrue();
      assertThat(o.info().kind()).isEqualTo(NodeKind.FILE);
      writeFully(o.file(), "hello world".getBytes(UTF_8), 0);
      assertThat(readAll(o.file())).isEqualTo("hello world");
      await(o.file().close());
      assertThat(content(root, "f")).isEqualTo("hello world");
    }

    @Test
    @DisplayName("opening an existing file does not report it created")
    void existingNotCreated() throws Exception {
      BackendConformanceKit.this.file(root, "f", "x");
      Opened o = await(backend.open(root, n("f"), CREATE_RW, null));
      await(o.file().close());
      assertThat(o.created()).isFalse();
    }

    @Test
    @DisplayName("a read at the end gives -1 and a read without room gives 0")
    void endOfFile() throws Exception {
      BackendConformanceKit.this.file(root, "f", "abc");
      Opened o = await(backend.open(root, n("f"), OpenFlags.READ, null));
      try {
        assertThat(await(o.file().read(ByteBuffer.allocate(4), 3))).isEqualTo(-1);
        assertThat(await(o.file().read(ByteBuffer.allocate(0), 0))).isZero();
      } finally {
        await(o.file().close());
      }
    }

    @Test
    @DisplayName("a write past the end fills the gap with zeros")
    void zeroFill() throws Exception {
      Opened o = await(backend.open(root, n("f"), CREATE_RW, null));
      try {
        writeFully(o.file(), new byte[] {7}, 10000);
        assertThat(await(o.file().size())).isEqualTo(10001);
        ByteBuffer dst = ByteBuffer.allocate(10001);
        while (dst.hasRemaining() && await(o.file().read(dst, dst.position())) > 0) {}
        for (int i = 0; i < 10000; i++) {
          assertThat(dst.get(i)).as("byte %s", i).isZero();
        }
        assertThat(dst.get(10000)).isEqualTo((byte) 7);
      } finally {
        await(o.file().close());
      }
    }

    @Test
    @DisplayName("an append write goes to the end whatever the position")
    void append() throws Exception {
      BackendConformanceKit.this.file(root, "f", "abc");
      OpenFlags flags = OpenFlags.from(Set.of(StandardOpenOption.APPEND));
      Opened o = await(backend.open(root, n("f"), flags, null));
      try {
        writeFully(o.file(), "de".getBytes(UTF_8), 0);
      } finally {
        await(o.file().close());
      }
      assertThat(content(root, "f")).isEqualTo("abcde");
    }

    @Test
    @DisplayName("truncate cuts and extends with zeros")
    void truncate() throws Exception {
      Opened o = await(backend.open(root, n("f"), CREATE_RW, null));
      try {
        writeFully(o.file(), "abcdef".getBytes(UTF_8), 0);
        await(o.file().truncate(2));
        assertThat(await(o.file().size())).isEqualTo(2);
        await(o.file().truncate(4));
        assertThat(readAll(o.file())).isEqualTo("ab\0\0");
      } finally {
        await(o.file().close());
      }
    }

    @Test
    @DisplayName("TRUNCATE_EXISTING empties the file on open")
    void truncateOnOpen() throws Exception {
      BackendConformanceKit.this.file(root, "f", "abc");
      OpenFlags flags =
          OpenFlags.from(Set.of(StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
      Opened o = await(backend.open(root, n("f"), flags, null));
      await(o.file().close());
      assertThat(o.info().attributes().size()).isZero();
      assertThat(content(root, "f")).isEmpty();
    }

    @Test
    @DisplayName("force succeeds on an open file")
    void force() throws Exception {
      Opened o = await(backend.open(root, n("f"), CREATE_RW, null));
      try {
        writeFully(o.file(), "x".getBytes(UTF_8), 0);
        await(o.file().force(true));
        await(o.file().force(false));
      } finally {
        await(o.file().close());
      }
    }

    @Test
    @DisplayName("close is idempotent and later calls fail with ClosedChannelException")
    void closed() throws Exception {
      Opened o = await(backend.open(root, n("f"), CREATE_RW, null));
      await(o.file().close());
      await(o.file().close());
      assertThatThrownBy(() -> await(o.file().read(ByteBuffer.allocate(1), 0)))
          .isInstanceOf(ClosedChannelException.class);
      assertThatThrownBy(() -> await(o.file().write(ByteBuffer.allocate(1), 0)))
          .isInstanceOf(ClosedChannelException.class);
      assertThatThrownBy(() -> await(o.file().size())).isInstanceOf(ClosedChannelException.class);
      assertThatThrownBy(() -> await(o.file().truncate(0)))
          .isInstanceOf(ClosedChannelException.class);
    }

    @Test
    @DisplayName("opening an absent file without create fails with ENOENT")
    void absent() {
      assertErrno(backend.open(root, n("f"), OpenFlags.READ, null), Errno.ENOENT);
      assertErrno(backend.open(root, n("f"), WRITE, null), Errno.ENOENT);
    }

    @Test
    @DisplayName("CREATE_NEW on an existing file fails with EEXIST")
    void createNewExisting() throws Exception {
      BackendConformanceKit.this.file(root, "f", "");
      OpenFlags flags =
          OpenFlags.from(Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
      assertErrno(backend.open(root, n("f"), flags, null), Errno.EEXIST);
    }

    @Test
    @DisplayName("opening a directory for writing fails with EISDIR")
    void directoryForWrite() throws Exception {
      mkdir(root, "d");
      assertErrno(backend.open(root, n("d"), WRITE, null), Errno.EISDIR);
    }

    @Test
    @DisplayName("a directory opens for reading, and its reads fail with EISDIR")
    void directoryForRead() throws Exception {
      mkdir(root, "d");
      Opened o = await(backend.open(root, n("d"), OpenFlags.READ, null));
      try {
        assertErrno(o.file().read(ByteBuffer.allocate(8), 0), Errno.EISDIR);
      } finally {
        await(o.file().close());
      }
    }

    @Test
    @DisplayName("opening a symbolic link fails with ELOOP")
    void symlink() throws Exception {
      requires(Capability.SYMBOLIC_LINKS);
      BackendConformanceKit.this.file(root, "f", "");
      await(backend.createSymlink(root, n("l"), "f"));
      assertErrno(backend.open(root, n("l"), OpenFlags.READ, null), Errno.ELOOP);
    }

    @Test
    @DisplayName("opening in a file fails with ENOTDIR")
    void inFile() throws Exception {
      NodeInfo f = BackendConformanceKit.this.file(root, "f", "");
      assertErrno(backend.open(f.node(), n("x"), CREATE_RW, null), Errno.ENOTDIR);
    }

    @Test
    @DisplayName("the open file's node is the looked-up node")
    void node() throws Exception {
      NodeInfo f = BackendConformanceKit.this.file(root, "f", "");
      Opened o = await(backend.open(root, n("f"), OpenFlags.READ, null));
      await(o.file().close());
      assertThat(o.file().node()).isEqualTo(f.node());
    }
  }

  @Nested
  @DisplayName("Making and listing directories")
  class Directories {
    @Test
    @DisplayName("a made directory is found and listed")
    void make() throws Exception {
      NodeInfo d = mkdir(root, "d");
      assertThat(d.kind()).isEqualTo(NodeKind.DIRECTORY);
      assertThat(lookup(root, "d").node()).isEqualTo(d.node());
      assertThat(await(backend.readDirectory(d.node()))).isEmpty();
    }

    @Test
    @DisplayName("making a directory under a taken name fails with EEXIST")
    void taken() throws Exception {
      BackendConformanceKit.this.file(root, "f", "");
      assertErrno(backend.createDirectory(root, n("f"), null), Errno.EEXIST);
    }

    @Test
    @DisplayName("a listing has every entry with its kind, and no . or ..")
    void list() throws Exception {
      BackendConformanceKit.this.file(root, "f", "");
      NodeInfo d = mkdir(root, "d");
      BackendConformanceKit.this.file(d.node(), "inner", "");
      assertThat(await(backend.readDirectory(root)))
          .extracting(DirEntry::name)
          .containsExactlyInAnyOrder(n("f"), n("d"));
      assertThat(await(backend.readDirectory(root)))
          .filteredOn(e -> e.kind() != NodeKind.OTHER)
          .allSatisfy(
              e ->
                  assertThat(e.kind())
                      .isEqualTo(e.name().equals(n("d")) ? NodeKind.DIRECTORY : NodeKind.FILE));
    }

    @Test
    @DisplayName("listing a file fails with ENOTDIR")
    void listFile() throws Exception {
      NodeInfo f = BackendConformanceKit.this.file(root, "f", "");
      assertErrno(backend.readDirectory(f.node()), Errno.ENOTDIR);
    }
  }

  @Nested
  @DisplayName("Removing entries")
  class Remove {
    @Test
    @DisplayName("a removed file is gone")
    void file() throws Exception {
      BackendConformanceKit.this.file(root, "f", "x");
      await(backend.remove(root, n("f"), false));
      assertThat(find(root, "f")).isNull();
    }

    @Test
    @DisplayName("an empty directory is removed")
    void emptyDirectory() throws Exception {
      mkdir(root, "d");
      await(backend.remove(root, n("d"), true));
      assertThat(find(root, "d")).isNull();
    }

    @Test
    @DisplayName("removing an absent name fails with ENOENT")
    void absent() {
      assertErrno(backend.remove(root, n("x"), false), Errno.ENOENT);
    }

    @Test
    @DisplayName("removing a directory as a file fails with EISDIR")
    void directoryAsFile() throws Exception {
      mkdir(root, "d");
      assertErrno(backend.remove(root, n("d"), false), Errno.EISDIR);
    }

    @Test
    @DisplayName("removing a file as a directory fails with ENOTDIR")
    void fileAsDirectory() throws Exception {
      BackendConformanceKit.this.file(root, "f", "");
      assertErrno(backend.remove(root, n("f"), true), Errno.ENOTDIR);
    }

    @Test
    @DisplayName("removing a directory with entries fails with ENOTEMPTY")
    void nonEmpty() throws Exception {
      NodeInfo d = mkdir(root, "d");
      BackendConformanceKit.this.file(d.node(), "f", "");
      assertErrno(backend.remove(root, n("d"), true), Errno.ENOTEMPTY);
    }

    @Test
    @DisplayName("a file removed while open stays readable until closed")
    void openFile() throws Exception {
      BackendConformanceKit.this.file(root, "f", "kept");
      Opened o = await(backend.open(root, n("f"), OpenFlags.READ, null));
      try {
        await(backend.remove(root, n("f"), false));
        assertThat(readAll(o.file())).isEqualTo("kept");
      } finally {
        await(o.file().close());
      }
    }
  }

  @Nested
  @DisplayName("Renaming, as rename(2)")
  class Rename {
    @Test
    @DisplayName("a file moves to a new name in another directory")
    void move() throws Exception {
      NodeInfo f = BackendConformanceKit.this.file(root, "f", "x");
      NodeInfo d = mkdir(root, "d");
      await(backend.rename(root, n("f"), d.node(), n("g"), false));
      assertThat(find(root, "f")).isNull();
      assertThat(content(d.node(), "g")).isEqualTo("x");
      if (backend.capabilities().contains(Capability.STABLE_NODES)) {
        assertThat(lookup(d.node(), "g").node()).isEqualTo(f.node());
      }
    }

    @Test
    @DisplayName("a file replaces a file")
    void fileOverFile() throws Exception {
      BackendConformanceKit.this.file(root, "a", "new");
      BackendConformanceKit.this.file(root, "b", "old");
      await(backend.rename(root, n("a"), root, n("b"), true));
      assertThat(content(root, "b")).isEqualTo("new");
      assertThat(find(root, "a")).isNull();
    }

    @Test
    @DisplayName("a directory replaces an empty directory")
    void directoryOverEmptyDirectory() throws Exception {
      NodeInfo a = mkdir(root, "a");
      BackendConformanceKit.this.file(a.node(), "inside", "");
      mkdir(root, "b");
      await(backend.rename(root, n("a"), root, n("b"), true));
      NodeInfo b = lookup(root, "b");
      assertThat(await(backend.readDirectory(b.node())))
          .extracting(DirEntry::name)
          .containsExactly(n("inside"));
    }

    @Test
    @DisplayName("a directory over a non-empty directory fails with ENOTEMPTY")
    void directoryOverNonEmpty() throws Exception {
      mkdir(root, "a");
      NodeInfo b = mkdir(root, "b");
      BackendConformanceKit.this.file(b.node(), "f", "");
      assertErrno(backend.rename(root, n("a"), root, n("b"), true), Errno.ENOTEMPTY);
    }

    @Test
    @DisplayName("a directory over a file fails with ENOTDIR")
    void directoryOverFile() throws Exception {
      mkdir(root, "a");
      BackendConformanceKit.this.file(root, "b", "");
      assertErrno(backend.rename(root, n("a"), root, n("b"), true), Errno.ENOTDIR);
    }

    @Test
    @DisplayName("a file over a directory fails with EISDIR")
    void fileOverDirectory() throws Exception {
      BackendConformanceKit.this.file(root, "a", "");
      mkdir(root, "b");
      assertErrno(backend.rename(root, n("a"), root, n("b"), true), Errno.EISDIR);
    }

    @Test
    @DisplayName("without replace, an existing target fails with EEXIST")
    void noReplace() throws Exception {
      BackendConformanceKit.this.file(root, "a", "");
      BackendConformanceKit.this.file(root, "b", "");
      assertErrno(backend.rename(root, n("a"), root, n("b"), false), Errno.EEXIST);
    }

    @Test
    @DisplayName("moving a directory into its own subtree fails with EINVAL")
    void intoSubtree() throws Exception {
      NodeInfo a = mkdir(root, "a");
      NodeInfo sub = mkdir(a.node(), "sub");
      assertErrno(backend.rename(root, n("a"), sub.node(), n("x"), true), Errno.EINVAL);
      assertErrno(backend.rename(root, n("a"), a.node(), n("x"), true), Errno.EINVAL);
    }

    @Test
    @DisplayName("renaming an absent name fails with ENOENT")
    void absent() {
      assertErrno(backend.rename(root, n("a"), root, n("b"), true), Errno.ENOENT);
    }

    @Test
    @DisplayName("two links to the same file: nothing happens")
    void sameFile() throws Exception {
      requires(Capability.HARD_LINKS);
      BackendConformanceKit.this.file(root, "a", "x");
      await(backend.link(root, n("a"), root, n("b")));
      await(backend.rename(root, n("a"), root, n("b"), true));
      assertThat(content(root, "a")).isEqualTo("x");
      assertThat(content(root, "b")).isEqualTo("x");
    }
  }

  @Nested
  @DisplayName("Hard links")
  class HardLinks {
    @BeforeEach
    void needsLinks() {
      requires(Capability.HARD_LINKS);
    }

    @Test
    @DisplayName("a link shares the file and counts two links")
    void link() throws Exception {
      NodeInfo f = BackendConformanceKit.this.file(root, "f", "abc");
      NodeInfo l = await(backend.link(root, n("f"), root, n("g")));
      assertThat(l.node()).isEqualTo(f.node());
      assertThat(l.attributes().linkCount()).isEqualTo(2);
      await(backend.remove(root, n("f"), false));
      assertThat(content(root, "g")).isEqualTo("abc");
    }

    @Test
    @DisplayName("linking a directory fails with EPERM")
    void directory() throws Exception {
      mkdir(root, "d");
      assertErrno(backend.link(root, n("d"), root, n("e")), Errno.EPERM);
    }

    @Test
    @DisplayName("linking onto a taken name fails with EEXIST")
    void taken() throws Exception {
      BackendConformanceKit.this.file(root, "f", "");
      BackendConformanceKit.this.file(root, "g", "");
      assertErrno(backend.link(root, n("f"), root, n("g")), Errno.EEXIST);
    }
  }

  @Nested
  @DisplayName("Symbolic links")
  class Symlinks {
    @BeforeEach
    void needsSymlinks() {
      requires(Capability.SYMBOLIC_LINKS);
    }

    @Test
    @DisplayName("a link stores its target as given")
    void target() throws Exception {
      NodeInfo l = await(backend.createSymlink(root, n("l"), "../x//y"));
      assertThat(l.kind()).isEqualTo(NodeKind.SYMLINK);
      assertThat(await(backend.readSymlink(l.node()))).isEqualTo("../x//y");
      assertThat(lookup(root, "l").kind()).isEqualTo(NodeKind.SYMLINK);
    }

    @Test
    @DisplayName("reading a non-link fails with EINVAL")
    void notALink() throws Exception {
      NodeInfo f = BackendConformanceKit.this.file(root, "f", "");
      assertErrno(backend.readSymlink(f.node()), Errno.EINVAL);
    }

    @Test
    @DisplayName("a link under a taken name fails with EEXIST")
    void taken() throws Exception {
      BackendConformanceKit.this.file(root, "f", "");
      assertErrno(backend.createSymlink(root, n("f"), "x"), Errno.EEXIST);
    }
  }

  @Nested
  @DisplayName("Attributes")
  class Attributes {
    @Test
    @DisplayName("a write changes the size")
    void size() throws Exception {
      NodeInfo f = BackendConformanceKit.this.file(root, "f", "12345");
      assertThat(attrs(f.node()).size()).isEqualTo(5);
    }

    @Test
    @DisplayName("setTimes sets the given times and keeps null ones")
    void setTimes() throws Exception {
      requires(Capability.SET_TIMES);
      NodeInfo f = BackendConformanceKit.this.file(root, "f", "");
      FileTime before = attrs(f.node()).lastAccessTime();
      FileTime m = FileTime.fromMillis(1_000_000_000_000L);
      await(backend.setTimes(f.node(), m, null, null));
      assertThat(attrs(f.node()).lastModifiedTime()).isEqualTo(m);
      assertThat(attrs(f.node()).lastAccessTime()).isEqualTo(before);
      FileTime a = FileTime.fromMillis(1_100_000_000_000L);
      await(backend.setTimes(f.node(), null, a, null));
      assertThat(attrs(f.node()).lastAccessTime()).isEqualTo(a);
      assertThat(attrs(f.node()).lastModifiedTime()).isEqualTo(m);
    }

    @Test
    @DisplayName("setPermissions replaces the permissions")
    void setPermissions() throws Exception {
      requires(Capability.POSIX_PERMISSIONS);
      NodeInfo f = BackendConformanceKit.this.file(root, "f", "");
      assertThat(f.attributes().permissions()).isNotNull();
      var perms = PosixFilePermissions.fromString("rw-r-----");
      await(backend.setPermissions(f.node(), perms));
      assertThat(attrs(f.node()).permissions()).isEqualTo(perms);
    }

    @Test
    @DisplayName("a file made with permissions has them")
    void createWithPermissions() throws Exception {
      requires(Capability.POSIX_PERMISSIONS);
      var perms = PosixFilePermissions.fromString("rw-------");
      Opened o = await(backend.open(root, n("f"), CREATE_RW, perms));
      await(o.file().close());
      assertThat(attrs(o.file().node()).permissions()).isEqualTo(perms);
    }

    @Test
    @DisplayName("distinct files have distinct file keys")
    void fileKeys() throws Exception {
      NodeInfo a = BackendConformanceKit.this.file(root, "a", "");
      NodeInfo b = BackendConformanceKit.this.file(root, "b", "");
      Object ka = attrs(a.node()).fileKey();
      if (ka != null) {
        assertThat(ka).isNotEqualTo(attrs(b.node()).fileKey());
      }
      assertThat(a.node()).isNotEqualTo(b.node());
    }
  }

  @Nested
  @DisplayName("Store figures")
  class Store {
    @Test
    @DisplayName("usable is at most free, free at most total")
    void figures() throws Exception {
      StoreInfo info = await(backend.storeInfo());
      assertThat(info.totalSpace()).isPositive();
      assertThat(info.freeSpace()).isBetween(0L, info.totalSpace());
      assertThat(info.usableSpace()).isBetween(0L, info.freeSpace());
    }
  }
}
