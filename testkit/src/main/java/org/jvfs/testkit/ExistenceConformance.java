package org.jvfs.testkit;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;

/** Kit tests for {@code exists}, {@code notExists} and the type and access checks. */
abstract class ExistenceConformance extends ConformanceGroup {

  ExistenceConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  @Test
  void absentPath_existsFalseNotExistsTrue() {
    Path absent = path("absent");

    assertThat(Files.exists(absent)).isFalse();
    assertThat(Files.notExists(absent)).isTrue();
    assertThat(Files.exists(absent, NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.notExists(absent, NOFOLLOW_LINKS)).isTrue();
  }

  @Test
  void absentPath_allTypeChecksFalse() {
    Path absent = path("absent");

    assertThat(Files.isRegularFile(absent)).isFalse();
    assertThat(Files.isDirectory(absent)).isFalse();
    assertThat(Files.isSymbolicLink(absent)).isFalse();
    assertThat(Files.isReadable(absent)).isFalse();
    assertThat(Files.isWritable(absent)).isFalse();
    assertThat(Files.isExecutable(absent)).isFalse();
  }

  @Test
  void underAbsentDirectory_notExists() {
    Path deep = path("absent/deeper/still");

    assertThat(Files.exists(deep)).isFalse();
    assertThat(Files.notExists(deep)).isTrue();
  }

  @Test
  void underRegularFile_existsFalse() throws IOException {
    file("f", "x");
    Path under = path("f/x");

    assertThat(Files.exists(under)).isFalse();
    assertThat(Files.exists(under, NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.isRegularFile(under)).isFalse();
    assertThat(Files.isDirectory(under)).isFalse();
  }

  @Test
  void underRegularFile_notExists_isFalseUnlessTheReleaseSaysNoSuchFile() throws IOException {
    file("f", "x");

    // ENOTDIR is not ENOENT: JDK 17 cannot say the path does not exist either; JDK 25 does.
    assertThat(Files.notExists(path("f/x")))
        .isEqualTo(kitShows(JdkDifference.NOT_A_DIRECTORY_IS_NO_SUCH_FILE));
  }

  @Test
  void underRegularFile_readAttributes_isNotADirectoryUnlessTheReleaseSaysNoSuchFile()
      throws IOException {
    file("f", "x");
    Path under = path("f/x");

    FileSystemException e =
        assertThrowsFor(
            FileSystemException.class,
            under,
            () -> Files.readAttributes(under, BasicFileAttributes.class));
    if (kitShows(JdkDifference.NOT_A_DIRECTORY_IS_NO_SUCH_FILE)) {
      assertThat(e).isInstanceOf(NoSuchFileException.class);
    } else {
      assertThat(e).isNotInstanceOf(NoSuchFileException.class);
    }
  }

  @Test
  void underRegularFile_readIsNotNoSuchFile() throws IOException {
    file("f", "x");
    Path under = path("f/x");

    FileSystemException e =
        assertThrowsFor(FileSystemException.class, under, () -> Files.readAllBytes(under));
    assertThat(e).isNotInstanceOf(NoSuchFileException.class);
  }

  @Test
  void regularFile_typeChecks() throws IOException {
    Path file = file("f", "x");

    assertThat(Files.exists(file)).isTrue();
    assertThat(Files.notExists(file)).isFalse();
    assertThat(Files.isRegularFile(file)).isTrue();
    assertThat(Files.isDirectory(file)).isFalse();
    assertThat(Files.isSymbolicLink(file)).isFalse();
    assertThat(Files.isReadable(file)).isTrue();
    assertThat(Files.isWritable(file)).isTrue();
  }

  @Test
  void directory_typeChecks() throws IOException {
    Path dir = dir("d");

    assertThat(Files.exists(dir)).isTrue();
    assertThat(Files.isDirectory(dir)).isTrue();
    assertThat(Files.isRegularFile(dir)).isFalse();
    assertThat(Files.isReadable(dir)).isTrue();
    assertThat(Files.isWritable(dir)).isTrue();
  }

  @Test
  void root_existsAndIsWritableDirectory() {
    assertThat(Files.isDirectory(root())).isTrue();
    assertThat(Files.isWritable(root())).isTrue();
  }

  @Test
  void deletedFile_noLongerExists() throws IOException {
    Path file = file("f", "x");
    Files.delete(file);

    assertThat(Files.exists(file)).isFalse();
    assertThat(Files.notExists(file)).isTrue();
  }

  @Test
  void probeContentType_doesNotThrowForRegularFile() throws IOException {
    Path file = file("f.txt", "text");

    // Content type detection is installation-specific; only the contract matters: no exception.
    String type = Files.probeContentType(file);
    assertThat(type == null || type.contains("/")).isTrue();
  }
}
