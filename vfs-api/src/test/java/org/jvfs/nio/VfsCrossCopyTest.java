package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsCrossCopyTest {
  private final VfsFileSystem a = NioFixture.newFileSystem();
  private final VfsFileSystem b = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    a.close();
    b.close();
  }

  @Test
  void copy_betweenJvfsFileSystems_contentAndTimes() throws Exception {
    Path src = Files.writeString(a.getPath("/f"), "across");
    FileTime t = FileTime.fromMillis(5_000);
    Files.setLastModifiedTime(src, t);
    Path dst = b.getPath("/g");

    Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);

    assertThat(Files.readString(dst)).isEqualTo("across");
    assertThat(Files.getLastModifiedTime(dst)).isEqualTo(t);
    assertThatThrownBy(() -> Files.copy(src, dst)).isInstanceOf(FileAlreadyExistsException.class);
    Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void move_betweenJvfsFileSystems_notAtomic() throws Exception {
    Path src = Files.writeString(a.getPath("/f"), "m");
    assertThatThrownBy(() -> Files.move(src, b.getPath("/g"), StandardCopyOption.ATOMIC_MOVE))
        .isInstanceOf(AtomicMoveNotSupportedException.class);
    Files.move(src, b.getPath("/g"));
    assertThat(Files.exists(src)).isFalse();
    assertThat(Files.readString(b.getPath("/g"))).isEqualTo("m");
  }

  @Test
  void copy_directoryAndLink() throws Exception {
    Path dir = Files.createDirectory(a.getPath("/d"));
    Files.writeString(a.getPath("/d/inner"), "");
    Path link = Files.createSymbolicLink(a.getPath("/l"), a.getPath("d"));
    Files.copy(dir, b.getPath("/d"));
    Files.copy(link, b.getPath("/l"), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    assertThat(Files.isDirectory(b.getPath("/d"))).isTrue();
    assertThat(Files.exists(b.getPath("/d/inner"))).isFalse();
    assertThat(Files.readSymbolicLink(b.getPath("/l"))).isEqualTo(b.getPath("d"));
  }
}
