package org.jvfs.testkit;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kit tests for the {@code basic} attribute view. */
abstract class BasicAttributeConformance extends ConformanceGroup {

  /** Slack for comparing file times with the clock: coarse timestamps and clock steps. */
  private static final Duration SLACK = Duration.ofSeconds(5);

  BasicAttributeConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  private static void assertRecent(FileTime time, Instant before, Instant after) {
    assertThat(time.toInstant()).isBetween(before.minus(SLACK), after.plus(SLACK));
  }

  @Test
  void readAttributes_regularFile() throws IOException {
    Instant before = Instant.now();
    Path file = file("f", "12345");
    Instant after = Instant.now();

    BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);

    assertThat(attrs.isRegularFile()).isTrue();
    assertThat(attrs.isDirectory()).isFalse();
    assertThat(attrs.isSymbolicLink()).isFalse();
    assertThat(attrs.isOther()).isFalse();
    assertThat(attrs.size()).isEqualTo(5);
    assertRecent(attrs.lastModifiedTime(), before, after);
    assertRecent(attrs.lastAccessTime(), before, after);
  }

  @Test
  void readAttributes_directory() throws IOException {
    Path dir = dir("d");

    BasicFileAttributes attrs = Files.readAttributes(dir, BasicFileAttributes.class);

    assertThat(attrs.isDirectory()).isTrue();
    assertThat(attrs.isRegularFile()).isFalse();
    assertThat(attrs.isOther()).isFalse();
  }

  @Test
  void readAttributes_missing() {
    Path file = path("f");

    assertThrowsFor(
        NoSuchFileException.class,
        file,
        () -> Files.readAttributes(file, BasicFileAttributes.class));
    assertThrowsFor(NoSuchFileException.class, file, () -> Files.size(file));
    assertThrowsFor(NoSuchFileException.class, file, () -> Files.getLastModifiedTime(file));
  }

  @Test
  void size_tracksWritesAndTruncation() throws IOException {
    Path file = file("f", "");
    assertThat(Files.size(file)).isZero();

    Files.write(file, new byte[1234]);
    assertThat(Files.size(file)).isEqualTo(1234);

    try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
      channel.truncate(10);
    }
    assertThat(Files.size(file)).isEqualTo(10);
  }

  @Test
  void setLastModifiedTime_roundTrips() throws IOException {
    Path file = file("f", "x");

    assertThat(Files.setLastModifiedTime(file, PAST)).isEqualTo(file);

    assertThat(Files.getLastModifiedTime(file)).isEqualTo(PAST);
    assertThat(Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime())
        .isEqualTo(PAST);
  }

  @Test
  void setLastModifiedTime_onDirectory() throws IOException {
    Path dir = dir("d");

    Files.setLastModifiedTime(dir, PAST);

    assertThat(Files.getLastModifiedTime(dir)).isEqualTo(PAST);
  }

  @Test
  void setLastModifiedTime_missing() {
    Path file = path("f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.setLastModifiedTime(file, PAST));
  }

  @Test
  void setTimes_nullLeavesTimeUnchanged() throws IOException {
    Path file = file("f", "x");
    FileTime access = FileTime.from(Instant.parse("2002-03-04T05:06:07Z"));
    BasicFileAttributeView view = Files.getFileAttributeView(file, BasicFileAttributeView.class);

    view.setTimes(PAST, access, null);
    view.setTimes(null, null, null);

    BasicFileAttributes attrs = view.readAttributes();
    assertThat(attrs.lastModifiedTime()).isEqualTo(PAST);
    assertThat(attrs.lastAccessTime()).isEqualTo(access);
  }

  @Test
  void write_updatesLastModifiedTime() throws IOException {
    Path file = file("f", "x");
    Files.setLastModifiedTime(file, PAST);

    Instant before = Instant.now();
    Files.writeString(file, "y");

    assertRecent(Files.getLastModifiedTime(file), before, Instant.now());
  }

  @Test
  void createEntry_updatesDirectoryLastModifiedTime() throws IOException {
    Path dir = dir("d");
    Files.setLastModifiedTime(dir, PAST);

    Instant before = Instant.now();
    file("d/f", "");

    assertRecent(Files.getLastModifiedTime(dir), before, Instant.now());
  }

  @Test
  void creationTime_isBirthTime() throws IOException {
    assume(Feature.CREATION_TIME);
    Instant before = Instant.now();
    Path file = file("f", "x");
    Instant after = Instant.now();

    Files.setLastModifiedTime(file, PAST);

    FileTime created = Files.readAttributes(file, BasicFileAttributes.class).creationTime();
    assertRecent(created, before, after);
  }

  @Test
  void fileKey_stableAndDistinct() throws IOException {
    assume(Feature.FILE_KEYS);
    Path a = file("a", "");
    Path b = file("b", "");

    Object keyA = Files.readAttributes(a, BasicFileAttributes.class).fileKey();
    Files.writeString(a, "changed");
    Files.move(a, path("renamed"));

    assertThat(keyA).isNotNull();
    assertThat(Files.readAttributes(path("renamed"), BasicFileAttributes.class).fileKey())
        .isEqualTo(keyA);
    assertThat(Files.readAttributes(b, BasicFileAttributes.class).fileKey()).isNotEqualTo(keyA);
  }

  @Test
  void readAttributesString_star_returnsEveryBasicAttribute() throws IOException {
    Path file = file("f", "abc");

    Map<String, Object> attrs = Files.readAttributes(file, "*");

    assertThat(attrs)
        .containsKeys(
            "size",
            "lastModifiedTime",
            "lastAccessTime",
            "creationTime",
            "isRegularFile",
            "isDirectory",
            "isSymbolicLink",
            "isOther",
            "fileKey")
        .containsEntry("size", 3L)
        .containsEntry("isRegularFile", true)
        .containsEntry("isDirectory", false);
  }

  @Test
  void readAttributesString_namedList_returnsOnlyThose() throws IOException {
    Path dir = dir("d");

    Map<String, Object> attrs = Files.readAttributes(dir, "basic:isDirectory,lastModifiedTime");

    assertThat(attrs).containsOnlyKeys("isDirectory", "lastModifiedTime");
    assertThat(attrs).containsEntry("isDirectory", true);
  }

  @Test
  void readAttributesString_unknownViewOrName_rejected() throws IOException {
    Path file = file("f", "");

    assertThatThrownBy(() -> Files.readAttributes(file, "nosuchview:*"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Files.readAttributes(file, "basic:nosuchattribute"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void getAndSetAttribute_byName() throws IOException {
    Path file = file("f", "abcd");

    assertThat(Files.getAttribute(file, "size")).isEqualTo(4L);
    assertThat(Files.getAttribute(file, "basic:isRegularFile")).isEqualTo(true);

    Files.setAttribute(file, "basic:lastModifiedTime", PAST);

    assertThat(Files.getAttribute(file, "lastModifiedTime")).isEqualTo(PAST);
  }

  @Test
  void getFileAttributeView_missingFile_failsOnlyWhenRead() {
    Path file = path("f");
    BasicFileAttributeView view = Files.getFileAttributeView(file, BasicFileAttributeView.class);

    assertThat(view).isNotNull();
    assertThat(view.name()).isEqualTo("basic");
    assertThrowsFor(NoSuchFileException.class, file, view::readAttributes);
  }

  @Test
  void readAttributes_noFollowOnRegularFile_sameAsFollowing() throws IOException {
    Path file = file("f", "abc");

    BasicFileAttributes attrs =
        Files.readAttributes(file, BasicFileAttributes.class, NOFOLLOW_LINKS);

    assertThat(attrs.isRegularFile()).isTrue();
    assertThat(attrs.size()).isEqualTo(3);
  }

  @Test
  void setTimes_nofollowOnALink_setsTheLinkNotTheTarget() throws IOException {
    assume(Feature.SYMBOLIC_LINKS);
    Path file = file("f", "x");
    FileTime targetTime = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(file, targetTime);
    Path link = Files.createSymbolicLink(path("l"), file.getFileName());
    FileTime linkTime = FileTime.fromMillis(2_000_000_000L);

    Files.getFileAttributeView(link, BasicFileAttributeView.class, NOFOLLOW_LINKS)
        .setTimes(linkTime, null, null);

    assertThat(
            Files.readAttributes(link, BasicFileAttributes.class, NOFOLLOW_LINKS)
                .lastModifiedTime())
        .isEqualTo(linkTime);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(targetTime);
  }
}
