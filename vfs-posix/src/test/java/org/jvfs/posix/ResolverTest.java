package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;

/** {@link Resolver} in both modes: directories below the root, never through a link or up. */
class ResolverTest {
  private final PosixNative nat = PosixNative.get();
  private final Path base = TempRoot.create("posix-resolver");
  private Path root;
  private int rootFd;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectory(base.resolve("root"));
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("a/file"), "x");
    Files.createDirectory(base.resolve("outside"));
    Files.createSymbolicLink(root.resolve("a/link"), Path.of("b"));
    Files.createSymbolicLink(root.resolve("out"), base.resolve("outside"));
    rootFd =
        nat.openat(
            Linux.AT_FDCWD,
            root.toString().getBytes(StandardCharsets.UTF_8),
            Linux.O_PATH | Linux.O_DIRECTORY | Linux.O_CLOEXEC,
            0);
    assertThat(rootFd).isNotNegative();
  }

  @AfterEach
  void tearDown() {
    nat.close(rootFd);
    TempRoot.delete(base);
  }

  private static byte[] p(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Resolver resolver(ResolveMode mode) throws BackendException {
    return new Resolver(rootFd, Resolver.choose(rootFd, mode));
  }

  private static void assertErrno(ThrowingCall call, Errno... expected) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            BackendException.class, e -> assertThat(e.errno()).isIn((Object[]) expected));
  }

  @FunctionalInterface
  interface ThrowingCall {
    void run() throws Exception;
  }

  @ParameterizedTest
  @EnumSource(ResolveMode.class)
  void choose_keepsTheRequestedMode(ResolveMode mode) throws Exception {
    assertThat(resolver(mode).mode()).isEqualTo(mode);
  }

  @ParameterizedTest
  @EnumSource(ResolveMode.class)
  void openDirectory_nested(ResolveMode mode) throws Exception {
    int fd = resolver(mode).openDirectory(p("a/b"));
    try {
      byte[] buf = new byte[4096];
      int n = nat.readlinkat(Linux.AT_FDCWD, p("/proc/self/fd/" + fd), buf);
      assertThat(new String(buf, 0, n, StandardCharsets.UTF_8))
          .isEqualTo(root.toRealPath() + "/a/b");
    } finally {
      nat.close(fd);
    }
  }

  @ParameterizedTest
  @EnumSource(ResolveMode.class)
  void openDirectory_refusesLinksFilesAndMissing(ResolveMode mode) throws Exception {
    Resolver r = resolver(mode);
    assertErrno(() -> r.openDirectory(p("a/link")), Errno.ELOOP, Errno.ENOTDIR);
    assertErrno(() -> r.openDirectory(p("out")), Errno.ELOOP, Errno.ENOTDIR, Errno.EXDEV);
    assertErrno(() -> r.openDirectory(p("a/file")), Errno.ENOTDIR);
    assertErrno(() -> r.openDirectory(p("a/none")), Errno.ENOENT);
  }

  @ParameterizedTest
  @EnumSource(ResolveMode.class)
  void openDirectory_refusesDotDot(ResolveMode mode) throws Exception {
    Resolver r = resolver(mode);
    assertErrno(() -> r.openDirectory(p("a/../..")), Errno.EXDEV, Errno.EINVAL);
    assertErrno(() -> r.openDirectory(p("..")), Errno.EXDEV, Errno.EINVAL);
  }

  @ParameterizedTest
  @EnumSource(ResolveMode.class)
  void openName_neverFollowsAFinalLink(ResolveMode mode) throws Exception {
    Resolver r = resolver(mode);
    int a = r.openDirectory(p("a"));
    try {
      int fd = r.openName(a, p("file"), Linux.O_RDONLY, 0);
      assertThat(fd).isNotNegative();
      nat.close(fd);
      assertThat(r.openName(a, p("link"), Linux.O_RDONLY, 0)).isEqualTo(-Errno.ELOOP.code());
      assertThat(r.openName(a, p("none"), Linux.O_RDONLY, 0)).isEqualTo(-Linux.ENOENT);
    } finally {
      nat.close(a);
    }
  }

  @ParameterizedTest
  @EnumSource(ResolveMode.class)
  void cachedResolution_onlyUnderOpenat2(ResolveMode mode) throws Exception {
    // The kernels this runs on have RESOLVE_CACHED (5.12); the walk never probes.
    assertThat(resolver(mode).cachedResolution()).isEqualTo(mode == ResolveMode.OPENAT2);
  }

  @org.junit.jupiter.api.Test
  void openPath_cachedOnly_opensWhatTheCachesHold() throws Exception {
    Resolver r = resolver(ResolveMode.OPENAT2);
    int fd = r.openPath(p("a"), p("file"), Linux.O_RDONLY, 0, true);
    assertThat(fd).as("a just-created file is in the dcache, or EAGAIN").isNotEqualTo(-1);
    if (fd >= 0) {
      nat.close(fd);
    }
    assertThat(r.openPath(p("a"), p("link"), Linux.O_RDONLY, 0, true))
        .isIn(-Errno.ELOOP.code(), -Linux.EAGAIN);
  }
}
