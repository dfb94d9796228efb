package org.jvfs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Files.walk}, {@code Files.find} and {@code walkFileTree} over a 10,000-entry tree. */
class WalkIntegrationTest {

  /**
   * Builds 10,000 entries under {@code root}: 10 directories d0..d9, each with 9 files t0..t8 and
   * 10 subdirectories s0..s9, each of those with 98 files f0..f97 holding their own path.
   */
  private static void build(Path root) throws IOException {
    for (int d = 0; d < 10; d++) {
      Path top = Files.createDirectories(root.resolve("d" + d));
      for (int t = 0; t < 9; t++) {
        Files.writeString(top.resolve("t" + t + ".txt"), "t");
      }
      for (int s = 0; s < 10; s++) {
        Path sub = Files.createDirectory(top.resolve("s" + s));
        for (int i = 0; i < 98; i++) {
          Path file = sub.resolve("f" + i + ".dat");
          Files.writeString(file, file.toString());
        }
      }
    }
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void walkAndFind_tenThousandEntries(boolean caching) throws IOException {
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path root = Files.createDirectory(f.fs.getPath("/tree"));
      build(root);

      Set<String> all;
      try (Stream<Path> walk = Files.walk(root)) {
        all = walk.map(Path::toString).collect(Collectors.toSet());
      }
      assertThat(all).hasSize(10_001); // the root and 10,000 entries, each once
      assertThat(all)
          .contains(
              "/tree",
              "/tree/d0",
              "/tree/d9/t8.txt",
              "/tree/d3/s7",
              "/tree/d3/s7/f0.dat",
              "/tree/d9/s9/f97.dat",
              "/tree/d5/s0/f42.dat");
      assertThat(all).doesNotContain("/tree/d10", "/tree/d0/s0/f98.dat");

      try (Stream<Path> dirs = Files.walk(root).filter(Files::isDirectory)) {
        assertThat(dirs.count()).isEqualTo(111);
      }
      try (Stream<Path> shallow = Files.walk(root, 2)) {
        assertThat(shallow.count()).isEqualTo(1 + 10 + 10 * (9 + 10));
      }

      List<Path> found;
      try (Stream<Path> s =
          Files.find(
              root,
              Integer.MAX_VALUE,
              (p, a) -> a.isRegularFile() && p.getFileName().toString().equals("f42.dat"))) {
        found = s.sorted().toList();
      }
      assertThat(found).hasSize(100);
      assertThat(found.get(0).toString()).isEqualTo("/tree/d0/s0/f42.dat");
      assertThat(found.get(99).toString()).isEqualTo("/tree/d9/s9/f42.dat");
      assertThat(Files.readString(found.get(57))).isEqualTo(found.get(57).toString());

      try (Stream<Path> s =
          Files.find(root, Integer.MAX_VALUE, (p, a) -> a.isRegularFile() && a.size() == 1)) {
        assertThat(s.count()).isEqualTo(90); // the t*.txt files
      }

      AtomicInteger files = new AtomicInteger();
      AtomicInteger dirsVisited = new AtomicInteger();
      AtomicLong bytes = new AtomicLong();
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              dirsVisited.incrementAndGet();
              return dir.getFileName().toString().equals("d7")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              files.incrementAndGet();
              bytes.addAndGet(attrs.size());
              return FileVisitResult.CONTINUE;
            }
          });
      assertThat(dirsVisited.get()).isEqualTo(1 + 10 + 9 * 10);
      assertThat(files.get()).isEqualTo(9 * (9 + 980));
      long expectedBytes = 0;
      for (int d = 0; d < 10; d++) {
        if (d == 7) {
          continue;
        }
        expectedBytes += 9;
        for (int s = 0; s < 10; s++) {
          for (int i = 0; i < 98; i++) {
            expectedBytes += ("/tree/d" + d + "/s" + s + "/f" + i + ".dat").length();
          }
        }
      }
      assertThat(bytes.get()).isEqualTo(expectedBytes);
    }
  }
}
