package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.Vfs;

class CopierTest {
  private final Vfs vfs = Vfs.inMemory();

  @AfterEach
  void close() {
    assertThat(vfs.verifyCache()).isEmpty();
    vfs.close();
  }

  @Test
  void copy_takesTheSourcePermissions() {
    vfs.write("/f", new byte[] {1, 2}).join();
    vfs.setPermissions("/f", PosixFilePermissions.fromString("rw-------")).join();
    vfs.copy("/f", "/g").join();
    assertThat(vfs.stat("/g").join().permissions())
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(vfs.readAllBytes("/g").join()).containsExactly(1, 2);
  }

  @Test
  void copy_withCopyAttributes_copiesTheTimes() {
    vfs.write("/f", new byte[1]).join();
    FileTime t = FileTime.fromMillis(1_000_000);
    vfs.setTimes("/f", t, t, null).join();
    vfs.copy("/f", "/g", StandardCopyOption.COPY_ATTRIBUTES).join();
    assertThat(vfs.stat("/g").join().lastModifiedTime()).isEqualTo(t);
    vfs.copy("/f", "/h").join();
    assertThat(vfs.stat("/h").join().lastModifiedTime()).isNotEqualTo(t);
  }

  @Test
  void copy_linkWithNofollow_copiesTheLink() {
    vfs.write("/f", new byte[1]).join();
    vfs.createSymbolicLink("/l", "f").join();
    vfs.copy("/l", "/l2", LinkOption.NOFOLLOW_LINKS).join();
    assertThat(vfs.readSymbolicLink("/l2").join()).isEqualTo("f");
    vfs.copy("/l", "/g").join();
    assertThat(vfs.stat("/g", LinkOption.NOFOLLOW_LINKS).join().isRegularFile()).isTrue();
  }

  @Test
  void copy_directory_isCopiedEmpty() {
    vfs.createDirectories("/d/e").join();
    vfs.copy("/d", "/c").join();
    assertThat(vfs.list("/c").join()).isEmpty();
  }

  @Test
  void copy_largeFile_copiesEveryByte() {
    byte[] data = new byte[300_000];
    new java.util.Random(1).nextBytes(data);
    vfs.write("/f", data).join();
    vfs.copy("/f", "/g").join();
    assertThat(vfs.readAllBytes("/g").join()).isEqualTo(data);
  }
}
