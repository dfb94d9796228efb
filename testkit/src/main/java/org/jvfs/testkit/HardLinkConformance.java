package org.jvfs.testkit;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kit tests for {@code Files.createLink}. */
abstract class HardLinkConformance extends ConformanceGroup {

  HardLinkConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  @BeforeEach
  void requireHardLinks() {
    assume(Feature.HARD_LINKS);
  }

  @Test
  void createLink_namesTheSameFile() throws IOException {
    Path original = file("original", "shared");
    Path link = path("link");

    assertThat(Files.createLink(link, original)).isEqualTo(link);

    assertThat(Files.isSameFile(original, link)).isTrue();
    assertThat(Files.isSymbolicLink(link)).isFalse();
    Files.writeString(link, "changed");
    assertThat(read(original)).isEqualTo("changed");
  }

  @Test
  void createLink_sharesFileKey() throws IOException {
    assume(Feature.FILE_KEYS);
    Path original = file("original", "x");
    Path link = Files.createLink(path("link"), original);

    Object key = Files.readAttributes(original, BasicFileAttributes.class).fileKey();
    assertThat(key).isNotNull();
    assertThat(Files.readAttributes(link, BasicFileAttributes.class).fileKey()).isEqualTo(key);
  }

  @Test
  void createLink_countsLinksWhereUnixViewExists() throws IOException {
    Assumptions.assumeTrue(
        fs().supportedFileAttributeViews().contains("unix"),
        "skipped: no \"unix\" attribute view for unix:nlink");
    Path original = file("original", "x");
    assertThat(Files.getAttribute(original, "unix:nlink")).isEqualTo(1);

    Path link = Files.createLink(path("link"), original);

    assertThat(Files.getAttribute(original, "unix:nlink")).isEqualTo(2);
    Files.delete(link);
    assertThat(Files.getAttribute(original, "unix:nlink")).isEqualTo(1);
  }

  @Test
  void delete_oneName_keepsTheOther() throws IOException {
    Path original = file("original", "survives");
    Path link = Files.createLink(path("link"), original);

    Files.delete(original);

    assertThat(read(link)).isEqualTo("survives");
  }

  @Test
  void createLink_alreadyExists() throws IOException {
    Path original = file("original", "x");
    Path existing = file("existing", "y");

    assertThrowsFor(
        FileAlreadyExistsException.class, existing, () -> Files.createLink(existing, original));
  }

  @Test
  void createLink_missingExisting_namesTheLink() {
    Path link = path("link");
    Path missing = path("missing");

    // link(2) fails with ENOENT; the JDK reports the new link as the file, the target as other.
    assertThrowsFor(
        NoSuchFileException.class, link, missing, () -> Files.createLink(link, missing));
  }

  @Test
  void createLink_toDirectory_refused() throws IOException {
    Path dir = dir("d");
    Path link = path("link");

    assertThrowsFor(FileSystemException.class, link, dir, () -> Files.createLink(link, dir));
    assertThat(Files.exists(link)).isFalse();
  }

  @Test
  void move_ontoAnotherNameOfSameFile_isNoOp() throws IOException {
    Path original = file("original", "x");
    Path link = Files.createLink(path("link"), original);

    Files.move(original, link, REPLACE_EXISTING);

    // rename(2) between two names of one file does nothing; the JDK keeps both names too.
    assertThat(Files.exists(original)).isTrue();
    assertThat(Files.exists(link)).isTrue();
  }
}
