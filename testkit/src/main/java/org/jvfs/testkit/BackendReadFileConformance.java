package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.Capability;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Node;

/**
 * The {@code ReadFile} group of {@link BackendConformanceKit}: whole-file reads, {@link
 * Backend#readFile} as the backend implements it and {@link Backend#readFileByOpen}, the composed
 * default, which must agree.
 */
abstract class BackendReadFileConformance extends BackendConformanceGroup {
  private static final long NO_LIMIT = Integer.MAX_VALUE - 8;

  BackendReadFileConformance(BackendConformanceKit kit) {
    super(kit);
  }

  private byte[] readFile(Node dir, String name) throws Exception {
    return await(backend().readFile(dir, n(name), NO_LIMIT));
  }

  private byte[] readFileByOpen(Node dir, String name) throws Exception {
    return await(Backend.readFileByOpen(backend(), dir, n(name), NO_LIMIT));
  }

  private void writeFile(Node dir, String name, byte[] content) throws Exception {
    Opened o = await(backend().open(dir, n(name), CREATE_RW, null));
    try {
      writeFully(o.file(), content, 0);
    } finally {
      await(o.file().close());
    }
  }

  @Test
  @DisplayName("a file reads whole")
  void content() throws Exception {
    file(root(), "f", "hello world");
    assertThat(new String(readFile(root(), "f"), UTF_8)).isEqualTo("hello world");
    assertThat(new String(readFileByOpen(root(), "f"), UTF_8)).isEqualTo("hello world");
  }

  @Test
  @DisplayName("a file in a subdirectory reads whole")
  void inSubdirectory() throws Exception {
    Node d = mkdir(root(), "d").node();
    file(d, "f", "sub");
    assertThat(new String(readFile(d, "f"), UTF_8)).isEqualTo("sub");
  }

  @Test
  @DisplayName("an empty file reads as no bytes")
  void empty() throws Exception {
    file(root(), "f", "");
    assertThat(readFile(root(), "f")).isEmpty();
    assertThat(readFileByOpen(root(), "f")).isEmpty();
  }

  @Test
  @DisplayName("a file over 1 MiB reads whole, byte for byte")
  void large() throws Exception {
    byte[] content = new byte[(1 << 20) + 300_001];
    new Random(42).nextBytes(content);
    writeFile(root(), "big", content);
    assertThat(readFile(root(), "big")).isEqualTo(content);
    assertThat(readFileByOpen(root(), "big")).isEqualTo(content);
  }

  @Test
  @DisplayName("a file longer than the limit fails with EFBIG")
  void overLimit() throws Exception {
    file(root(), "f", "0123456789");
    assertErrno(backend().readFile(root(), n("f"), 4), Errno.EFBIG);
    assertErrno(Backend.readFileByOpen(backend(), root(), n("f"), 4), Errno.EFBIG);
    assertThat(await(backend().readFile(root(), n("f"), 10))).hasSize(10);
  }

  @Test
  @DisplayName("a directory fails with EISDIR")
  void directory() throws Exception {
    mkdir(root(), "d");
    assertErrno(backend().readFile(root(), n("d"), NO_LIMIT), Errno.EISDIR);
    assertErrno(Backend.readFileByOpen(backend(), root(), n("d"), NO_LIMIT), Errno.EISDIR);
  }

  @Test
  @DisplayName("an absent name fails with ENOENT")
  void absent() throws Exception {
    assertErrno(backend().readFile(root(), n("nope"), NO_LIMIT), Errno.ENOENT);
    assertErrno(Backend.readFileByOpen(backend(), root(), n("nope"), NO_LIMIT), Errno.ENOENT);
  }

  @Test
  @DisplayName("a symbolic link is not followed: ELOOP")
  void symlink() throws Exception {
    requires(Capability.SYMBOLIC_LINKS);
    file(root(), "target", "t");
    await(backend().createSymlink(root(), n("l"), "target"));
    assertErrno(backend().readFile(root(), n("l"), NO_LIMIT), Errno.ELOOP);
    assertErrno(Backend.readFileByOpen(backend(), root(), n("l"), NO_LIMIT), Errno.ELOOP);
  }

  @Test
  @DisplayName("a file read whole reads again after a rewrite, with the new content")
  void rewritten() throws Exception {
    file(root(), "f", "first");
    assertThat(new String(readFile(root(), "f"), UTF_8)).isEqualTo("first");
    writeFile(root(), "f", "second, longer".getBytes(UTF_8));
    assertThat(new String(readFile(root(), "f"), UTF_8)).isEqualTo("second, longer");
  }
}
