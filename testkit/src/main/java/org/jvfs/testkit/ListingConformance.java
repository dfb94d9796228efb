package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Kit tests for {@code Files.list} and {@code newDirectoryStream}. */
abstract class ListingConformance extends ConformanceGroup {

  ListingConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  private static List<String> names(Stream<Path> paths) {
    return paths.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
  }

  private static List<String> names(DirectoryStream<Path> stream) {
    List<String> names = new ArrayList<>();
    for (Path p : stream) {
      names.add(p.getFileName().toString());
    }
    names.sort(null);
    return names;
  }

  @Test
  void list_emptyDirectory_isEmpty() throws IOException {
    try (var entries = Files.list(root())) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void list_returnsDirectChildrenOnly() throws IOException {
    file("a", "");
    file("b", "");
    dir("sub/deeper");
    file("sub/c", "");

    try (var entries = Files.list(root())) {
      assertThat(names(entries)).containsExactly("a", "b", "sub");
    }
  }

  @Test
  void list_entriesAreResolvedAgainstTheDirectory() throws IOException {
    Path dir = dir("d");
    file("d/f", "");

    try (var entries = Files.list(dir)) {
      assertThat(entries).containsExactly(dir.resolve("f"));
    }
  }

  @Test
  void list_includesDotFilesButNotDotEntries() throws IOException {
    file(".hidden", "");
    file("visible", "");

    try (var entries = Files.list(root())) {
      assertThat(names(entries)).containsExactly(".hidden", "visible");
    }
  }

  @Test
  void list_manyEntries_allReturnedOnce() throws IOException {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String name = String.format("file-%03d", i);
      file(name, "");
      expected.add(name);
    }

    try (var entries = Files.list(root())) {
      assertThat(names(entries)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void list_afterDeletingAndAdding_reflectsChanges() throws IOException {
    file("old", "");
    Files.delete(path("old"));
    file("new", "");

    try (var entries = Files.list(root())) {
      assertThat(names(entries)).containsExactly("new");
    }
  }

  @Test
  void list_regularFile() throws IOException {
    Path file = file("f", "");

    assertThrowsFor(NotDirectoryException.class, file, () -> Files.list(file));
  }

  @Test
  void list_missing() {
    Path dir = path("d");

    assertThrowsFor(NoSuchFileException.class, dir, () -> Files.list(dir));
  }

  @Test
  void newDirectoryStream_regularFile() throws IOException {
    Path file = file("f", "");

    assertThrowsFor(NotDirectoryException.class, file, () -> Files.newDirectoryStream(file));
  }

  @Test
  void newDirectoryStream_missing() {
    Path dir = path("d");

    assertThrowsFor(NoSuchFileException.class, dir, () -> Files.newDirectoryStream(dir));
  }

  @Test
  void newDirectoryStream_globFilter() throws IOException {
    file("a.txt", "");
    file("b.txt", "");
    file("c.log", "");
    dir("d.txt");

    try (var stream = Files.newDirectoryStream(root(), "*.txt")) {
      assertThat(names(stream)).containsExactly("a.txt", "b.txt", "d.txt");
    }
  }

  @Test
  void newDirectoryStream_globAlternativesAndClasses() throws IOException {
    file("a1", "");
    file("b2", "");
    file("c3", "");
    file("a22", "");

    try (var stream = Files.newDirectoryStream(root(), "{a,c}?")) {
      assertThat(names(stream)).containsExactly("a1", "c3");
    }
    try (var stream = Files.newDirectoryStream(root(), "[ab]*")) {
      assertThat(names(stream)).containsExactly("a1", "a22", "b2");
    }
  }

  @Test
  void newDirectoryStream_customFilter() throws IOException {
    file("small", "x");
    file("large", "xxxxxxxxxx");

    try (var stream = Files.newDirectoryStream(root(), p -> Files.size(p) > 5)) {
      assertThat(names(stream)).containsExactly("large");
    }
  }

  @Test
  void newDirectoryStream_iteratorTwice_rejected() throws IOException {
    try (var stream = Files.newDirectoryStream(root())) {
      stream.iterator();
      assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void newDirectoryStream_afterClose_iteratorRejected() throws IOException {
    var stream = Files.newDirectoryStream(root());
    stream.close();

    assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
  }
}
