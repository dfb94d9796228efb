package org.jvfs.aio.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jvfs.aio.ring.Fixtures.NAT;
import static org.jvfs.aio.ring.Fixtures.b;
import static org.jvfs.aio.ring.Fixtures.direct;
import static org.jvfs.aio.ring.Fixtures.neg;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.aio.ffi.UringLayout;
import org.jvfs.spi.Errno;

/**
 * {@link Sqe}: a round trip of every opcode the engine encodes against a temporary directory, each
 * checked against java.nio.
 */
class SqeTest {
  @TempDir Path dir;
  private Ring ring;
  private int dirFd;

  @BeforeEach
  void setUp() throws Exception {
    Fixtures.assumeUring();
    ring =
        Ring.open(RingConfig.builder().entries(32).directFiles(16).fixedBuffers(2, 8192).build());
    dirFd = Fixtures.dirFd(dir);
  }

  @AfterEach
  void tearDown() {
    if (ring != null) {
      ring.close();
      Fixtures.close(dirFd);
    }
  }

  private int run(SqeWriter w) {
    return ring.await(ring.submit(w));
  }

  private int openRw(String name) {
    int fd = run(s -> s.openat2(dirFd, b(name), IoUring.O_RDWR | IoUring.O_CLOEXEC, 0, 0));
    assertThat(fd).isNotNegative();
    return fd;
  }

  @Test
  void nop_completesWithZero() {
    assertThat(run(Sqe::nop)).isZero();
  }

  @Test
  void openat2_createsTheFileWithItsMode() throws Exception {
    int fd =
        run(
            s ->
                s.openat2(
                    dirFd,
                    b("new.txt"),
                    IoUring.O_CREAT | IoUring.O_EXCL | IoUring.O_WRONLY | IoUring.O_CLOEXEC,
                    0640,
                    IoUring.RESOLVE_BENEATH | IoUring.RESOLVE_NO_MAGICLINKS));
    assertThat(fd).isNotNegative();
    assertThat(run(s -> s.close(fd))).isZero();
    assertThat(Files.getPosixFilePermissions(dir.resolve("new.txt")))
        .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
  }

  @Test
  void openat2_ofAnAbsentFile_givesEnoent() {
    assertThat(run(s -> s.openat2(dirFd, b("absent"), IoUring.O_RDONLY, 0, 0)))
        .isEqualTo(neg(Errno.ENOENT));
  }

  @Test
  void read_returnsTheFileBytes() throws Exception {
    Files.writeString(dir.resolve("r.txt"), "hello, ring");
    int fd = openRw("r.txt");
    ByteBuffer buf = direct(64);
    assertThat(run(s -> s.read(fd, buf, 0))).isEqualTo(11);
    assertThat(text(buf, 11)).isEqualTo("hello, ring");
    buf.position(7);
    assertThat(run(s -> s.read(fd, buf, 7))).isEqualTo(4);
    assertThat(text(buf, 11)).isEqualTo("hello, ring");
    assertThat(run(s -> s.close(fd))).isZero();
  }

  @Test
  void write_putsTheBytesAtTheOffset() throws Exception {
    Files.writeString(dir.resolve("w.txt"), "..........");
    int fd = openRw("w.txt");
    ByteBuffer src = direct(3).put(0, b("abc"));
    assertThat(run(s -> s.write(fd, src, 4))).isEqualTo(3);
    assertThat(run(s -> s.close(fd))).isZero();
    assertThat(Files.readString(dir.resolve("w.txt"))).isEqualTo("....abc...");
  }

  @Test
  void readvAndWritev_scatterAndGather() throws Exception {
    Files.createFile(dir.resolve("v.txt"));
    int fd = openRw("v.txt");
    ByteBuffer[] out = {direct(3).put(0, b("one")), direct(3).put(0, b("two"))};
    assertThat(run(s -> s.writev(fd, out, 0))).isEqualTo(6);
    assertThat(Files.readString(dir.resolve("v.txt"))).isEqualTo("onetwo");
    ByteBuffer[] in = {direct(2), direct(4)};
    assertThat(run(s -> s.readv(fd, in, 0))).isEqualTo(6);
    assertThat(text(in[0], 2) + "|" + text(in[1], 4)).isEqualTo("on|etwo");
    assertThat(run(s -> s.close(fd))).isZero();
  }

