package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jvfs.LookupResult;

/**
 * The {@code Directories} group of {@link VfsConformanceKit}: directories are listed, made and
 * deleted.
 */
abstract class VfsDirectoryConformance extends VfsConformanceGroup {

  VfsDirectoryConformance(VfsConformanceKit kit) {
    super(kit);
  }

  @Test
  void list_returnsNamesSortedByUtf8Bytes() {
    put("/b", "");
    put("/a", "");
    put("/\u00e9", "");
    put("/Z", "");
    await(vfs().createDirectory("/c"));
    assertThat(await(vfs().list("/"))).containsExactly("Z", "a", "b", "c", "\u00e9");
  }

  @Test
  void list_emptyDirectory_isEmpty() {
    await(vfs().createDirectory("/d"));
    assertThat(await(vfs().list("/d"))).isEmpty();
  }

  @Test
  void list_file_failsWithNotDirectory() {
    put("/f", "x");
    assertFailsUnchanged(NotDirectoryException.class, "/f", () -> vfs().list("/f"));
  }

  @Test
  void list_absent_failsWithNoSuchFile() {
    assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs().list("/nope"));
  }

  @Test
  void list_throughSymlinkToDirectory_listsTheTarget() {
    await(vfs().createDirectories("/d/e"));
    await(vfs().createSymbolicLink("/l", "d"));
    assertThat(await(vfs().list("/l"))).containsExactly("e");
  }

  @Test
  void createDirectory_makesADirectory() {
    await(vfs().createDirectory("/d"));
    assertThat(await(vfs().stat("/d")).isDirectory()).isTrue();
    assertThat(snapshot()).containsExactly(Map.entry("/d", "dir"));
  }

  @Test
  void createDirectory_existing_failsWithFileAlreadyExists() {
    await(vfs().createDirectory("/d"));
    assertFailsUnchanged(FileAlreadyExistsException.class, "/d", () -> vfs().createDirectory("/d"));
    put("/f", "x");
    assertFailsUnchanged(FileAlreadyExistsException.class, "/f", () -> vfs().createDirectory("/f"));
  }

  @Test
  void createDirectory_missingParent_failsWithNoSuchFile() {
    assertFailsUnchanged(NoSuchFileException.class, "/a/b", () -> vfs().createDirectory("/a/b"));
  }

  @Test
  void createDirectory_root_failsWithFileAlreadyExists() {
    assertFailsUnchanged(FileAlreadyExistsException.class, "/", () -> vfs().createDirectory("/"));
  }

  @Test
  void createDirectory_withPermissions_usesThem() {
    assumeTrue(await(vfs().stat("/")).permissions() != null, "backend keeps permissions");
    Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rwx------");
    await(vfs().createDirectory("/d", PosixFilePermissions.asFileAttribute(perms)));
    assertThat(await(vfs().stat("/d")).permissions()).isEqualTo(perms);
  }

  @Test
  void createDirectories_makesMissingParents() {
    await(vfs().createDirectories("/a/b/c"));
    assertThat(snapshot())
        .containsExactly(
            Map.entry("/a", "dir"), Map.entry("/a/b", "dir"), Map.entry("/a/b/c", "dir"));
  }

  @Test
  void createDirectories_existingDirectory_succeeds() {
    await(vfs().createDirectories("/a/b"));
    await(vfs().createDirectories("/a/b"));
    await(vfs().createDirectories("/"));
    assertThat(snapshot()).containsOnlyKeys("/a", "/a/b");
  }

  @Test
  void createDirectories_existingFile_failsWithFileAlreadyExists() {
    put("/f", "x");
    assertFailsUnchanged(
        FileAlreadyExistsException.class, "/f", () -> vfs().createDirectories("/f"));
  }

  @Test
  void createDirectories_throughAFile_failsWithNotADirectory() {
    put("/f", "x");
    FileSystemException e =
        assertFailsUnchanged(
            FileSystemException.class, "/f/x", () -> vfs().createDirectories("/f/x"));
    assertThat(e.getReason()).isEqualTo("Not a directory");
  }

  @Test
  void delete_file_removesIt() {
    put("/f", "x");
    await(vfs().delete("/f"));
    assertThat(await(vfs().list("/"))).isEmpty();
    assertThat(await(vfs().lookup("/f")).status()).isEqualTo(LookupResult.Status.ABSENT);
  }

  @Test
  void delete_emptyDirectory_removesIt() {
    await(vfs().createDirectory("/d"));
    await(vfs().delete("/d"));
    assertThat(await(vfs().list("/"))).isEmpty();
  }

  @Test
  void delete_nonEmptyDirectory_failsWithDirectoryNotEmpty() {
    await(vfs().createDirectories("/d/e"));
    put("/d/f", "x");
    assertFailsUnchanged(DirectoryNotEmptyException.class, "/d", () -> vfs().delete("/d"));
  }

  @Test
  void delete_absent_failsWithNoSuchFile() {
    assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs().delete("/nope"));
  }

  @Test
  void delete_symlink_removesTheLinkNotTheTarget() {
    put("/f", "x");
    await(vfs().createSymbolicLink("/l", "f"));
    await(vfs().delete("/l"));
    assertThat(snapshot()).containsExactly(Map.entry("/f", "file 78"));
  }

  @Test
  void deleteIfExists_reportsWhetherItDeleted() {
    put("/f", "x");
    assertThat(await(vfs().deleteIfExists("/f"))).isTrue();
    assertThat(await(vfs().deleteIfExists("/f"))).isFalse();
    assertThat(await(vfs().deleteIfExists("/no/such/path"))).isFalse();
    assertThat(await(vfs().list("/"))).isEmpty();
  }

  @Test
  void deleteIfExists_nonEmptyDirectory_failsWithDirectoryNotEmpty() {
    await(vfs().createDirectories("/d/e"));
    assertFailsUnchanged(DirectoryNotEmptyException.class, "/d", () -> vfs().deleteIfExists("/d"));
  }

  @Test
  void recreate_afterDelete_isANewFile() {
    put("/f", "first");
    await(vfs().stat("/f"));
    await(vfs().delete("/f"));
    await(vfs().createDirectory("/f"));
    assertThat(await(vfs().stat("/f")).isDirectory()).isTrue();
  }
}
