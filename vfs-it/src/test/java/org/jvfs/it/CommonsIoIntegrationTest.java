package org.jvfs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.io.file.Counters;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commons IO's {@link PathUtils} copying and comparing between jvfs and the default provider. */
class CommonsIoIntegrationTest {

  @TempDir Path tmp;

  /** Fills {@code root} with 3 levels of directories, 40 files of various sizes, one empty dir. */
  private static void fill(Path root) throws IOException {
    Random random = new Random(3);
    for (int i = 0; i < 40; i++) {
      Path dir = root.resolve("l" + (i % 3)).resolve("m" + (i % 5));
      Files.createDirectories(dir);
      byte[] data = new byte[random.nextInt(20_000)];
      random.nextBytes(data);
      Files.write(dir.resolve("file" + i + ".bin"), data);
    }
    Files.createDirectories(root.resolve("empty"));
    Files.writeString(root.resolve("top.txt"), "top level");
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void copyDirectory_defaultToJvfsAndBack_contentEqual(boolean caching) throws IOException {
    Path source = Files.createDirectory(tmp.resolve("source"));
    fill(source);
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path inJvfs = f.fs.getPath("/imported");
      Counters.PathCounters copied =
          PathUtils.copyDirectory(source, inJvfs, StandardCopyOption.REPLACE_EXISTING);
      assertThat(copied.getFileCounter().get()).isEqualTo(41);
      assertThat(Files.readString(inJvfs.resolve("top.txt"))).isEqualTo("top level");
      assertThat(Files.isDirectory(inJvfs.resolve("empty"))).isTrue();

      assertThat(PathUtils.directoryAndFileContentEquals(source, inJvfs)).isTrue();
      assertThat(PathUtils.directoryAndFileContentEquals(inJvfs, source)).isTrue();
      assertThat(
              PathUtils.fileContentEquals(
                  source.resolve("l1/m2/file7.bin"), inJvfs.resolve("l1/m2/file7.bin")))
          .isTrue();

      Counters.PathCounters counted = PathUtils.countDirectory(inJvfs);
      assertThat(counted.getFileCounter().get()).isEqualTo(41);
      assertThat(counted.getByteCounter().get())
          .isEqualTo(PathUtils.countDirectory(source).getByteCounter().get());

      // A change on the jvfs side is seen as a difference, in a file and in the tree.
      Files.write(inJvfs.resolve("l1/m2/file7.bin"), new byte[] {1, 2, 3});
      assertThat(
              PathUtils.fileContentEquals(
                  source.resolve("l1/m2/file7.bin"), inJvfs.resolve("l1/m2/file7.bin")))
          .isFalse();
      assertThat(PathUtils.directoryAndFileContentEquals(source, inJvfs)).isFalse();

      // And back: jvfs to a fresh directory of the default file system.
      Path back = tmp.resolve("back");
      PathUtils.copyDirectory(inJvfs, back);
      assertThat(PathUtils.directoryAndFileContentEquals(inJvfs, back)).isTrue();
      assertThat(Files.readAllBytes(back.resolve("l1/m2/file7.bin"))).containsExactly(1, 2, 3);
      assertThat(Files.readString(back.resolve("top.txt"))).isEqualTo("top level");
    }
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void copyDirectory_jvfsToJvfs_thenCleanAndDelete(boolean caching) throws IOException {
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path a = f.fs.getPath("/a");
      Files.createDirectory(a);
      fill(a);
      Path b = f.fs.getPath("/b");
      PathUtils.copyDirectory(a, b);
      assertThat(PathUtils.directoryAndFileContentEquals(a, b)).isTrue();
      assertThat(PathUtils.directoryContentEquals(a, b)).isTrue();

      Counters.PathCounters cleaned = PathUtils.cleanDirectory(b);
      assertThat(cleaned.getFileCounter().get()).isEqualTo(41);
      // Cleaning deletes the files and keeps the directories, as on the default provider.
      try (Stream<Path> left = Files.walk(b)) {
        assertThat(left.filter(p -> !Files.isDirectory(p)).toList()).isEmpty();
      }
      try (Stream<Path> dirs = Files.walk(b)) {
        assertThat(dirs.count()).isEqualTo(1 + 3 + 15 + 1); // b, l0..l2, their m*, empty
      }
      assertThat(PathUtils.isEmptyDirectory(b.resolve("empty"))).isTrue();
      assertThat(PathUtils.isEmptyDirectory(b)).isFalse();

      PathUtils.deleteDirectory(a);
      assertThat(Files.exists(a)).isFalse();
      try (var names = Files.list(f.fs.getPath("/"))) {
        assertThat(names.map(Path::toString).toList()).isEqualTo(List.of("/b"));
      }
    }
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void copyFileToDirectory_andReadLines(boolean caching) throws IOException {
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path src = Files.writeString(tmp.resolve("lines.txt"), "one\ntwo\nthree\n");
      Path dir = Files.createDirectory(f.fs.getPath("/dir"));
      Path copied = PathUtils.copyFileToDirectory(src, dir);
      assertThat(copied.toString()).isEqualTo("/dir/lines.txt");
      assertThat(PathUtils.readString(copied, java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("one\ntwo\nthree\n");
      assertThat(PathUtils.fileContentEquals(src, copied)).isTrue();
    }
  }
}
