package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsAttributeViewsTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  @Test
  void supportedViews_fromMemoryBackendCapabilities() {
    assertThat(fs.supportedFileAttributeViews())
        .containsExactlyInAnyOrder("basic", "owner", "posix", "unix");
  }

  @Test
  void readMap_posixStar_hasBasicAndPosixNames() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "abc");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    Map<String, Object> m = Files.readAttributes(f, "posix:*");
    assertThat(m)
        .containsKeys("size", "lastModifiedTime", "isRegularFile", "permissions", "owner", "group")
        .containsEntry("size", 3L)
        .containsEntry("permissions", PosixFilePermissions.fromString("rw-r-----"));
  }

  @Test
  void readMap_unixModeIncludesTypeBits() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));
    Map<String, Object> m = Files.readAttributes(f, "unix:mode,nlink,uid");
    assertThat(m).containsOnlyKeys("mode", "nlink", "uid").containsEntry("mode", 0100750);
    assertThat(m.get("nlink")).isEqualTo(1);
  }

  @Test
  void readMap_unknownViewOrName() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "");
    assertThatThrownBy(() -> Files.readAttributes(f, "dos:*"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Files.readAttributes(f, "basic:size,nope"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Files.readAttributes(f, DosFileAttributes.class))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(Files.getFileAttributeView(f, DosFileAttributeView.class)).isNull();
  }

  @Test
  void setAttribute_byName() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "");
    FileTime t = FileTime.fromMillis(1_000_000);
    Files.setAttribute(f, "lastModifiedTime", t);
    Files.setAttribute(f, "posix:permissions", PosixFilePermissions.fromString("r--------"));
    Files.setAttribute(f, "unix:mode", 0640);
    assertThat(Files.getLastModifiedTime(f)).isEqualTo(t);
    assertThat(Files.getPosixFilePermissions(f))
        .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(() -> Files.setAttribute(f, "basic:permissions", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Files.setAttribute(f, "basic:lastModifiedTime", "x"))
        .isInstanceOf(ClassCastException.class);
  }
}