  @Test
  void readFixedAndWriteFixed_useTheRegisteredBuffers() throws Exception {
    FixedBuffers bufs = ring.buffers();
    Files.createFile(dir.resolve("f.bin"));
    int fd = openRw("f.bin");
    ByteBuffer w = bufs.buffer(0);
    for (int i = 0; i < 8192; i++) {
      w.put(i, (byte) i);
    }
    assertThat(run(s -> s.writeFixed(fd, w, 0, 0))).isEqualTo(8192);
    ByteBuffer r = bufs.buffer(1).limit(4096);
    assertThat(run(s -> s.readFixed(fd, r, 1, 4096))).isEqualTo(4096);
    byte[] disk = Files.readAllBytes(dir.resolve("f.bin"));
    assertThat(disk).hasSize(8192);
    for (int i = 0; i < 4096; i++) {
      assertThat(r.get(i)).isEqualTo(disk[4096 + i]);
    }
    assertThat(run(s -> s.close(fd))).isZero();
  }

  @Test
  void close_ofABadDescriptor_givesEbadf() {
    assertThat(run(s -> s.close(1_000_000))).isEqualTo(neg(Errno.EBADF));
  }

  @Test
  void fsync_andDatasync_succeed() throws Exception {
    Files.writeString(dir.resolve("s.txt"), "x");
    int fd = openRw("s.txt");
    assertThat(run(s -> s.fsync(fd, 0))).isZero();
    assertThat(run(s -> s.fsync(fd, IoUring.IORING_FSYNC_DATASYNC))).isZero();
    assertThat(run(s -> s.close(fd))).isZero();
  }

  @Test
  void fallocate_growsTheFile() throws Exception {
    Files.createFile(dir.resolve("a.bin"));
    int fd = openRw("a.bin");
    assertThat(run(s -> s.fallocate(fd, 0, 0, 10_000))).isZero();
    assertThat(Files.size(dir.resolve("a.bin"))).isEqualTo(10_000);
    assertThat(run(s -> s.fallocate(fd, IoUring.FALLOC_FL_KEEP_SIZE, 0, 50_000))).isZero();
    assertThat(Files.size(dir.resolve("a.bin"))).isEqualTo(10_000);
    assertThat(run(s -> s.close(fd))).isZero();
  }

  @Test
  void ftruncate_setsTheSize() throws Exception {
    Files.writeString(dir.resolve("t.txt"), "0123456789");
    int fd = openRw("t.txt");
    assertThat(run(s -> s.ftruncate(fd, 4))).isZero();
    assertThat(Files.readString(dir.resolve("t.txt"))).isEqualTo("0123");
    assertThat(run(s -> s.close(fd))).isZero();
  }

  @Test
  void statx_givesTheSizeAndModeJavaNioSees() throws Exception {
    Path f = dir.resolve("st.txt");
    Files.writeString(f, "twelve bytes");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    ByteBuffer out = direct(UringLayout.Statx.SIZE);
    int r =
        run(
            s ->
                s.statx(
                    dirFd,
                    b("st.txt"),
                    IoUring.AT_SYMLINK_NOFOLLOW,
                    IoUring.STATX_BASIC_STATS,
                    out));
    assertThat(r).isZero();
    assertThat(out.getLong(UringLayout.Statx.SIZE_FIELD)).isEqualTo(Files.size(f));
    int mode = Short.toUnsignedInt(out.getShort(UringLayout.Statx.MODE));
    assertThat(mode & IoUring.S_IFMT).isEqualTo(IoUring.S_IFREG);
    assertThat(mode & 0777).isEqualTo(0644);
    assertThat(out.getLong(UringLayout.Statx.INO))
        .isEqualTo(((Number) Files.getAttribute(f, "unix:ino")).longValue());
  }

  @Test
  void mkdirat_makesADirectory_andUnlinkatRemovesIt() {
    assertThat(run(s -> s.mkdirat(dirFd, b("d"), 0750))).isZero();
    assertThat(dir.resolve("d")).isDirectory();
    assertThat(run(s -> s.mkdirat(dirFd, b("d"), 0750))).isEqualTo(neg(Errno.EEXIST));
    assertThat(run(s -> s.unlinkat(dirFd, b("d"), 0))).isEqualTo(neg(Errno.EISDIR));
    assertThat(run(s -> s.unlinkat(dirFd, b("d"), IoUring.AT_REMOVEDIR))).isZero();
    assertThat(dir.resolve("d")).doesNotExist();
  }

  @Test
  void unlinkat_removesAFile() throws Exception {
    Files.writeString(dir.resolve("u.txt"), "u");
    assertThat(run(s -> s.unlinkat(dirFd, b("u.txt"), 0))).isZero();
    assertThat(dir.resolve("u.txt")).doesNotExist();
  }

