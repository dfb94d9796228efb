package org.jvfs.posix.ffi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Errno;

/**
 * {@link PosixNative}: each wrapper on a temporary directory, its success value, and -errno on
 * failure.
 */
class PosixNativeTest {
  private final PosixNative nat = PosixNative.get();
  private Path dir;
  private int dirFd;

  @BeforeEach
  void setUp() throws Exception {
    dir = Files.createTempDirectory("posix-native");
    dirFd = nat.openat(Linux.AT_FDCWD, b(dir.toString()), Linux.O_PATH | Linux.O_DIRECTORY, 0);
    assertThat(dirFd).isNotNegative();
  }

  @AfterEach
  void tearDown() throws Exception {
    nat.close(dirFd);
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int neg(Errno e) {
    return -e.code();
  }

  private int create(String name, String content) throws Exception {
    Files.writeString(dir.resolve(name), content);
    int fd = nat.openat(dirFd, b(name), Linux.O_RDWR, 0);
    assertThat(fd).isNotNegative();
    return fd;
  }

  @Test
  void openat_and_openat2() {
    assertThat(nat.openat(dirFd, b("none"), Linux.O_RDONLY, 0)).isEqualTo(neg(Errno.ENOENT));
    int fd = nat.openat(dirFd, b("f"), Linux.O_RDWR | Linux.O_CREAT | Linux.O_EXCL, 0600);
    assertThat(fd).isNotNegative();
    assertThat(nat.close(fd)).isZero();
    assertThat(nat.openat(dirFd, b("f"), Linux.O_RDWR | Linux.O_CREAT | Linux.O_EXCL, 0600))
        .isEqualTo(neg(Errno.EEXIST));
    int two = nat.openat2(dirFd, b("f"), Linux.O_RDONLY, 0, Linux.RESOLVE_BENEATH);
    if (two == -Linux.ENOSYS) {
      return; // a kernel before 5.6
    }
    assertThat(two).isNotNegative();
    nat.close(two);
    assertThat(nat.openat2(dirFd, b("../x"), Linux.O_RDONLY, 0, Linux.RESOLVE_BENEATH))
        .isEqualTo(neg(Errno.EXDEV));
    assertThat(nat.openat(dirFd, b("a\0b"), Linux.O_RDONLY, 0))
        .as("a NUL inside a path")
        .isNegative();
  }

  @Test
  void close_badDescriptor_isEbadf() {
    assertThat(nat.close(-1)).isEqualTo(neg(Errno.EBADF));
  }

  @Test
  void statx_reportsTypeAndSize() throws Exception {
    nat.close(create("f", "hello"));
    Statx s = new Statx();
    assertThat(nat.statx(dirFd, b("f"), Linux.AT_SYMLINK_NOFOLLOW, Linux.STATX_BASIC_STATS, s))
        .isZero();
    assertThat(s.type()).isEqualTo(Linux.S_IFREG);
    assertThat(s.size).isEqualTo(5);
    assertThat(s.nlink).isEqualTo(1);
    assertThat(nat.statx(dirFd, b("none"), 0, Linux.STATX_BASIC_STATS, s))
        .isEqualTo(neg(Errno.ENOENT));
  }

  @Test
  void mkdirat_unlinkat() {
    assertThat(nat.mkdirat(dirFd, b("d"), 0755)).isZero();
    assertThat(nat.mkdirat(dirFd, b("d"), 0755)).isEqualTo(neg(Errno.EEXIST));
    assertThat(nat.unlinkat(dirFd, b("d"), 0)).isEqualTo(neg(Errno.EISDIR));
    assertThat(nat.unlinkat(dirFd, b("d"), Linux.AT_REMOVEDIR)).isZero();
    assertThat(nat.unlinkat(dirFd, b("d"), Linux.AT_REMOVEDIR)).isEqualTo(neg(Errno.ENOENT));
  }

  @Test
  void symlinkat_readlinkat() {
    assertThat(nat.symlinkat(b("target/x"), dirFd, b("l"))).isZero();
    byte[] buf = new byte[Linux.PATH_MAX];
    int n = nat.readlinkat(dirFd, b("l"), buf);
    assertThat(new String(buf, 0, n, StandardCharsets.UTF_8)).isEqualTo("target/x");
    assertThat(nat.symlinkat(b("t"), dirFd, b("l"))).isEqualTo(neg(Errno.EEXIST));
    assertThat(nat.readlinkat(dirFd, b("none"), buf)).isEqualTo(neg(Errno.ENOENT));
  }

  @Test
  void renameat2_noReplaceAndExchange() throws Exception {
    nat.close(create("a", "A"));
    nat.close(create("b", "B"));
    assertThat(nat.renameat2(dirFd, b("a"), dirFd, b("b"), Linux.RENAME_NOREPLACE))
        .isEqualTo(neg(Errno.EEXIST));
    assertThat(nat.renameat2(dirFd, b("a"), dirFd, b("b"), Linux.RENAME_EXCHANGE)).isZero();
    assertThat(Files.readString(dir.resolve("a"))).isEqualTo("B");
    assertThat(nat.renameat2(dirFd, b("a"), dirFd, b("c"), 0)).isZero();
    assertThat(nat.renameat2(dirFd, b("a"), dirFd, b("c"), 0)).isEqualTo(neg(Errno.ENOENT));
  }

  @Test
  void linkat() throws Exception {
    nat.close(create("a", "A"));
    assertThat(nat.linkat(dirFd, b("a"), dirFd, b("h"), 0)).isZero();
    assertThat(Files.readString(dir.resolve("h"))).isEqualTo("A");
    assertThat(nat.linkat(dirFd, b("a"), dirFd, b("h"), 0)).isEqualTo(neg(Errno.EEXIST));
  }

  @Test
  void fchmodat_utimensat() throws Exception {
    nat.close(create("a", "A"));
    assertThat(nat.fchmodat(dirFd, b("a"), 0640, 0)).isZero();
    assertThat(Files.getPosixFilePermissions(dir.resolve("a")))
        .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    int r = nat.fchmodat2(dirFd, b("a"), 0600, Linux.AT_SYMLINK_NOFOLLOW);
    assertThat(r == 0 || r == -Linux.ENOSYS).as("fchmodat2: 0 or ENOSYS, was %s", r).isTrue();
    assertThat(nat.utimensat(dirFd, b("a"), 0, Linux.UTIME_OMIT, 1000, 0, 0)).isZero();
    assertThat(Files.getLastModifiedTime(dir.resolve("a")))
        .isEqualTo(FileTime.fromMillis(1_000_000));
    assertThat(nat.fchmodat(dirFd, b("none"), 0600, 0)).isEqualTo(neg(Errno.ENOENT));
  }

  @Test
  void preadPwriteTruncateSync() throws Exception {
    int fd = create("f", "");
    try {
      assertThat(nat.pwrite(fd, ByteBuffer.wrap(b("hello world")), 0)).isEqualTo(11);
      ByteBuffer direct = ByteBuffer.allocateDirect(5);
      assertThat(nat.pread(fd, direct, 6)).isEqualTo(5);
      direct.flip();
      byte[] got = new byte[5];
      direct.get(got);
      assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo("world");
      assertThat(nat.pread(fd, ByteBuffer.allocate(4), 100)).as("past the end").isZero();
      assertThat(nat.ftruncate(fd, 5)).isZero();
      assertThat(nat.fsync(fd)).isZero();
      assertThat(nat.fdatasync(fd)).isZero();
      assertThat(Files.readString(dir.resolve("f"))).isEqualTo("hello");
      assertThat(nat.ftruncate(fd, -1)).isEqualTo(neg(Errno.EINVAL));
    } finally {
      nat.close(fd);
    }
    assertThat(nat.pread(fd, ByteBuffer.allocate(1), 0)).isEqualTo(neg(Errno.EBADF));
  }

  @Test
  void openat2_ofADirectoryAndAName_composesThePath() throws Exception {
    Files.createDirectories(dir.resolve("a/b"));
    Files.writeString(dir.resolve("a/b/f"), "x");
    int fd = nat.openat2(dirFd, b("a/b"), b("f"), Linux.O_RDONLY, 0, Linux.RESOLVE_BENEATH);
    if (fd == -Linux.ENOSYS) {
      return; // a kernel before 5.6
    }
    assertThat(fd).isNotNegative();
    nat.close(fd);
    fd = nat.openat2(dirFd, new byte[0], b("a"), Linux.O_RDONLY, 0, Linux.RESOLVE_BENEATH);
    assertThat(fd).as("an empty directory path: the name alone").isNotNegative();
    nat.close(fd);
    assertThat(nat.openat2(dirFd, b("a"), b("none"), Linux.O_RDONLY, 0, Linux.RESOLVE_BENEATH))
        .isEqualTo(neg(Errno.ENOENT));
    assertThat(nat.openat2(dirFd, b("a\0"), b("f"), Linux.O_RDONLY, 0, 0))
        .isEqualTo(neg(Errno.EINVAL));
    assertThat(nat.openat2(dirFd, b("a"), b("f\0"), Linux.O_RDONLY, 0, 0))
        .isEqualTo(neg(Errno.EINVAL));
    byte[] half = new byte[Linux.PATH_MAX / 2];
    java.util.Arrays.fill(half, (byte) 'x');
    assertThat(nat.openat2(dirFd, half, half, Linux.O_RDONLY, 0, 0))
        .isEqualTo(neg(Errno.ENAMETOOLONG));
  }

  @Test
  void preadPeek_tellsWhetherMoreFollows() throws Exception {
    int fd = create("f", "hello");
    try {
      byte[] buf = new byte[5];
      assertThat(nat.preadPeek(fd, buf, 0, 5, 0, 0)).as("asked 6, the file has 5").isEqualTo(5);
      assertThat(new String(buf, StandardCharsets.UTF_8)).isEqualTo("hello");
      byte[] small = new byte[6];
      assertThat(nat.preadPeek(fd, small, 1, 3, 0, 0)).as("more than the room").isEqualTo(4);
      assertThat(new String(small, 1, 3, StandardCharsets.UTF_8)).isEqualTo("hel");
      assertThat(small[4]).as("nothing stored past the room").isZero();
      assertThat(nat.preadPeek(fd, buf, 0, 5, 5, 0)).as("at the end").isZero();
      long nowait = nat.preadPeek(fd, buf, 0, 2, 3, Linux.RWF_NOWAIT);
      assertThat(nowait == 2 || nowait == -Linux.EAGAIN || nowait == -Linux.EOPNOTSUPP)
          .as("RWF_NOWAIT: the bytes, or a refusal; was %s", nowait)
          .isTrue();
      assertThatThrownBy(() -> nat.preadPeek(fd, buf, 3, 5, 0, 0))
          .isInstanceOf(IndexOutOfBoundsException.class);
      assertThat(PosixNative.peekRequest(5)).isEqualTo(6);
      assertThat(PosixNative.peekRequest(Integer.MAX_VALUE)).isEqualTo(256 * 1024);
    } finally {
      nat.close(fd);
    }
    assertThat(nat.preadPeek(fd, new byte[1], 0, 1, 0, 0)).isEqualTo(neg(Errno.EBADF));
  }

  @Test
  void getdents64_listsEntries() throws Exception {
    nat.close(create("f", ""));
    Files.createDirectory(dir.resolve("d"));
    int fd = nat.openat(dirFd, b("."), Linux.O_RDONLY | Linux.O_DIRECTORY, 0);
    List<String> names = new ArrayList<>();
    try {
      byte[] buf = new byte[8192];
      long n;
      while ((n = nat.getdents64(fd, buf)) > 0) {
        Dirent64.forEach(
            buf,
            (int) n,
            (bb, off, len, type) ->
                names.add(new String(bb, off, len, StandardCharsets.UTF_8) + ":" + type));
      }
      assertThat(n).isZero();
    } finally {
      nat.close(fd);
    }
    assertThat(names)
        .contains(
            "f:" + Linux.DT_REG, "d:" + Linux.DT_DIR, ".:" + Linux.DT_DIR, "..:" + Linux.DT_DIR);
  }

  @Test
  void fstatfs_reportsSizes() {
    long[] f = new long[5];
    assertThat(nat.fstatfs(dirFd, f)).isZero();
    assertThat(f[0]).as("block size").isPositive();
    assertThat(f[1]).as("blocks").isPositive();
    assertThat(nat.fstatfs(-1, f)).isEqualTo(neg(Errno.EBADF));
  }

  @Test
  void inotify_addWatchReadAndRemove() throws Exception {
    int in = nat.inotifyInit1(Linux.IN_NONBLOCK | Linux.IN_CLOEXEC);
    assertThat(in).isNotNegative();
    try {
      int wd = nat.inotifyAddWatch(in, b(dir.toString()), Linux.IN_CREATE);
      assertThat(wd).isNotNegative();
      byte[] buf = new byte[4096];
      assertThat(nat.read(in, buf)).as("nothing yet").isEqualTo(-Linux.EAGAIN);
      Files.createFile(dir.resolve("new"));
      assertThat(nat.pollIn(in, 5000)).isPositive();
      assertThat(nat.read(in, buf)).isGreaterThanOrEqualTo(16);
      assertThat(nat.inotifyRmWatch(in, wd)).isZero();
      assertThat(nat.inotifyAddWatch(in, b(dir + "/none"), Linux.IN_CREATE))
          .isEqualTo(neg(Errno.ENOENT));
    } finally {
      nat.close(in);
    }
  }

  private void mkfifo(String name) throws Exception {
    Process p = new ProcessBuilder("mkfifo", dir.resolve(name).toString()).start();
    assertThat(p.waitFor()).as("mkfifo").isZero();
  }

  @Test
  void readWriteAndPoll_ofAFifo() throws Exception {
    mkfifo("p");
    int r = nat.openat(dirFd, b("p"), Linux.O_RDONLY | Linux.O_NONBLOCK, 0);
    assertThat(r).as("a read end opens at once with O_NONBLOCK").isNotNegative();
    int w = nat.openat(dirFd, b("p"), Linux.O_WRONLY | Linux.O_NONBLOCK, 0);
    try {
      assertThat(w).isNotNegative();
      int[] fds = {r, w};
      short[] events = {Linux.POLLIN, Linux.POLLOUT};
      short[] revents = new short[2];
      assertThat(nat.poll(fds, events, revents, 2, 0)).as("only the write end").isEqualTo(1);
      assertThat(revents[0]).isZero();
      assertThat(revents[1] & Linux.POLLOUT).isNotZero();
      assertThat(nat.read(r, ByteBuffer.allocate(4))).isEqualTo(-Linux.EAGAIN);
      assertThat(nat.write(w, ByteBuffer.wrap(b("abc")))).isEqualTo(3);
      assertThat(nat.poll(fds, events, revents, 1, 5000)).isEqualTo(1);
      assertThat(revents[0] & Linux.POLLIN).isNotZero();
      ByteBuffer got = ByteBuffer.allocateDirect(8);
      assertThat(nat.read(r, got)).isEqualTo(3);
      assertThat(got.position()).isEqualTo(3);
      nat.close(w);
      w = -1;
      assertThat(nat.poll(fds, events, revents, 1, 5000)).isEqualTo(1);
      assertThat(revents[0] & Linux.POLLHUP).as("the writer left").isNotZero();
      assertThat(nat.read(r, ByteBuffer.allocate(4))).as("end of file").isZero();
      assertThat(nat.pread(r, ByteBuffer.allocate(4), 0)).isEqualTo(neg(Errno.ESPIPE));
      assertThat(nat.openat(dirFd, b("p"), Linux.O_WRONLY | Linux.O_NONBLOCK, 0))
          .isNotNegative()
          .satisfies(nat::close);
    } finally {
      nat.close(r);
      if (w >= 0) {
        nat.close(w);
      }
    }
    assertThat(nat.openat(dirFd, b("p"), Linux.O_WRONLY | Linux.O_NONBLOCK, 0))
        .as("no reader")
        .isEqualTo(neg(Errno.ENXIO));
  }

  @Test
  void eventfd_wakesAPoll() {
    int e = nat.eventfd(0, Linux.EFD_NONBLOCK | Linux.EFD_CLOEXEC);
    assertThat(e).isNotNegative();
    try {
      int[] fds = {e};
      short[] events = {Linux.POLLIN};
      short[] revents = new short[1];
      assertThat(nat.poll(fds, events, revents, 1, 0)).isZero();
      ByteBuffer one = ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder());
      one.putLong(0, 1);
      assertThat(nat.write(e, one)).isEqualTo(8);
      assertThat(nat.poll(fds, events, revents, 1, 5000)).isEqualTo(1);
      assertThat(nat.read(e, new byte[8])).isEqualTo(8);
      assertThat(nat.read(e, new byte[8])).isEqualTo(-Linux.EAGAIN);
    } finally {
      nat.close(e);
    }
  }

