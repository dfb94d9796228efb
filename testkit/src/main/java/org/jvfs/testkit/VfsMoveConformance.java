package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jvfs.LookupResult;

/** The {@code Move} group of {@link VfsConformanceKit}: move renames as Files.move does. */
abstract class VfsMoveConformance extends VfsConformanceGroup {

  VfsMoveConformance(VfsConformanceKit kit) {
    super(kit);
  }

  @Test
  void move_file_renamesIt() {
    put("/a", "A");
    await(vfs().move("/a", "/b"));
    assertThat(snapshot()).containsExactly(Map.entry("/b", "file 41"));
    assertThat(await(vfs().lookup("/a")).status()).isEqualTo(LookupResult.Status.ABSENT);
  }

  @Test
  void move_ontoExisting_failsWithFileAlreadyExists() {
    put("/a", "A");
    put("/b", "B");
    assertFailsUnchanged(FileAlreadyExistsException.class, "/b", () -> vfs().move("/a", "/b"));
  }

  @Test
  void move_replaceExisting_replacesTheTarget() {
    put("/a", "A");
    put("/b", "B");
    await(vfs().move("/a", "/b", StandardCopyOption.REPLACE_EXISTING));
    assertThat(snapshot()).containsExactly(Map.entry("/b", "file 41"));
  }

  @Test
  void move_replaceExistingOntoNonEmptyDirectory_failsWithDirectoryNotEmpty() {
    put("/a", "A");
    await(vfs().createDirectories("/t/x"));
    assertFailsUnchanged(
        DirectoryNotEmptyException.class,
        "/t",
        () -> vfs().move("/a", "/t", StandardCopyOption.REPLACE_EXISTING));
  }

  @Test
  void move_atomic_renamesIt() {
    put("/a", "A");
    await(vfs().createDirectory("/d"));
    await(vfs().move("/a", "/d/b", StandardCopyOption.ATOMIC_MOVE));
    assertThat(snapshot()).containsExactly(Map.entry("/d", "dir"), Map.entry("/d/b", "file 41"));
  }

  @Test
  void move_atomicOntoExistingFile_replacesIt() {
    put("/a", "A");
    put("/b", "B");
    await(vfs().move("/a", "/b", StandardCopyOption.ATOMIC_MOVE));
    assertThat(snapshot()).containsExactly(Map.entry("/b", "file 41"));
  }

  @Test
  void move_directoryWithChildren_movesTheSubtree() {
    await(vfs().createDirectories("/d/e"));
    put("/d/e/f", "x");
    await(vfs().stat("/d/e/f"));
    await(vfs().move("/d", "/g"));
    assertThat(snapshot())
        .containsExactly(
            Map.entry("/g", "dir"), Map.entry("/g/e", "dir"), Map.entry("/g/e/f", "file 78"));
    assertThat(await(vfs().lookup("/d/e/f")).status()).isEqualTo(LookupResult.Status.ABSENT);
  }

  @Test
  void move_intoOwnSubtree_failsWithFileSystemException() {
    await(vfs().createDirectories("/d/e"));
    assertFailsUnchanged(FileSystemException.class, "/d", () -> vfs().move("/d", "/d/e/x"));
  }

  @Test
  void move_ontoItself_isANoOp() {
    put("/a", "A");
    await(vfs().move("/a", "/a"));
    await(vfs().move("/a", "/a", StandardCopyOption.REPLACE_EXISTING));
    assertThat(snapshot()).containsExactly(Map.entry("/a", "file 41"));
  }

  @Test
  void move_ontoAHardLinkOfItself_isANoOp() {
    put("/a", "A");
    await(vfs().createLink("/b", "/a"));
    await(vfs().move("/a", "/b"));
    assertThat(snapshot()).containsOnlyKeys("/a", "/b");
  }

  @Test
  void move_absentSource_failsWithNoSuchFile() {
    assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs().move("/nope", "/b"));
  }

  @Test
  void move_intoAbsentDirectory_failsWithNoSuchFileNamingBothPaths() {
    put("/a", "A");
    NoSuchFileException e =
        assertFailsUnchanged(NoSuchFileException.class, "/a", () -> vfs().move("/a", "/no/b"));
    assertThat(e.getFile()).isEqualTo("/a");
    assertThat(e.getOtherFile()).isEqualTo("/no/b");
  }

  @Test
  void move_symlink_movesTheLinkItself() {
    put("/f", "x");
    await(vfs().createSymbolicLink("/l", "/f"));
    await(vfs().move("/l", "/k"));
    assertThat(snapshot())
        .containsExactly(Map.entry("/f", "file 78"), Map.entry("/k", "link -> /f"));
  }
}