  @Test
  void renameat_movesTheEntry() throws Exception {
    Files.writeString(dir.resolve("from.txt"), "moved");
    Files.createDirectory(dir.resolve("sub"));
    assertThat(run(s -> s.renameat(dirFd, b("from.txt"), dirFd, b("sub/to.txt"), 0))).isZero();
    assertThat(dir.resolve("from.txt")).doesNotExist();
    assertThat(Files.readString(dir.resolve("sub/to.txt"))).isEqualTo("moved");
  }

  @Test
  void symlinkat_makesALinkWithTheTarget() throws Exception {
    assertThat(run(s -> s.symlinkat(b("some/target"), dirFd, b("ln")))).isZero();
    assertThat(Files.isSymbolicLink(dir.resolve("ln"))).isTrue();
    assertThat(Files.readSymbolicLink(dir.resolve("ln"))).isEqualTo(Path.of("some/target"));
  }

  @Test
  void linkat_makesASecondName() throws Exception {
    Files.writeString(dir.resolve("orig.txt"), "same inode");
    assertThat(run(s -> s.linkat(dirFd, b("orig.txt"), dirFd, b("hard.txt"), 0))).isZero();
    assertThat(Files.isSameFile(dir.resolve("orig.txt"), dir.resolve("hard.txt"))).isTrue();
    assertThat(Files.getAttribute(dir.resolve("orig.txt"), "unix:nlink", LinkOption.NOFOLLOW_LINKS))
        .isEqualTo(2);
  }

  @Test
  void asyncCancel_ofAnUnknownUserData_givesEnoent() {
    assertThat(run(s -> s.cancel(0x7777_0000_0001L))).isEqualTo(neg(Errno.ENOENT));
  }

  @Test
  void linkTimeout_cancelsAReadThatNeverCompletes() {
    int[] p = new int[2];
    assertThat(NAT.pipe2(p, IoUring.O_CLOEXEC)).isZero();
    try {
      ByteBuffer buf = direct(8);
      OpFuture[] fs =
          ring.submitAll(s -> s.read(p[0], buf, -1).link(), s -> s.linkTimeout(2_000_000L));
      assertThat(ring.await(fs[0])).isEqualTo(neg(Errno.ECANCELED));
      assertThat(ring.await(fs[1])).isEqualTo(-62); // -ETIME: the timeout fired
    } finally {
      Fixtures.close(p[0]);
      Fixtures.close(p[1]);
    }
  }

  @Test
  void directDescriptors_openIntoASlot_readWithFixedFile_closeTheSlot() throws Exception {
    Files.writeString(dir.resolve("dd.txt"), "direct");
    int slot = ring.files().allocate();
    assertThat(run(s -> s.openat2(dirFd, b("dd.txt"), IoUring.O_RDONLY, 0, 0).fileIndex(slot)))
        .isZero();
    ByteBuffer buf = direct(16);
    assertThat(run(s -> s.read(slot, buf, 0).fixedFile())).isEqualTo(6);
    assertThat(text(buf, 6)).isEqualTo("direct");
    assertThat(run(s -> s.closeDirect(slot))).isZero();
    assertThat(run(s -> s.read(slot, buf, 0).fixedFile())).isEqualTo(neg(Errno.EBADF));
    ring.files().free(slot);
  }

  @Test
  void directDescriptors_fileIndexAlloc_picksASlotOfTheUpperHalf() throws Exception {
    Files.writeString(dir.resolve("alloc.txt"), "a");
    int slot = run(s -> s.openat2(dirFd, b("alloc.txt"), IoUring.O_RDONLY, 0, 0).fileIndexAlloc());
    assertThat(slot).isBetween(ring.files().allocRangeStart(), ring.files().size() - 1);
    assertThat(run(s -> s.closeDirect(slot))).isZero();
  }

  @Test
  void directDescriptors_refuseOCloexec() {
    int slot = ring.files().allocate();
    assertThat(
            run(
                s ->
                    s.openat2(dirFd, b("x"), IoUring.O_RDONLY | IoUring.O_CLOEXEC, 0, 0)
                        .fileIndex(slot)))
        .isEqualTo(neg(Errno.EINVAL));
    ring.files().free(slot);
  }

  @Nested
  @DisplayName("OPENAT2 beneath a root directory descriptor")
  class Confinement {
    private static final long BENEATH = IoUring.RESOLVE_BENEATH | IoUring.RESOLVE_NO_MAGICLINKS;
    private static final long STRICT = BENEATH | IoUring.RESOLVE_NO_SYMLINKS;

    private int open(int fromFd, String path, long resolve) {
      int r =
          run(s -> s.openat2(fromFd, b(path), IoUring.O_RDONLY | IoUring.O_CLOEXEC, 0, resolve));
      if (r >= 0) {
        run(s -> s.close(r));
      }
      return r;
    }