  @Test
  void fcntl_takesAndGivesUpALease() throws Exception {
    nat.close(create("f", "x"));
    int fd = nat.openat(dirFd, b("f"), Linux.O_RDONLY, 0);
    try {
      assertThat(nat.fcntl(fd, Linux.F_GETFL, 0) & Linux.O_NONBLOCK).isZero();
      org.junit.jupiter.api.Assumptions.assumeTrue(
          nat.fcntl(fd, Linux.F_SETLEASE, Linux.F_WRLCK) == 0, "F_SETLEASE is refused here");
      assertThat(nat.fcntl(fd, Linux.F_SETOWN, 0)).as("no SIGIO on a break").isZero();
      assertThat(nat.fcntl(fd, Linux.F_GETLEASE, 0)).isEqualTo(Linux.F_WRLCK);
      assertThat(nat.openat(dirFd, b("f"), Linux.O_RDONLY | Linux.O_NONBLOCK, 0))
          .as("an open that would break the lease")
          .isEqualTo(-Linux.EAGAIN);
      assertThat(nat.fcntl(fd, Linux.F_SETLEASE, Linux.F_UNLCK)).isZero();
      assertThat(nat.fcntl(-1, Linux.F_GETLEASE, 0)).isEqualTo(neg(Errno.EBADF));
    } finally {
      nat.close(fd);
    }
  }

