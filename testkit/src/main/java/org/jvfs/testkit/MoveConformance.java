package org.jvfs.testkit;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
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

/** Kit tests for {@code Files.move}. */
abstract class MoveConformance extends ConformanceGroup {

  MoveConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  @Test
  void move_renamesFileInSameDirectory() throws IOException {
    Path source = file("source", "content");
    Path target = path("target");

    assertThat(Files.move(source, target)).isEqualTo(target);

    assertThat(Files.exists(source)).isFalse();
    assertThat(read(target)).isEqualTo("content");
  }

  @Test
  void move_fileIntoOtherDirectory() throws IOException {
    Path source = file("source", "content");
    dir("d");

    Files.move(source, path("d/moved"));

    assertThat(read(path("d/moved"))).isEqualTo("content");
    assertThat(Files.exists(source)).isFalse();
  }

  @Test
  void move_directoryWithContents() throws IOException {
    dir("a/b");
    file("a/b/f", "deep");

    Files.move(path("a"), path("c"));

    assertThat(read(path("c/b/f"))).isEqualTo("deep");
    assertThat(Files.exists(path("a"))).isFalse();
  }

  @Test
  void move_keepsLastModifiedTime() throws IOException {
    Path source = file("source", "x");
    Files.setLastModifiedTime(source, PAST);

    Files.move(source, path("target"));

    assertThat(Files.getLastModifiedTime(path("target"))).isEqualTo(PAST);
  }

  @Test
  void move_targetExists() throws IOException {
    Path source = file("source", "new");
    Path target = file("target", "old");

    assertThrowsFor(FileAlreadyExistsException.class, target, () -> Files.move(source, target));
    assertThat(read(source)).isEqualTo("new");
    assertThat(read(target)).isEqualTo("old");
  }

  @Test
  void move_replaceExisting_overwritesFile() throws IOException {
    Path source = file("source", "new");
    Path target = file("target", "old");

    Files.move(source, target, REPLACE_EXISTING);

    assertThat(read(target)).isEqualTo("new");
    assertThat(Files.exists(source)).isFalse();
  }

  @Test
  void move_replaceExisting_emptyDirectoryTarget() throws IOException {
    Path source = dir("source");
    file("source/f", "x");
    Path target = dir("target");

    Files.move(source, target, REPLACE_EXISTING);

    assertThat(read(path("target/f"))).isEqualTo("x");
  }

  @Test
  void move_replaceExisting_nonEmptyDirectoryTarget() throws IOException {
    Path source = file("source", "x");
    Path target = dir("target");
    file("target/inside", "");

    assertThrowsFor(
        DirectoryNotEmptyException.class,
        target,
        () -> Files.move(source, target, REPLACE_EXISTING));
    assertThat(Files.exists(source)).isTrue();
  }

  @Test
  void move_missingSource() {
    Path source = path("source");

    assertThrowsFor(NoSuchFileException.class, source, () -> Files.move(source, path("target")));
  }

  @Test
  void move_targetParentMissing_namesSourceAndTarget() throws IOException {
    Path source = file("source", "x");
    Path target = path("missing/target");

    // rename(2) fails with ENOENT and the JDK reports the pair: the file is the source.
    assertThrowsFor(NoSuchFileException.class, source, target, () -> Files.move(source, target));
    assertThat(Files.exists(source)).isTrue();
  }

  @Test
  void move_sameFile_isNoOp() throws IOException {
    Path file = file("f", "content");

    assertThat(Files.move(file, file)).isEqualTo(file);
    Files.move(file, path("./f"), REPLACE_EXISTING);

    assertThat(read(file)).isEqualTo("content");
  }

  @Test
  void move_directoryIntoItsOwnSubtree() throws IOException {
    Path source = dir("a/b");
    Path target = path("a/b/c");

    assertThrowsFor(FileSystemException.class, source, target, () -> Files.move(source, target));
    assertThat(Files.isDirectory(source)).isTrue();
    assertThat(Files.exists(target)).isFalse();
  }

  @Test
  void move_atomic_renamesFile() throws IOException {
    assume(Feature.ATOMIC_MOVE);
    Path source = file("source", "atomic");
    dir("d");

    Files.move(source, path("d/target"), ATOMIC_MOVE);

    assertThat(read(path("d/target"))).isEqualTo("atomic");
    assertThat(Files.exists(source)).isFalse();
  }

  @Test
  void move_atomic_missingSource() {
    assume(Feature.ATOMIC_MOVE);
    Path source = path("source");

    assertThrowsFor(
        NoSuchFileException.class, source, () -> Files.move(source, path("target"), ATOMIC_MOVE));
  }

  @Test
  void move_symbolicLink_movesTheLinkItself() throws IOException {
    file("real", "x");
    Path link = symlink("link", "real");
    Path moved = path("moved");

    Files.move(link, moved);

    assertThat(Files.isSymbolicLink(moved)).isTrue();
    assertThat(Files.readSymbolicLink(moved)).isEqualTo(fs().getPath("real"));
    assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(read(path("real"))).isEqualTo("x");
  }

  @Test
  void move_openFile_keepsStreamReadingOldContent() throws IOException {
    Path source = file("source", "open");

    try (var in = Files.newInputStream(source)) {
      Files.move(source, path("target"));
      assertThat(in.readAllBytes()).isEqualTo(bytes("open"));
    }
  }
}