    @Test
    void dotDot_outOfTheRoot_isRefusedWithExdev() throws Exception {
      Files.createDirectory(dir.resolve("root"));
      Files.writeString(dir.resolve("secret.txt"), "outside");
      int root = Fixtures.dirFd(dir.resolve("root"));
      try {
        assertThat(open(root, "../secret.txt", BENEATH)).isEqualTo(neg(Errno.EXDEV));
        assertThat(open(root, "/etc/hostname", BENEATH)).isEqualTo(neg(Errno.EXDEV));
        assertThat(open(dirFd, "root/../secret.txt", BENEATH)).isNotNegative();
      } finally {
        Fixtures.close(root);
      }
    }

    @Test
    void absoluteSymlink_isRefused_exdevBeneath_eloopWithNoSymlinks() throws Exception {
      Files.createDirectory(dir.resolve("root"));
      Files.writeString(dir.resolve("secret.txt"), "outside");
      Files.createSymbolicLink(dir.resolve("root/abs"), dir.resolve("secret.txt"));
      Files.writeString(dir.resolve("root/inside.txt"), "inside");
      Files.createSymbolicLink(dir.resolve("root/rel"), Path.of("inside.txt"));
      int root = Fixtures.dirFd(dir.resolve("root"));
      try {
        assertThat(open(root, "abs", BENEATH)).isEqualTo(neg(Errno.EXDEV));
        assertThat(open(root, "abs", STRICT)).isEqualTo(neg(Errno.ELOOP));
        assertThat(open(root, "rel", BENEATH)).isNotNegative();
        assertThat(open(root, "rel", STRICT)).isEqualTo(neg(Errno.ELOOP));
      } finally {
        Fixtures.close(root);
      }
    }

    @Test
    void magicLink_isRefusedWithEloop() throws Exception {
      int proc = Fixtures.dirFd(Path.of("/proc/self"));
      try {
        // fd/N under /proc/self is a magic link to dirFd's directory.
        assertThat(open(proc, "fd/" + dirFd, IoUring.RESOLVE_NO_MAGICLINKS))
            .isEqualTo(neg(Errno.ELOOP));
        assertThat(open(proc, "fd/" + dirFd, BENEATH)).isEqualTo(neg(Errno.ELOOP));
        assertThat(open(proc, "fd/" + dirFd, 0)).isNotNegative(); // the control
      } finally {
        Fixtures.close(proc);
      }
      Files.createDirectory(dir.resolve("root"));
      Files.createSymbolicLink(dir.resolve("root/procfd"), Path.of("/proc/self/fd/" + dirFd));
      int root = Fixtures.dirFd(dir.resolve("root"));
      try {
        assertThat(open(root, "procfd", BENEATH)).isEqualTo(neg(Errno.EXDEV));
      } finally {
        Fixtures.close(root);
      }
    }

    @Test
    void resolveCached_ofANameNeverLookedUp_givesEagain_thenAnswersFromTheDcache()
        throws Exception {
      // A name this process never looked up cannot be in the dcache: the kernel would have to
      // call the filesystem's lookup, which RESOLVE_CACHED forbids, so the ring answers -EAGAIN
      // instead of punting to io-wq. Once an ordinary lookup has run, the answer comes from the
      // dcache: a negative dentry gives ENOENT, a positive one opens the file.
      long cached = BENEATH | IoUring.RESOLVE_CACHED;
      String cold = "never-seen-" + System.nanoTime();
      assertThat(open(dirFd, cold, cached)).isEqualTo(neg(Errno.EAGAIN));
      assertThat(open(dirFd, cold, BENEATH)).isEqualTo(neg(Errno.ENOENT));
      assertThat(open(dirFd, cold, cached)).isEqualTo(neg(Errno.ENOENT));
      Files.writeString(dir.resolve("warm.txt"), "w");
      assertThat(open(dirFd, "warm.txt", BENEATH)).isNotNegative();
      assertThat(open(dirFd, "warm.txt", cached)).isNotNegative();
      // O_CREAT cannot be answered from the cache at all.
      int r =
          run(s -> s.openat2(dirFd, b("c.txt"), IoUring.O_CREAT | IoUring.O_WRONLY, 0600, cached));
      assertThat(r).isEqualTo(neg(Errno.EAGAIN));
    }
  }

  static String text(ByteBuffer buf, int n) {
    byte[] a = new byte[n];
    buf.get(0, a);
    return new String(a, StandardCharsets.UTF_8);
  }
}
