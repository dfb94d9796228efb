package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Kit tests for {@code createFile}, {@code createTempFile} and deleting regular files. */
abstract class RegularFileConformance extends ConformanceGroup {

  RegularFileConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  @Test
  void createFile_createsEmptyRegularFile() throws IOException {
    Path file = path("f");

    assertThat(Files.createFile(file)).isEqualTo(file);
    assertThat(Files.isRegularFile(file)).isTrue();
    assertThat(Files.size(file)).isZero();
  }

  @Test
  void createFile_alreadyExists() throws IOException {
    Path file = file("f", "kept");

    assertThrowsFor(FileAlreadyExistsException.class, file, () -> Files.createFile(file));
    assertThat(read(file)).isEqualTo("kept");
  }

  @Test
  void createFile_directoryInTheWay() throws IOException {
    Path dir = dir("d");

    assertThrowsFor(FileAlreadyExistsException.class, dir, () -> Files.createFile(dir));
  }

  @Test
  void createFile_parentMissing() {
    Path file = path("missing/f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.createFile(file));
  }

  @Test
  void createFile_parentIsRegularFile() throws IOException {
    file("f", "x");
    Path file = path("f/g");

    FileSystemException e =
        assertThrowsFor(FileSystemException.class, file, () -> Files.createFile(file));
    assertThat(e).isNotInstanceOf(NoSuchFileException.class);
  }

  @Test
  void delete_regularFile() throws IOException {
    Path file = file("f", "x");

    Files.delete(file);

    assertThat(Files.exists(file, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void delete_missing() {
    Path file = path("f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.delete(file));
  }

  @Test
  void delete_parentMissing() {
    Path file = path("missing/f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.delete(file));
  }

  @Test
  void deleteIfExists_missing_returnsFalse() throws IOException {
    assertThat(Files.deleteIfExists(path("f"))).isFalse();
    assertThat(Files.deleteIfExists(path("missing/f"))).isFalse();
  }

  @Test
  void deleteIfExists_regularFile_returnsTrue() throws IOException {
    Path file = file("f", "x");

    assertThat(Files.deleteIfExists(file)).isTrue();
    assertThat(Files.notExists(file)).isTrue();
  }

  @Test
  void deleteIfExists_parentIsRegularFile() throws IOException {
    file("f", "x");
    Path file = path("f/g");

    // Only "no such file" counts as absent; ENOTDIR is an error even for deleteIfExists.
    FileSystemException e =
        assertThrowsFor(FileSystemException.class, file, () -> Files.deleteIfExists(file));
    assertThat(e).isNotInstanceOf(NoSuchFileException.class);
  }

  @Test
  void delete_openFile_keepsOpenStreamReadable() throws IOException {
    Path file = file("f", "still here");

    try (var in = Files.newInputStream(file)) {
      Files.delete(file);
      assertThat(Files.exists(file)).isFalse();
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("still here");
    }
  }

  @Test
  void createTempFile_createsPrefixedSuffixedEmptyFile() throws IOException {
    Path temp = Files.createTempFile(root(), "pre", ".suf");

    assertThat(Files.isRegularFile(temp)).isTrue();
    assertThat(Files.size(temp)).isZero();
    assertThat(temp.getParent()).isEqualTo(root());
    assertThat(temp.getFileName().toString()).startsWith("pre").endsWith(".suf");
  }

  @Test
  void createTempFile_twice_givesDistinctFiles() throws IOException {
    Path first = Files.createTempFile(root(), "t", null);
    Path second = Files.createTempFile(root(), "t", null);

    assertThat(first).isNotEqualTo(second);
    assertThat(first.getFileName().toString()).endsWith(".tmp");
  }
}
