package org.jvfs.nio;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsBasicAttributeViewTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  @Test
  void missingFile_failsOnlyWhenRead() {
    var view = Files.getFileAttributeView(fs.getPath("/nope"), BasicFileAttributeView.class);
    assertThat(view.name()).isEqualTo("basic");
    assertThatThrownBy(view::readAttributes).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void setTimes_followsLinks_unlessNofollowSetsTheLinkItself() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "");
    Path link = Files.createSymbolicLink(fs.getPath("/l"), f);
    FileTime t = FileTime.fromMillis(42_000);
    Files.getFileAttributeView(link, BasicFileAttributeView.class).setTimes(t, null, null);
    assertThat(Files.getLastModifiedTime(f)).isEqualTo(t);
    FileTime u = FileTime.fromMillis(84_000);
    Files.getFileAttributeView(link, BasicFileAttributeView.class, NOFOLLOW_LINKS)
        .setTimes(u, null, null);
    assertThat(Files.getLastModifiedTime(link, NOFOLLOW_LINKS)).isEqualTo(u);
    assertThat(Files.getLastModifiedTime(f)).isEqualTo(t);
  }
}
