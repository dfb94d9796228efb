package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardCopyOption.COPY_ATTRIBUTES;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Kit tests for the three {@code Files.copy} methods and their copy options. */
abstract class CopyConformance extends ConformanceGroup {

  CopyConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  @Test
  void copy_regularFile_duplicatesContent() throws IOException {
    Path source = file("source", "content");
    Path target = path("target");

    assertThat(Files.copy(source, target)).isEqualTo(target);

    assertThat(read(target)).isEqualTo("content");
    assertThat(read(source)).isEqualTo("content");
    Files.writeString(target, "changed");
    assertThat(read(source)).isEqualTo("content");
  }

  @Test
  void copy_targetExists() throws IOException {
    Path source = file("source", "new");
    Path target = file("target", "old");

    assertThrowsFor(FileAlreadyExistsException.class, target, () -> Files.copy(source, target));
    assertThat(read(target)).isEqualTo("old");
  }

  @Test
  void copy_replaceExisting_overwritesFile() throws IOException {
    Path source = file("source", "new");
    Path target = file("target", "a much longer old content");

    Files.copy(source, target, REPLACE_EXISTING);

    assertThat(read(target)).isEqualTo("new");
  }

  @Test
  void copy_replaceExisting_emptyDirectoryTarget() throws IOException {
    Path source = file("source", "new");
    Path target = dir("target");

    Files.copy(source, target, REPLACE_EXISTING);

    assertThat(Files.isRegularFile(target)).isTrue();
    assertThat(read(target)).isEqualTo("new");
  }

  @Test
  void copy_replaceExisting_nonEmptyDirectoryTarget() throws IOException {
    Path source = file("source", "new");
    Path target = dir("target");
    file("target/inside", "");

    assertThrowsFor(
        DirectoryNotEmptyException.class,
        target,
        () -> Files.copy(source, target, REPLACE_EXISTING));
    assertThat(Files.exists(path("target/inside"))).isTrue();
  }

  @Test
  void copy_missingSource() {
    Path source = path("source");

    assertThrowsFor(NoSuchFileException.class, source, () -> Files.copy(source, path("target")));
  }

  @Test
  void copy_targetParentMissing() throws IOException {
    Path source = file("source", "x");
    Path target = path("missing/target");

    assertThrowsFor(NoSuchFileException.class, target, () -> Files.copy(source, target));
  }

  @Test
  void copy_sameFile_isNoOp() throws IOException {
    Path file = file("f", "content");

    Files.copy(file, file);
    Files.copy(file, path("./f"), REPLACE_EXISTING);

    assertThat(read(file)).isEqualTo("content");
  }

  @Test
  void copy_directory_createsEmptyDirectory() throws IOException {
    Path source = dir("source");
    file("source/child", "x");
    Path target = path("target");

    Files.copy(source, target);

    assertThat(Files.isDirectory(target)).isTrue();
    try (var entries = Files.list(target)) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void copy_copyAttributes_keepsLastModifiedTime() throws IOException {
    Path source = file("source", "x");
    Files.setLastModifiedTime(source, PAST);

    Files.copy(source, path("kept"), COPY_ATTRIBUTES);
    Files.copy(source, path("fresh"));

    assertThat(Files.getLastModifiedTime(path("kept"))).isEqualTo(PAST);
    assertThat(Files.getLastModifiedTime(path("fresh"))).isNotEqualTo(PAST);
  }

  @Test
  void copy_copyAttributes_keepsPosixPermissions() throws IOException {
    assume(Feature.POSIX_PERMISSIONS);
    Path source = file("source", "x");
    var permissions = PosixFilePermissions.fromString("r-x---r--");
    Files.setPosixFilePermissions(source, permissions);

    Files.copy(source, path("target"), COPY_ATTRIBUTES);

    assertThat(Files.getPosixFilePermissions(path("target"))).isEqualTo(permissions);
  }

  @Test
  void copy_symbolicLink_copiesTargetContentByDefault() throws IOException {
    file("real", "content");
    Path link = symlink("link", "real");
    Path target = path("target");

    Files.copy(link, target);

    assertThat(Files.isSymbolicLink(target)).isFalse();
    assertThat(read(target)).isEqualTo("content");
  }

  @Test
  void copy_symbolicLinkNoFollow_copiesTheLink() throws IOException {
    Path link = symlink("link", "nowhere");
    Path target = path("target");

    Files.copy(link, target, LinkOption.NOFOLLOW_LINKS);

    assertThat(Files.isSymbolicLink(target)).isTrue();
    assertThat(Files.readSymbolicLink(target)).isEqualTo(fs().getPath("nowhere"));
  }

  @Test
  void copy_fromInputStream_writesAllBytes() throws IOException {
    Path target = path("target");

    long copied = Files.copy(new ByteArrayInputStream(bytes("streamed")), target);

    assertThat(copied).isEqualTo(8);
    assertThat(read(target)).isEqualTo("streamed");
  }

  @Test
  void copy_fromInputStream_targetExists() throws IOException {
    Path target = file("target", "old");

    assertThrowsFor(
        FileAlreadyExistsException.class,
        target,
        () -> Files.copy(new ByteArrayInputStream(bytes("new")), target));
    Files.copy(new ByteArrayInputStream(bytes("new")), target, REPLACE_EXISTING);
    assertThat(read(target)).isEqualTo("new");
  }

  @Test
  void copy_toOutputStream_readsWholeFile() throws IOException {
    Path source = file("source", "to a stream");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThat(Files.copy(source, out)).isEqualTo(11);
    assertThat(out.toString(UTF_8)).isEqualTo("to a stream");
  }

  @Test
  void copy_toOutputStream_missingSource() {
    Path source = path("source");

    assertThrowsFor(
        NoSuchFileException.class, source, () -> Files.copy(source, new ByteArrayOutputStream()));
  }
}