  @Test
  void posixFadvise_dropsPagesOfARange() throws Exception {
    int fd = create("f", "x".repeat(64 * 1024));
    try {
      assertThat(nat.fsync(fd)).isZero();
      assertThat(nat.posixFadvise(fd, 32 * 1024, 0, Linux.POSIX_FADV_DONTNEED)).isZero();
      assertThat(nat.posixFadvise(-1, 0, 0, Linux.POSIX_FADV_DONTNEED)).isEqualTo(neg(Errno.EBADF));
    } finally {
      nat.close(fd);
    }
  }

  @Test
  void getrlimitSetrlimit_ofTheDescriptorLimit() {
    long[] lim = new long[2];
    assertThat(nat.getrlimit(Linux.RLIMIT_NOFILE, lim)).isZero();
    assertThat(lim[0]).isPositive().isLessThanOrEqualTo(lim[1] < 0 ? Long.MAX_VALUE : lim[1]);
    assertThat(nat.setrlimit(Linux.RLIMIT_NOFILE, lim[0], lim[1])).isZero();
    assertThat(nat.setrlimit(Linux.RLIMIT_NOFILE, 2, 1)).isEqualTo(neg(Errno.EINVAL));
  }

  @Test
  void syscallTrace_recordsTheTracedThreadsCallsWithTheirFlags() throws Exception {
    nat.close(create("f", "x"));
    List<SyscallTrace.Call> calls;
    try (SyscallTrace trace = SyscallTrace.start(Thread.currentThread())) {
      assertThatThrownBy(() -> SyscallTrace.start(Thread.currentThread()))
          .isInstanceOf(IllegalStateException.class);
      int fd = nat.openat2(dirFd, b("f"), Linux.O_RDONLY, 0, Linux.RESOLVE_CACHED);
      nat.statx(fd, new byte[0], Linux.AT_EMPTY_PATH, Linux.STATX_SIZE, new Statx());
      Thread other = new Thread(() -> nat.close(nat.openat(dirFd, b("f"), Linux.O_RDONLY, 0)));
      other.start();
      other.join();
      nat.close(fd);
      calls = trace.calls();
    }
    assertThat(calls)
        .as("only this thread's calls")
        .containsExactly(
            new SyscallTrace.Call("openat2", Linux.O_RDONLY, Linux.RESOLVE_CACHED),
            new SyscallTrace.Call("statx", Linux.AT_EMPTY_PATH, Linux.STATX_SIZE),
            new SyscallTrace.Call("close", 0, 0));
    try (SyscallTrace again = SyscallTrace.start(Thread.currentThread())) {
      assertThat(again.calls()).isEmpty();
    }
  }
}
