package org.jvfs.memory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jvfs.memory.Stages.assertErrno;
import static org.jvfs.memory.Stages.done;
import static org.jvfs.memory.Stages.failure;

import java.nio.ByteBuffer;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.Capability;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.NodeKind;
import org.jvfs.spi.OpenFlags;
import org.jvfs.spi.Probe;
import org.jvfs.spi.StoreInfo;

class MemoryBackendTest {
  private static final OpenFlags CREATE_WRITE =
      OpenFlags.from(Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE));
  private static final OpenFlags CREATE_READ_WRITE =
      OpenFlags.from(
          Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ));

  private final TestClock clock = new TestClock();
  private final MemoryBackend backend =
      MemoryBackend.builder().clock(clock).owner(1000, 100).totalSpace(1 << 20).build();
  private final Node root = backend.root();

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  private static Name n(String s) {
    return Name.of(s);
  }

  private NodeInfo file(Node dir, String name, String content) {
    Opened o = done(backend.open(dir, n(name), CREATE_WRITE, null));
    done(o.file().write(ByteBuffer.wrap(content.getBytes(UTF_8)), 0));
    done(o.file().close());
    return done(backend.lookup(dir, n(name)));
  }

  private NodeInfo mkdir(Node dir, String name) {
    return done(backend.createDirectory(dir, n(name), null));
  }

  private NodeAttributes attrs(Node node) {
    return done(backend.attributes(node));
  }

  @Test
  void capabilities_areTheMemoryOnes() {
    assertThat(backend.capabilities())
        .containsExactlyInAnyOrder(
            Capability.SYMBOLIC_LINKS,
            Capability.HARD_LINKS,
            Capability.POSIX_PERMISSIONS,
            Capability.OWNERS,
            Capability.SET_TIMES,
            Capability.NONBLOCKING_PROBE,
            Capability.INLINE_COMPLETION,
            Capability.STABLE_NODES);
  }

  @Test
  void root_isAnEmptyDirectory() {
    NodeAttributes a = attrs(root);
    assertThat(a.kind()).isEqualTo(NodeKind.DIRECTORY);
    assertThat(a.linkCount()).isEqualTo(2);
    assertThat(done(backend.readDirectory(root))).isEmpty();
  }

  @Test
  void lookup_absent_returnsNull() {
    assertThat(done(backend.lookup(root, n("x")))).isNull();
  }

  @Test
  void lookup_inFile_failsEnotdir() {
    NodeInfo f = file(root, "f", "x");
    assertErrno(backend.lookup(f.node(), n("y")), Errno.ENOTDIR);
  }

  @Test
  void lookup_tooLongName_failsEnametoolong() {
    assertErrno(backend.lookup(root, n("a".repeat(256))), Errno.ENAMETOOLONG);
  }

  @Test
  void lookup_nodeOfAnotherBackend_failsIllegalArgument() {
    try (MemoryBackend other = MemoryBackend.create()) {
      assertThat(failure(backend.lookup(other.root(), n("x"))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void lookup_nullName_throwsNpe() {
    assertThatThrownBy(() -> backend.lookup(root, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void lookup_symlink_returnsItsTarget() {
    done(backend.createSymlink(root, n("l"), "../t"));
    NodeInfo info = done(backend.lookup(root, n("l")));
    assertThat(info.kind()).isEqualTo(NodeKind.SYMLINK);
    assertThat(info.symlinkTarget()).isEqualTo("../t");
    assertThat(info.attributes().size()).isEqualTo(4);
  }

  @Test
  void probeLookup_answersFoundAndAbsent() {
    NodeInfo f = file(root, "f", "abc");
    Probe found = backend.probeLookup(root, n("f"));
    assertThat(found.isKnown()).isTrue();
    assertThat(found.info().node()).isEqualTo(f.node());
    Probe absent = backend.probeLookup(root, n("g"));
    assertThat(absent.isKnown()).isTrue();
    assertThat(absent.info()).isNull();
  }

  @Test
  void probeLookup_inFile_isUnknown() {
    NodeInfo f = file(root, "f", "abc");
    assertThat(backend.probeLookup(f.node(), n("x")).isKnown()).isFalse();
  }

  @Test
  void attributes_newFile_haveDefaultsAndClockTimes() {
    Opened o = done(backend.open(root, n("f"), CREATE_WRITE, null));
    done(o.file().close());
    NodeAttributes a = o.info().attributes();
    assertThat(o.created()).isTrue();
    assertThat(a.kind()).isEqualTo(NodeKind.FILE);
    assertThat(a.permissions()).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(a.uid()).isEqualTo(1000);
    assertThat(a.gid()).isEqualTo(100);
    assertThat(a.linkCount()).isEqualTo(1);
    assertThat(a.lastModifiedTime()).isEqualTo(FileTime.from(TestClock.START));
    assertThat(a.creationTime()).isEqualTo(FileTime.from(TestClock.START));
    assertThat(a.fileKey()).isNotNull().isNotEqualTo(attrs(root).fileKey());
  }

  @Test
  void createDirectory_defaultsAndParentLinks() {
    NodeInfo d = mkdir(root, "d");
    assertThat(d.attributes().permissions())
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(d.attributes().linkCount()).isEqualTo(2);
    assertThat(attrs(root).linkCount()).isEqualTo(3);
    assertThat(done(backend.readDirectory(root)))
        .containsExactly(new DirEntry(n("d"), NodeKind.DIRECTORY));
  }

  @Test
  void createDirectory_givenPermissions_keepsThem() {
    var perms = PosixFilePermissions.fromString("rwx------");
    assertThat(done(backend.createDirectory(root, n("d"), perms)).attributes().permissions())
        .isEqualTo(perms);
  }

  @Test
  void createDirectory_existing_failsEexist() {
    file(root, "f", "");
    assertErrno(backend.createDirectory(root, n("f"), null), Errno.EEXIST);
  }

  @Test
  void createDirectory_inRemovedDirectory_failsEnoent() {
    NodeInfo d = mkdir(root, "d");
    done(backend.remove(root, n("d"), true));
    assertErrno(backend.createDirectory(d.node(), n("x"), null), Errno.ENOENT);
    assertErrno(backend.open(d.node(), n("x"), CREATE_WRITE, null), Errno.ENOENT);
    assertErrno(backend.createSymlink(d.node(), n("x"), "t"), Errno.ENOENT);
    assertThat(done(backend.lookup(d.node(), n("x")))).isNull();
    assertThat(attrs(d.node()).linkCount()).isZero();
  }

  @Test
  void createDirectory_updatesParentTimes() {
    FileTime later = FileTime.from(clock.advance(Duration.ofSeconds(5)));
    mkdir(root, "d");
    assertThat(attrs(root).lastModifiedTime()).isEqualTo(later);
    assertThat(attrs(root).changeTime()).isEqualTo(later);
  }

  @Test
  void readDirectory_listsAllKinds() {
    file(root, "f", "");
    mkdir(root, "d");
    done(backend.createSymlink(root, n("l"), "f"));
    assertThat(done(backend.readDirectory(root)))
        .containsExactlyInAnyOrder(
            new DirEntry(n("f"), NodeKind.FILE),
            new DirEntry(n("d"), NodeKind.DIRECTORY),
            new DirEntry(n("l"), NodeKind.SYMLINK));
  }

  @Test
  void readDirectory_file_failsEnotdir() {
    assertErrno(backend.readDirectory(file(root, "f", "").node()), Errno.ENOTDIR);
  }

  @Test
  void open_absentWithoutCreate_failsEnoent() {
    assertErrno(backend.open(root, n("f"), OpenFlags.READ, null), Errno.ENOENT);
  }

  @Test
  void open_createNewExisting_failsEexist() {
    file(root, "f", "");
    OpenFlags flags =
        OpenFlags.from(Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    assertErrno(backend.open(root, n("f"), flags, null), Errno.EEXIST);
  }

  @Test
  void open_symlink_failsEloop() {
    file(root, "f", "");
    done(backend.createSymlink(root, n("l"), "f"));
    assertErrno(backend.open(root, n("l"), OpenFlags.READ, null), Errno.ELOOP);
  }

  @Test
  void open_directoryForWrite_failsEisdir() {
    mkdir(root, "d");
    assertErrno(backend.open(root, n("d"), CREATE_WRITE, null), Errno.EISDIR);
  }

  @Test
  void open_directoryForRead_succeedsButReadFailsEisdir() {
    mkdir(root, "d");
    Opened o = done(backend.open(root, n("d"), OpenFlags.READ, null));
    assertThat(o.created()).isFalse();
    assertErrno(o.file().read(ByteBuffer.allocate(1), 0), Errno.EISDIR);
    done(o.file().close());
  }

  @Test
  void open_inFile_failsEnotdir() {
    NodeInfo f = file(root, "f", "");
    assertErrno(backend.open(f.node(), n("x"), CREATE_WRITE, null), Errno.ENOTDIR);
  }

  @Test
  void open_truncate_cutsContentAndTouchesTimes() {
    NodeInfo f = file(root, "f", "hello");
    FileTime later = FileTime.from(clock.advance(Duration.ofSeconds(1)));
    OpenFlags flags =
        OpenFlags.from(Set.of(StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
    Opened o = done(backend.open(root, n("f"), flags, null));
    done(o.file().close());
    assertThat(o.info().attributes().size()).isZero();
    assertThat(o.info().attributes().lastModifiedTime()).isEqualTo(later);
    assertThat(o.info().node()).isEqualTo(f.node());
  }

  @Test
  void open_givenPermissions_keepsThem() {
    var perms = PosixFilePermissions.fromString("rw-------");
    Opened o = done(backend.open(root, n("f"), CREATE_WRITE, perms));
    done(o.file().close());
    assertThat(o.info().attributes().permissions()).isEqualTo(perms);
  }

  @Test
  void remove_file_dropsEntryAndUpdatesParent() {
    file(root, "f", "abc");
    FileTime later = FileTime.from(clock.advance(Duration.ofSeconds(1)));
    done(backend.remove(root, n("f"), false));
    assertThat(done(backend.lookup(root, n("f")))).isNull();
    assertThat(attrs(root).lastModifiedTime()).isEqualTo(later);
    assertThat(done(backend.storeInfo()).freeSpace()).isEqualTo(1 << 20);
  }

  @Test
  void remove_absent_failsEnoent() {
    assertErrno(backend.remove(root, n("f"), false), Errno.ENOENT);
  }

  @Test
  void remove_directoryAsFile_failsEisdir() {
    mkdir(root, "d");
    assertErrno(backend.remove(root, n("d"), false), Errno.EISDIR);
  }

  @Test
  void remove_fileAsDirectory_failsEnotdir() {
    file(root, "f", "");
    assertErrno(backend.remove(root, n("f"), true), Errno.ENOTDIR);
  }

  @Test
  void remove_nonEmptyDirectory_failsEnotempty() {
    NodeInfo d = mkdir(root, "d");
    file(d.node(), "f", "");
    assertErrno(backend.remove(root, n("d"), true), Errno.ENOTEMPTY);
  }

  @Test
  void remove_emptyDirectory_lowersParentLinkCount() {
    mkdir(root, "d");
    done(backend.remove(root, n("d"), true));
    assertThat(attrs(root).linkCount()).isEqualTo(2);
  }

  @Test
  void remove_openFile_staysUsableUntilClosed() {
    Opened o = done(backend.open(root, n("f"), CREATE_READ_WRITE, null));
    done(o.file().write(ByteBuffer.wrap("data".getBytes(UTF_8)), 0));
    done(backend.remove(root, n("f"), false));
    assertThat(attrs(o.file().node()).linkCount()).isZero();
    done(o.file().write(ByteBuffer.wrap("!".getBytes(UTF_8)), 4));
    ByteBuffer dst = ByteBuffer.allocate(10);
    assertThat(done(o.file().read(dst, 0))).isEqualTo(5);
    assertThat(done(backend.storeInfo()).freeSpace()).isEqualTo((1 << 20) - 5);
    done(o.file().close());
    assertThat(done(backend.storeInfo()).freeSpace()).isEqualTo(1 << 20);
  }

  @Test
  void link_file_sharesInodeAndCountsLinks() {
    NodeInfo f = file(root, "f", "abc");
    NodeInfo d = mkdir(root, "d");
    NodeInfo l = done(backend.link(root, n("f"), d.node(), n("g")));
    assertThat(l.node()).isEqualTo(f.node());
    assertThat(l.attributes().linkCount()).isEqualTo(2);
    done(backend.remove(root, n("f"), false));
    assertThat(attrs(l.node()).linkCount()).isEqualTo(1);
    assertThat(attrs(l.node()).size()).isEqualTo(3);
  }

  @Test
  void link_directory_failsEperm() {
    mkdir(root, "d");
    assertErrno(backend.link(root, n("d"), root, n("e")), Errno.EPERM);
  }

  @Test
  void link_existingTarget_failsEexist() {
    file(root, "f", "");
    file(root, "g", "");
    assertErrno(backend.link(root, n("f"), root, n("g")), Errno.EEXIST);
  }

  @Test
  void link_absentSource_failsEnoent() {
    assertErrno(backend.link(root, n("f"), root, n("g")), Errno.ENOENT);
  }

  @Test
  void link_updatesCtimeOfFile() {
    NodeInfo f = file(root, "f", "");
    FileTime later = FileTime.from(clock.advance(Duration.ofSeconds(1)));
    done(backend.link(root, n("f"), root, n("g")));
    assertThat(attrs(f.node()).changeTime()).isEqualTo(later);
    assertThat(attrs(f.node()).lastModifiedTime()).isNotEqualTo(later);
  }

  @Test
  void createSymlink_existing_failsEexist() {
    file(root, "f", "");
    assertErrno(backend.createSymlink(root, n("f"), "x"), Errno.EEXIST);
  }

  @Test
  void createSymlink_emptyTarget_failsEnoent() {
    assertErrno(backend.createSymlink(root, n("l"), ""), Errno.ENOENT);
  }

  @Test
  void readSymlink_link_returnsTargetAsStored() {
    NodeInfo l = done(backend.createSymlink(root, n("l"), "a//b/../c"));
    assertThat(done(backend.readSymlink(l.node()))).isEqualTo("a//b/../c");
  }

  @Test
  void readSymlink_notALink_failsEinval() {
    assertErrno(backend.readSymlink(file(root, "f", "").node()), Errno.EINVAL);
  }

  @Test
  void setTimes_setsGivenAndKeepsNull() {
    NodeInfo f = file(root, "f", "");
    FileTime m = FileTime.fromMillis(1000);
    FileTime later = FileTime.from(clock.advance(Duration.ofSeconds(1)));
    done(backend.setTimes(f.node(), m, null, null));
    NodeAttributes a = attrs(f.node());
    assertThat(a.lastModifiedTime()).isEqualTo(m);
    assertThat(a.lastAccessTime()).isEqualTo(FileTime.from(TestClock.START));
    assertThat(a.creationTime()).isEqualTo(FileTime.from(TestClock.START));
    assertThat(a.changeTime()).isEqualTo(later);
    FileTime c = FileTime.fromMillis(5);
    done(backend.setTimes(f.node(), null, m, c));
    assertThat(attrs(f.node()).lastAccessTime()).isEqualTo(m);
    assertThat(attrs(f.node()).creationTime()).isEqualTo(c);
  }

  @Test
  void setPermissions_replacesAndTouchesCtime() {
    NodeInfo f = file(root, "f", "");
    FileTime later = FileTime.from(clock.advance(Duration.ofSeconds(1)));
    var perms = PosixFilePermissions.fromString("r--------");
    done(backend.setPermissions(f.node(), perms));
    assertThat(attrs(f.node()).permissions()).isEqualTo(perms);
    assertThat(attrs(f.node()).changeTime()).isEqualTo(later);
  }

  @Test
  void storeInfo_countsFileBytes() {
    file(root, "f", "12345");
    assertThat(done(backend.storeInfo()))
        .isEqualTo(new StoreInfo(1 << 20, (1 << 20) - 5, (1 << 20) - 5));
  }

  @Test
  void write_beyondSpace_failsEnospc() {
    try (MemoryBackend small = MemoryBackend.builder().totalSpace(10).build()) {
      Opened o = done(small.open(small.root(), n("f"), CREATE_WRITE, null));
      assertThat(done(o.file().write(ByteBuffer.allocate(8), 0))).isEqualTo(8);
      ByteBuffer src = ByteBuffer.allocate(4);
      assertErrno(o.file().write(src, 8), Errno.ENOSPC);
      assertThat(src.position()).isZero();
      assertErrno(o.file().truncate(11), Errno.ENOSPC);
      assertThat(done(o.file().write(ByteBuffer.allocate(2), 8))).isEqualTo(2);
      done(o.file().close());
    }
  }

  @Test
  void close_closesOpenFilesAndFailsLaterCalls() {
    Opened o = done(backend.open(root, n("f"), CREATE_WRITE, null));
    backend.close();
    backend.close();
    assertThat(failure(o.file().size()))
        .isInstanceOf(java.nio.channels.ClosedChannelException.class);
    assertThat(failure(backend.lookup(root, n("f")))).isInstanceOf(ClosedFileSystemException.class);
  }

  @Test
  void stages_areCompleteWhenReturned() {
    assertThat(backend.lookup(root, n("x")).toCompletableFuture()).isDone();
    assertThat(backend.readDirectory(root).toCompletableFuture()).isDone();
    assertThat(backend.storeInfo().toCompletableFuture()).isDone();
  }

  @Test
  void concurrentCreates_allLand() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int id = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 200; i++) {
                    Opened o = done(backend.open(root, n(id + "-" + i), CREATE_WRITE, null));
                    done(o.file().write(ByteBuffer.wrap(new byte[] {1}), 0));
                    done(o.file().close());
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(done(backend.readDirectory(root))).hasSize(800);
    assertThat(done(backend.storeInfo()).freeSpace()).isEqualTo((1 << 20) - 800);
  }
}
