package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.NodeAttributes;

/** The {@code Copy} group of {@link VfsConformanceKit}: copy copies as Files.copy does. */
abstract class VfsCopyConformance extends VfsConformanceGroup {

  VfsCopyConformance(VfsConformanceKit kit) {
    super(kit);
  }

  @Test
  void copy_file_copiesContent() {
    put("/a", "content");
    await(vfs().copy("/a", "/b"));
    assertThat(get("/b")).isEqualTo("content");
    put("/a", "changed");
    assertThat(get("/b")).isEqualTo("content");
  }

  @Test
  void copy_ontoExisting_failsWithFileAlreadyExists() {
    put("/a", "A");
    put("/b", "B");
    assertFailsUnchanged(FileAlreadyExistsException.class, "/b", () -> vfs().copy("/a", "/b"));
  }

  @Test
  void copy_replaceExisting_replacesTheTarget() {
    put("/a", "A");
    put("/b", "a longer B");
    await(vfs().copy("/a", "/b", StandardCopyOption.REPLACE_EXISTING));
    assertThat(get("/b")).isEqualTo("A");
  }

  @Test
  void copy_replaceExistingOntoNonEmptyDirectory_failsWithDirectoryNotEmpty() {
    put("/a", "A");
    await(vfs().createDirectories("/t/x"));
    assertFailsUnchanged(
        DirectoryNotEmptyException.class,
        "/t",
        () -> vfs().copy("/a", "/t", StandardCopyOption.REPLACE_EXISTING));
  }

  @Test
  void copy_copyAttributes_keepsTimesAndPermissions() {
    put("/a", "A");
    FileTime t = FileTime.fromMillis(1_000_000_000_000L);
    await(vfs().setTimes("/a", t, null, null));
    boolean perms = await(vfs().stat("/a")).permissions() != null;
    Set<PosixFilePermission> p = PosixFilePermissions.fromString("r--r-----");
    if (perms) {
      await(vfs().setPermissions("/a", p));
    }
    await(vfs().copy("/a", "/b", StandardCopyOption.COPY_ATTRIBUTES));
    NodeAttributes b = await(vfs().stat("/b"));
    assertThat(b.lastModifiedTime()).isEqualTo(t);
    if (perms) {
      assertThat(b.permissions()).isEqualTo(p);
    }
    assertThat(get("/b")).isEqualTo("A");
  }

  @Test
  void copy_withoutCopyAttributes_getsAFreshModifiedTime() {
    put("/a", "A");
    FileTime t = FileTime.fromMillis(1_000_000_000_000L);
    await(vfs().setTimes("/a", t, null, null));
    await(vfs().copy("/a", "/b"));
    assertThat(await(vfs().stat("/b")).lastModifiedTime()).isNotEqualTo(t);
  }

  @Test
  void copy_symlinkFollowing_copiesTheTargetContent() {
    put("/f", "x");
    await(vfs().createSymbolicLink("/l", "f"));
    await(vfs().copy("/l", "/c"));
    assertThat(await(vfs().stat("/c", LinkOption.NOFOLLOW_LINKS)).isRegularFile()).isTrue();
    assertThat(get("/c")).isEqualTo("x");
  }

  @Test
  void copy_symlinkWithNofollow_copiesTheLink() {
    await(vfs().createSymbolicLink("/l", "dangling"));
    await(vfs().copy("/l", "/c", LinkOption.NOFOLLOW_LINKS));
    assertThat(await(vfs().readSymbolicLink("/c"))).isEqualTo("dangling");
  }

  @Test
  void copy_directory_isCopiedEmpty() {
    await(vfs().createDirectories("/d/e"));
    put("/d/f", "x");
    await(vfs().copy("/d", "/c"));
    assertThat(await(vfs().stat("/c")).isDirectory()).isTrue();
    assertThat(await(vfs().list("/c"))).isEmpty();
    assertThat(await(vfs().list("/d"))).containsExactly("e", "f");
  }

  @Test
  void copy_ontoItself_isANoOp() {
    put("/a", "A");
    await(vfs().copy("/a", "/a"));
    assertThat(snapshot()).containsExactly(Map.entry("/a", "file 41"));
  }

  @Test
  void copy_absentSource_failsWithNoSuchFile() {
    assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs().copy("/nope", "/b"));
  }

  @Test
  void copy_danglingSymlinkFollowing_failsWithNoSuchFile() {
    await(vfs().createSymbolicLink("/l", "nope"));
    assertFailsUnchanged(NoSuchFileException.class, "/l", () -> vfs().copy("/l", "/c"));
  }
}
