package org.jvfs.testkit;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardOpenOption.READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kit tests for creating, reading and following symbolic links. */
abstract class SymbolicLinkConformance extends ConformanceGroup {

  SymbolicLinkConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  @BeforeEach
  void requireSymbolicLinks() {
    assume(Feature.SYMBOLIC_LINKS);
  }

  @Test
  void createSymbolicLink_readBackVerbatim() throws IOException {
    Path link = path("link");
    Path target = fs().getPath("some/where/../else");

    assertThat(Files.createSymbolicLink(link, target)).isEqualTo(link);

    assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void createSymbolicLink_absoluteTarget() throws IOException {
    Path real = file("real", "content");
    Path link = Files.createSymbolicLink(path("link"), real);

    assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
    assertThat(read(link)).isEqualTo("content");
  }

  @Test
  void createSymbolicLink_alreadyExists() throws IOException {
    Path existing = file("f", "x");

    assertThrowsFor(
        FileAlreadyExistsException.class,
        existing,
        () -> Files.createSymbolicLink(existing, fs().getPath("elsewhere")));
    assertThat(Files.isSymbolicLink(existing)).isFalse();
  }

  @Test
  void createSymbolicLink_parentMissing() {
    Path link = path("missing/link");

    assertThrowsFor(
        NoSuchFileException.class,
        link,
        () -> Files.createSymbolicLink(link, fs().getPath("target")));
  }

  @Test
  void readSymbolicLink_regularFile() throws IOException {
    Path file = file("f", "x");

    assertThrowsFor(NotLinkException.class, file, () -> Files.readSymbolicLink(file));
  }

  @Test
  void readSymbolicLink_missing() {
    Path link = path("link");

    assertThrowsFor(NoSuchFileException.class, link, () -> Files.readSymbolicLink(link));
  }

  @Test
  void relativeTarget_resolvesAgainstLinkDirectory() throws IOException {
    file("f", "top");
    dir("d");
    file("d/f", "nested");
    Path link = symlink("d/link", "../f");

    assertThat(read(link)).isEqualTo("top");
    assertThat(Files.readSymbolicLink(link)).isEqualTo(fs().getPath("../f"));
  }

  @Test
  void readAttributes_followsUnlessNoFollow() throws IOException {
    dir("d");
    Path link = symlink("link", "d");

    BasicFileAttributes followed = Files.readAttributes(link, BasicFileAttributes.class);
    BasicFileAttributes own = Files.readAttributes(link, BasicFileAttributes.class, NOFOLLOW_LINKS);

    assertThat(followed.isDirectory()).isTrue();
    assertThat(followed.isSymbolicLink()).isFalse();
    assertThat(own.isSymbolicLink()).isTrue();
    assertThat(own.isDirectory()).isFalse();
  }

  @Test
  void typeChecks_followUnlessNoFollow() throws IOException {
    dir("d");
    file("f", "x");
    Path toDir = symlink("toDir", "d");
    Path toFile = symlink("toFile", "f");

    assertThat(Files.isDirectory(toDir)).isTrue();
    assertThat(Files.isDirectory(toDir, NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.isRegularFile(toFile)).isTrue();
    assertThat(Files.isRegularFile(toFile, NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.isSymbolicLink(toFile)).isTrue();
  }

  @Test
  void danglingLink_existsOnlyWithoutFollowing() throws IOException {
    Path link = symlink("link", "missing");

    assertThat(Files.exists(link)).isFalse();
    assertThat(Files.notExists(link)).isTrue();
    assertThat(Files.exists(link, NOFOLLOW_LINKS)).isTrue();
    assertThat(Files.notExists(link, NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void danglingLink_readFails() throws IOException {
    Path link = symlink("link", "missing");

    assertThrowsFor(NoSuchFileException.class, link, () -> Files.readAllBytes(link));
    assertThrowsFor(
        NoSuchFileException.class,
        link,
        () -> Files.readAttributes(link, BasicFileAttributes.class));
  }

  @Test
  void danglingLink_writeCreatesTarget() throws IOException {
    Path link = symlink("link", "created");

    Files.writeString(link, "through the link");

    assertThat(read(path("created"))).isEqualTo("through the link");
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void danglingLink_createNewRefuses() throws IOException {
    Path link = symlink("link", "missing");

    assertThrowsFor(FileAlreadyExistsException.class, link, () -> Files.createFile(link));
    assertThat(Files.exists(path("missing"))).isFalse();
  }

  @Test
  void loop_readFails() throws IOException {
    Path a = symlink("a", "b");
    symlink("b", "a");

    // The JDK throws a plain FileSystemException here (ELOOP), not FileSystemLoopException.
    assertThrowsFor(FileSystemException.class, a, () -> Files.readAllBytes(a));
    assertThrowsFor(
        FileSystemException.class, a, () -> Files.readAttributes(a, BasicFileAttributes.class));
    assertThrowsFor(FileSystemException.class, a, a::toRealPath);
  }

  @Test
  void loop_neitherExistsNorNotExists() throws IOException {
    Path self = symlink("self", "self");

    assertThat(Files.exists(self)).isFalse();
    assertThat(Files.notExists(self)).isFalse();
    assertThat(Files.exists(self, NOFOLLOW_LINKS)).isTrue();
  }

  @Test
  void delete_removesLinkNotTarget() throws IOException {
    Path real = file("real", "kept");
    Path link = symlink("link", "real");

    Files.delete(link);

    assertThat(Files.exists(link, NOFOLLOW_LINKS)).isFalse();
    assertThat(read(real)).isEqualTo("kept");
  }

  @Test
  void delete_linkToNonEmptyDirectory_removesLink() throws IOException {
    dir("d");
    file("d/f", "kept");
    Path link = symlink("link", "d");

    Files.delete(link);

    assertThat(read(path("d/f"))).isEqualTo("kept");
  }

  @Test
  void dotDotAfterLink_resolvesPhysically() throws IOException {
    dir("x/y");
    file("x/marker", "physical");
    file("marker", "lexical");
    symlink("link", "x/y");

    // link/.. is x (the parent of the link's target), not the root.
    assertThat(read(path("link/../marker"))).isEqualTo("physical");
    assertThat(path("link/..").toRealPath()).isEqualTo(path("x").toRealPath());
  }

  @Test
  void chainOfLinks_followedToTheEnd() throws IOException {
    file("real", "end");
    symlink("one", "real");
    symlink("two", "one");
    Path three = symlink("three", "two");

    assertThat(read(three)).isEqualTo("end");
    assertThat(three.toRealPath()).isEqualTo(path("real").toRealPath());
    assertThat(three.toRealPath(NOFOLLOW_LINKS).getFileName()).isEqualTo(fs().getPath("three"));
  }

  @Test
  void linkInMiddleOfPath_isFollowed() throws IOException {
    dir("real/sub");
    file("real/sub/f", "middle");
    symlink("link", "real");

    assertThat(read(path("link/sub/f"))).isEqualTo("middle");
    try (var entries = Files.list(path("link"))) {
      assertThat(entries).containsExactly(path("link/sub"));
    }
  }

  @Test
  void openNoFollow_onLink_fails() throws IOException {
    file("real", "x");
    Path link = symlink("link", "real");

    // The JDK reports O_NOFOLLOW's ELOOP as a plain IOException naming no file.
    assertThatThrownBy(() -> Files.newByteChannel(link, READ, NOFOLLOW_LINKS))
        .isInstanceOf(IOException.class);
  }

  @Test
  void setLastModifiedTime_followsLink() throws IOException {
    Path real = file("real", "x");
    Path link = symlink("link", "real");

    Files.setLastModifiedTime(link, PAST);

    assertThat(Files.getLastModifiedTime(real)).isEqualTo(PAST);
    assertThat(Files.getLastModifiedTime(link, NOFOLLOW_LINKS)).isNotEqualTo(PAST);
  }
}
