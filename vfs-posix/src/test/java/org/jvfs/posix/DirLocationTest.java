package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;

/** {@link DirLocation}: a descriptor is at its path until its directory (or the root) moves. */
class DirLocationTest {
  private final PosixNative nat = PosixNative.get();
  private final Path base = TempRoot.create("posix-location");

  @AfterEach
  void delete() {
    TempRoot.delete(base);
  }

  private int open(Path p) {
    int fd =
        nat.openat(
            Linux.AT_FDCWD,
            p.toString().getBytes(StandardCharsets.UTF_8),
            Linux.O_PATH | Linux.O_DIRECTORY | Linux.O_CLOEXEC,
            0);
    assertThat(fd).isNotNegative();
    return fd;
  }

  private static byte[] p(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void movedDirectory_isNoLongerAtItsPath() throws Exception {
    Path root = Files.createDirectory(base.resolve("root"));
    Files.createDirectories(root.resolve("a/b"));
    int rootFd = open(root);
    int b = open(root.resolve("a/b"));
    try {
      DirLocation loc = new DirLocation(rootFd);
      assertThat(loc.isAt(b, p("a/b"))).isTrue();
      assertThat(loc.isAt(b, p("a"))).isFalse();
      assertThat(loc.isAt(b, p("a/b/c"))).isFalse();
      assertThat(loc.isAt(b, p("a/bb"))).isFalse();
      Files.move(root.resolve("a/b"), root.resolve("c"));
      assertThat(loc.isAt(b, p("a/b"))).as("renamed inside").isFalse();
      assertThat(loc.isAt(b, p("c"))).isTrue();
      Files.move(root.resolve("c"), base.resolve("c"));
      assertThat(loc.isAt(b, p("c"))).as("moved out").isFalse();
    } finally {
      nat.close(b);
      nat.close(rootFd);
    }
  }

  @Test
  void movedRoot_isFollowed() throws Exception {
    Path root = Files.createDirectory(base.resolve("root"));
    Files.createDirectories(root.resolve("a"));
    int rootFd = open(root);
    int a = open(root.resolve("a"));
    try {
      DirLocation loc = new DirLocation(rootFd);
      Files.move(root, base.resolve("moved"));
      assertThat(loc.isAt(a, p("a"))).as("the root moved with it").isTrue();
    } finally {
      nat.close(a);
      nat.close(rootFd);
    }
  }

  @Test
  void deletedDirectory_isNowhere() throws Exception {
    Path root = Files.createDirectory(base.resolve("root"));
    Files.createDirectories(root.resolve("a"));
    int rootFd = open(root);
    int a = open(root.resolve("a"));
    try {
      DirLocation loc = new DirLocation(rootFd);
      Files.delete(root.resolve("a"));
      assertThat(loc.isAt(a, p("a"))).isFalse();
    } finally {
      nat.close(a);
      nat.close(rootFd);
    }
  }
}
