package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Kit tests for {@code Files.walk}, {@code find} and {@code walkFileTree}. */
abstract class WalkConformance extends ConformanceGroup {

  WalkConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  /** Builds root/a/{x, b/{y}} and root/z. */
  private void tree() throws IOException {
    dir("a/b");
    file("a/x", "x");
    file("a/b/y", "y");
    file("z", "z");
  }

  private List<String> relative(List<Path> paths) {
    return paths.stream()
        .map(p -> root().relativize(p).toString().replace(fs().getSeparator(), "/"))
        .collect(Collectors.toList());
  }

  @Test
  void walk_visitsStartAndEveryDescendant() throws IOException {
    tree();

    try (var paths = Files.walk(root())) {
      assertThat(relative(paths.collect(Collectors.toList())))
          .containsExactlyInAnyOrder("", "a", "a/x", "a/b", "a/b/y", "z");
    }
  }

  @Test
  void walk_isDepthFirst_parentsBeforeChildren() throws IOException {
    tree();

    try (var paths = Files.walk(root())) {
      List<String> order = relative(paths.collect(Collectors.toList()));
      assertThat(order.indexOf("a")).isLessThan(order.indexOf("a/b"));
      assertThat(order.indexOf("a/b")).isLessThan(order.indexOf("a/b/y"));
      assertThat(order.get(0)).isEmpty();
    }
  }

  @Test
  void walk_maxDepth_limitsDescent() throws IOException {
    tree();

    try (var paths = Files.walk(root(), 1)) {
      assertThat(relative(paths.collect(Collectors.toList())))
          .containsExactlyInAnyOrder("", "a", "z");
    }
    try (var paths = Files.walk(root(), 0)) {
      assertThat(relative(paths.collect(Collectors.toList()))).containsExactly("");
    }
  }

  @Test
  void walk_regularFile_yieldsJustTheFile() throws IOException {
    Path file = file("f", "");

    try (var paths = Files.walk(file)) {
      assertThat(paths).containsExactly(file);
    }
  }

  @Test
  void walk_missing() {
    Path dir = path("d");

    assertThrowsFor(NoSuchFileException.class, dir, () -> Files.walk(dir));
  }

  @Test
  void find_matchesOnAttributes() throws IOException {
    tree();

    try (var found = Files.find(root(), Integer.MAX_VALUE, (p, a) -> a.isRegularFile())) {
      assertThat(relative(found.collect(Collectors.toList())))
          .containsExactlyInAnyOrder("a/x", "a/b/y", "z");
    }
  }

  @Test
  void find_withPathMatcher() throws IOException {
    tree();
    file("a/b/match.txt", "");
    var matcher = fs().getPathMatcher("glob:**/*.txt");

    try (var found = Files.find(root(), 10, (p, a) -> matcher.matches(p))) {
      assertThat(relative(found.collect(Collectors.toList()))).containsExactly("a/b/match.txt");
    }
  }

  @Test
  void walkFileTree_preAndPostVisitNest() throws IOException {
    tree();
    List<String> events = new ArrayList<>();

    Files.walkFileTree(
        path("a"),
        new SimpleFileVisitor<Path>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            events.add("pre " + dir.getFileName());
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            assertThat(attrs.isRegularFile()).isTrue();
            events.add("file " + file.getFileName());
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException e) {
            assertThat(e).isNull();
            events.add("post " + dir.getFileName());
            return FileVisitResult.CONTINUE;
          }
        });

    assertThat(events).hasSize(6);
    assertThat(events.get(0)).isEqualTo("pre a");
    assertThat(events.get(5)).isEqualTo("post a");
    assertThat(events.indexOf("pre b")).isLessThan(events.indexOf("file y"));
    assertThat(events.indexOf("file y")).isLessThan(events.indexOf("post b"));
    assertThat(events).contains("file x");
  }

  @Test
  void walkFileTree_skipSubtree() throws IOException {
    tree();
    List<String> files = new ArrayList<>();

    Files.walkFileTree(
        root(),
        new SimpleFileVisitor<Path>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return dir.endsWith("b") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            files.add(file.getFileName().toString());
            return FileVisitResult.CONTINUE;
          }
        });

    assertThat(files).containsExactlyInAnyOrder("x", "z");
  }

  @Test
  void walkFileTree_terminate_stopsAtOnce() throws IOException {
    tree();
    List<Path> visited = new ArrayList<>();

    Path start = root();
    Path result =
        Files.walkFileTree(
            start,
            new SimpleFileVisitor<Path>() {
              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                visited.add(file);
                return FileVisitResult.TERMINATE;
              }
            });

    assertThat(result).isEqualTo(start);
    assertThat(visited).hasSize(1);
  }

  @Test
  void walkFileTree_missingStart_reportedToVisitFileFailed() throws IOException {
    Path missing = path("d");
    List<IOException> failures = new ArrayList<>();

    Files.walkFileTree(
        missing,
        new SimpleFileVisitor<Path>() {
          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            failures.add(e);
            return FileVisitResult.CONTINUE;
          }
        });

    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).isInstanceOf(NoSuchFileException.class);
    assertThat(((NoSuchFileException) failures.get(0)).getFile()).isEqualTo(missing.toString());
  }

  @Test
  void walk_doesNotFollowLinksByDefault() throws IOException {
    tree();
    symlink("link", "a");

    try (var paths = Files.walk(root())) {
      assertThat(relative(paths.collect(Collectors.toList())))
          .contains("link")
          .doesNotContain("link/x");
    }
    try (var paths = Files.walk(root(), FileVisitOption.FOLLOW_LINKS)) {
      assertThat(relative(paths.collect(Collectors.toList()))).contains("link/x", "link/b/y");
    }
  }

  @Test
  void walkFileTree_followLinksIntoCycle_reportsLoop() throws IOException {
    dir("a");
    symlink("a/back", "..");
    List<IOException> failures = new ArrayList<>();

    Files.walkFileTree(
        path("a"),
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<Path>() {
          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            failures.add(e);
            return FileVisitResult.CONTINUE;
          }
        });

    assertThat(failures).singleElement().isInstanceOf(FileSystemLoopException.class);
  }
}
