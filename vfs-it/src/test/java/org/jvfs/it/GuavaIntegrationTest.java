package org.jvfs.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.io.ByteSource;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Guava's {@link MoreFiles}: secure recursive delete, byte and char sources and sinks. */
class GuavaIntegrationTest {

  /** Makes /outside/keep.txt and a tree under /victim with files, subdirectories and links. */
  private static Path makeTree(Path root) throws IOException {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "keep me");
    Path victim = Files.createDirectories(root.resolve("victim"));
    for (int d = 0; d < 5; d++) {
      Path dir = Files.createDirectories(victim.resolve("d" + d).resolve("sub"));
      for (int i = 0; i < 20; i++) {
        Files.writeString(dir.resolve("f" + i), "file " + d + "/" + i);
      }
    }
    // Links into the tree and out of it: a secure delete removes the links, not their targets.
    Files.createSymbolicLink(victim.resolve("to-outside"), outside);
    Files.createSymbolicLink(victim.resolve("d0/to-keep"), outside.resolve("keep.txt"));
    Files.createSymbolicLink(victim.resolve("d1/loop"), victim);
    return victim;
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void deleteRecursively_takesSecurePath_andKeepsLinkTargets(boolean caching) throws IOException {
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path root = f.fs.getPath("/");
      Path victim = makeTree(root);
      // Guava takes the secure path exactly when the parent's stream is a SecureDirectoryStream.
      try (DirectoryStream<Path> parent = Files.newDirectoryStream(victim.getParent())) {
        assertThat(parent).isInstanceOf(SecureDirectoryStream.class);
      }

      // Default options: no ALLOW_INSECURE, so an insecure path would throw
      // InsecureRecursiveDeleteException instead of deleting anything.
      MoreFiles.deleteRecursively(victim);

      assertThat(Files.exists(victim, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
      assertThat(Files.readString(root.resolve("outside/keep.txt"))).isEqualTo("keep me");
      try (var names = Files.list(root)) {
        assertThat(names.map(p -> p.getFileName().toString())).containsExactly("outside");
      }
    }
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void deleteDirectoryContents_securePath_emptiesButKeepsDirectory(boolean caching)
      throws IOException {
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path victim = makeTree(f.fs.getPath("/"));
      MoreFiles.deleteDirectoryContents(victim);
      assertThat(Files.isDirectory(victim)).isTrue();
      assertThat(MoreFiles.listFiles(victim)).isEmpty();
      assertThat(Files.readString(f.fs.getPath("/outside/keep.txt"))).isEqualTo("keep me");
    }
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void deleteRecursively_onALink_deletesOnlyTheLink(boolean caching) throws IOException {
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path root = f.fs.getPath("/");
      makeTree(root);
      Path link = root.resolve("victim/to-outside");
      MoreFiles.deleteRecursively(link, RecursiveDeleteOption.ALLOW_INSECURE);
      assertThat(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
      assertThat(Files.isDirectory(root.resolve("outside"))).isTrue();
      assertThat(Files.isDirectory(root.resolve("victim/d4/sub"))).isTrue();
    }
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void byteAndCharSourcesAndSinks_roundTrip(boolean caching) throws IOException {
    byte[] data = new byte[300_000];
    new Random(7).nextBytes(data);
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path bin = f.fs.getPath("/data.bin");
      MoreFiles.asByteSink(bin).write(data);
      ByteSource source = MoreFiles.asByteSource(bin);
      assertThat(source.size()).isEqualTo(data.length);
      assertThat(source.sizeIfKnown().isPresent()).isTrue();
      assertThat(source.read()).isEqualTo(data);
      assertThat(source.slice(1000, 10).read())
          .isEqualTo(java.util.Arrays.copyOfRange(data, 1000, 1010));
      assertThat(source.contentEquals(ByteSource.wrap(data))).isTrue();
      assertThat(source.hash(com.google.common.hash.Hashing.sha256()))
          .isEqualTo(com.google.common.hash.Hashing.sha256().hashBytes(data));

      // A copy from one jvfs source to another sink, then an append.
      Path copy = f.fs.getPath("/copy.bin");
      source.copyTo(MoreFiles.asByteSink(copy));
      MoreFiles.asByteSink(copy, java.nio.file.StandardOpenOption.APPEND)
          .write(new byte[] {1, 2, 3});
      assertThat(Files.size(copy)).isEqualTo(data.length + 3L);

      Path text = f.fs.getPath("/lines.txt");
      MoreFiles.asCharSink(text, UTF_8).writeLines(List.of("alpha", "béta", "gamma"));
      MoreFiles.asCharSink(text, UTF_8, java.nio.file.StandardOpenOption.APPEND).write("delta\n");
      assertThat(MoreFiles.asCharSource(text, UTF_8).readLines())
          .containsExactly("alpha", "béta", "gamma", "delta");
      assertThat(Files.readAllLines(text)).containsExactly("alpha", "béta", "gamma", "delta");
      assertThat(MoreFiles.getFileExtension(text)).isEqualTo("txt");
      assertThat(ImmutableList.copyOf(MoreFiles.fileTraverser().breadthFirst(f.fs.getPath("/"))))
          .hasSize(4);
    }
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void touchAndEqual(boolean caching) throws IOException {
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path a = f.fs.getPath("/a");
      MoreFiles.touch(a);
      assertThat(Files.size(a)).isZero();
      Files.writeString(a, "same");
      Path b = Files.writeString(f.fs.getPath("/b"), "same");
      assertThat(MoreFiles.equal(a, b)).isTrue();
      Files.writeString(b, "diff");
      assertThat(MoreFiles.equal(a, b)).isFalse();
      MoreFiles.createParentDirectories(f.fs.getPath("/x/y/z.txt"));
      assertThat(Files.isDirectory(f.fs.getPath("/x/y"))).isTrue();
    }
  }
}
