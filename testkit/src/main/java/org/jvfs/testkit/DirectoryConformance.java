package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Kit tests for {@code createDirectory}, {@code createDirectories} and deleting directories. */
abstract class DirectoryConformance extends ConformanceGroup {

  DirectoryConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  @Test
  void createDirectory_returnsPathOfNewEmptyDirectory() throws IOException {
    Path dir = path("d");

    assertThat(Files.createDirectory(dir)).isEqualTo(dir);
    assertThat(Files.isDirectory(dir)).isTrue();
    try (var entries = Files.list(dir)) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void createDirectory_alreadyExists() throws IOException {
    Path dir = dir("d");

    assertThrowsFor(FileAlreadyExistsException.class, dir, () -> Files.createDirectory(dir));
  }

  @Test
  void createDirectory_regularFileInTheWay() throws IOException {
    Path file = file("f", "x");

    assertThrowsFor(FileAlreadyExistsException.class, file, () -> Files.createDirectory(file));
    assertThat(Files.isRegularFile(file)).isTrue();
  }

  @Test
  void createDirectory_parentMissing() {
    Path dir = path("missing/d");

    assertThrowsFor(NoSuchFileException.class, dir, () -> Files.createDirectory(dir));
  }

  @Test
  void createDirectory_parentIsRegularFile() throws IOException {
    file("f", "x");
    Path dir = path("f/d");

    FileSystemException e =
        assertThrowsFor(FileSystemException.class, dir, () -> Files.createDirectory(dir));
    assertThat(e).isNotInstanceOf(NoSuchFileException.class);
  }

  @Test
  void createDirectories_createsEveryMissingAncestor() throws IOException {
    Path deep = path("a/b/c/d");

    assertThat(Files.createDirectories(deep)).isEqualTo(deep);
    assertThat(Files.isDirectory(path("a"))).isTrue();
    assertThat(Files.isDirectory(path("a/b"))).isTrue();
    assertThat(Files.isDirectory(path("a/b/c"))).isTrue();
    assertThat(Files.isDirectory(deep)).isTrue();
  }

  @Test
  void createDirectories_alreadyExists_isNoOp() throws IOException {
    Path dir = dir("a/b");
    file("a/b/keep", "kept");

    assertThat(Files.createDirectories(dir)).isEqualTo(dir);
    assertThat(read(path("a/b/keep"))).isEqualTo("kept");
  }

  @Test
  void createDirectories_regularFileInTheWay() throws IOException {
    Path file = file("f", "x");

    assertThrowsFor(FileAlreadyExistsException.class, file, () -> Files.createDirectories(file));
  }

  @Test
  void createDirectories_ancestorIsRegularFile() throws IOException {
    file("f", "x");
    Path dir = path("f/d");

    FileSystemException e =
        assertThrowsFor(FileSystemException.class, dir, () -> Files.createDirectories(dir));
    assertThat(e).isNotInstanceOf(NoSuchFileException.class);
  }

  @Test
  void createDirectories_throughSymbolicLinkToDirectory() throws IOException {
    dir("real");
    Path link = symlink("link", "real");

    assertThat(Files.createDirectories(link.resolve("x/y"))).isEqualTo(link.resolve("x/y"));
    assertThat(Files.isDirectory(path("real/x/y"))).isTrue();
  }

  @Test
  void delete_emptyDirectory() throws IOException {
    Path dir = dir("d");

    Files.delete(dir);

    assertThat(Files.exists(dir, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void delete_nonEmptyDirectory() throws IOException {
    Path dir = dir("d");
    file("d/f", "x");

    assertThrowsFor(DirectoryNotEmptyException.class, dir, () -> Files.delete(dir));
    assertThat(Files.exists(path("d/f"))).isTrue();
  }

  @Test
  void delete_directoryHoldingOnlyAnEmptyDirectory() throws IOException {
    Path dir = dir("d/e");

    assertThrowsFor(DirectoryNotEmptyException.class, path("d"), () -> Files.delete(path("d")));
    assertThat(Files.isDirectory(dir)).isTrue();
  }

  @Test
  void deleteIfExists_nonEmptyDirectory() throws IOException {
    Path dir = dir("d");
    file("d/f", "x");

    assertThrowsFor(DirectoryNotEmptyException.class, dir, () -> Files.deleteIfExists(dir));
  }

  @Test
  void deleteIfExists_emptyDirectory_returnsTrue() throws IOException {
    Path dir = dir("d");

    assertThat(Files.deleteIfExists(dir)).isTrue();
    assertThat(Files.deleteIfExists(dir)).isFalse();
  }

  @Test
  void delete_directoryThenRecreate_isEmpty() throws IOException {
    Path dir = dir("d");
    file("d/f", "x");
    Files.delete(path("d/f"));
    Files.delete(dir);

    Files.createDirectory(dir);

    try (var entries = Files.list(dir)) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void createTempDirectory_createsPrefixedDirectoryUnderRoot() throws IOException {
    Path temp = Files.createTempDirectory(root(), "pre");

    assertThat(Files.isDirectory(temp)).isTrue();
    assertThat(temp.getParent()).isEqualTo(root());
    assertThat(temp.getFileName().toString()).startsWith("pre");
  }
}
