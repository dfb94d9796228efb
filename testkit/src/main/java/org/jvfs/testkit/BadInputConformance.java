package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Kit tests for invalid names and for operations whose parent directory is missing. */
abstract class BadInputConformance extends ConformanceGroup {

  BadInputConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  @Test
  void getPath_withNul_rejected() {
    assertThatThrownBy(() -> fs().getPath("a\0b")).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> root().resolve("x\0")).isInstanceOf(InvalidPathException.class);
  }

  @Test
  void nameOf255Bytes_accepted() throws IOException {
    Path file = path("n".repeat(255));

    Files.createFile(file);

    assertThat(Files.exists(file)).isTrue();
  }

  @Test
  void nameOf256Bytes_rejected() {
    Path file = path("n".repeat(256));

    FileSystemException e =
        assertThrowsFor(FileSystemException.class, file, () -> Files.createFile(file));
    assertThat(e).isNotInstanceOf(NoSuchFileException.class);
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void overLongName_inDirectoryCreation_rejected() {
    Path dir = path("d".repeat(256));

    assertThrowsFor(FileSystemException.class, dir, () -> Files.createDirectory(dir));
  }

  @Test
  void nameOf256Bytes_countsBytesNotChars() {
    // 128 two-byte characters: 128 chars but 256 UTF-8 bytes.
    Path file = path("é".repeat(128));

    assertThrowsFor(FileSystemException.class, file, () -> Files.createFile(file));
  }

  @Test
  void missingParent_write() {
    Path file = path("missing/f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.write(file, bytes("x")));
  }

  @Test
  void missingParent_newOutputStream() {
    Path file = path("missing/f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.newOutputStream(file));
  }

  @Test
  void missingParent_newBufferedWriter() {
    Path file = path("missing/f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.newBufferedWriter(file));
  }

  @Test
  void missingParent_createTempFile() {
    Path dir = path("missing");

    Throwable thrown = catchThrowable(() -> Files.createTempFile(dir, "pre", null));

    assertThat(thrown).isInstanceOf(NoSuchFileException.class);
    assertThat(((NoSuchFileException) thrown).getFile()).startsWith(dir.resolve("pre").toString());
  }

  @Test
  void missingParent_readAndList() {
    Path file = path("missing/f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.readString(file));
    assertThrowsFor(NoSuchFileException.class, file, () -> Files.list(file));
  }

  @Test
  void emptyName_resolvesToParent() {
    assertThat(root().resolve("")).isEqualTo(root());
    assertThat(Files.isDirectory(root().resolve(""))).isTrue();
  }

  @Test
  void unicodeNames_roundTripThroughListing() throws IOException {
    String name = "名前-ñ-\uD83D\uDE00";
    file(name, "unicode");

    try (var entries = Files.list(root())) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(name);
    }
    assertThat(read(path(name))).isEqualTo("unicode");
  }

  @Test
  void namesDifferingInCase_areDistinct() throws IOException {
    file("name", "lower");
    file("NAME", "upper");

    assertThat(read(path("name"))).isEqualTo("lower");
    assertThat(read(path("NAME"))).isEqualTo("upper");
  }
}
