package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvfs.LookupResult;

/**
 * The {@code Mounts} group of {@link VfsConformanceKit}: a second backend mounted at /m is a
 * separate store.
 */
abstract class VfsMountConformance extends VfsConformanceGroup {

  VfsMountConformance(VfsConformanceKit kit) {
    super(kit);
  }

  @BeforeEach
  void mountSecondBackend() throws Exception {
    vfs().close();
    replaceVfs(newVfs(true));
  }

  @Test
  void list_showsTheMountPointAndItsContent() {
    put("/m/f", "in m");
    put("/r", "in root");
    assertThat(await(vfs().list("/"))).containsExactly("m", "r");
    assertThat(await(vfs().list("/m"))).containsExactly("f");
    assertThat(await(vfs().stat("/m")).isDirectory()).isTrue();
  }

  @Test
  void dotDot_atTheMountRoot_staysInTheMount() {
    put("/m/f", "in m");
    put("/r", "in root");
    assertThat(await(vfs().list("/m/.."))).containsExactly("f");
    assertThat(get("/m/../f")).isEqualTo("in m");
    assertThat(await(vfs().lookup("/m/../r")).status()).isEqualTo(LookupResult.Status.ABSENT);
  }

  @Test
  void move_acrossMounts_copiesAndDeletes() {
    put("/a", "across");
    await(vfs().move("/a", "/m/b"));
    assertThat(get("/m/b")).isEqualTo("across");
    assertThat(await(vfs().list("/"))).containsExactly("m");
    await(vfs().move("/m/b", "/c"));
    assertThat(snapshot())
        .containsExactly(
            Map.entry("/c", "file " + HexFormat.of().formatHex("across".getBytes(UTF_8))),
            Map.entry("/m", "dir"));
  }

  @Test
  void move_emptyDirectoryAcrossMounts_moves() {
    await(vfs().createDirectory("/d"));
    await(vfs().move("/d", "/m/d"));
    assertThat(snapshot()).containsOnlyKeys("/m", "/m/d");
  }

  @Test
  void move_nonEmptyDirectoryAcrossMounts_failsWithDirectoryNotEmpty() {
    await(vfs().createDirectories("/d/e"));
    assertFailsUnchanged(DirectoryNotEmptyException.class, "/d", () -> vfs().move("/d", "/m/d"));
  }

  @Test
  void move_acrossMountsOntoExisting_failsWithFileAlreadyExists() {
    put("/a", "A");
    put("/m/b", "B");
    assertFailsUnchanged(FileAlreadyExistsException.class, "/m/b", () -> vfs().move("/a", "/m/b"));
  }

  @Test
  void move_acrossMountsReplaceExisting_replaces() {
    put("/a", "A");
    put("/m/b", "B");
    await(vfs().move("/a", "/m/b", StandardCopyOption.REPLACE_EXISTING));
    assertThat(snapshot()).containsOnlyKeys("/m", "/m/b");
    assertThat(get("/m/b")).isEqualTo("A");
  }

  @Test
  void move_atomicAcrossMounts_failsWithAtomicMoveNotSupported() {
    put("/a", "A");
    assertFailsUnchanged(
        AtomicMoveNotSupportedException.class,
        "/a",
        () -> vfs().move("/a", "/m/b", StandardCopyOption.ATOMIC_MOVE));
  }

  @Test
  void createLink_acrossMounts_failsWithFileSystemException() {
    put("/m/f", "x");
    FileSystemException e =
        assertFailsUnchanged(FileSystemException.class, "/l", () -> vfs().createLink("/l", "/m/f"));
    assertThat(e.getReason()).isEqualTo("Invalid cross-device link");
  }

  @Test
  void copy_acrossMounts_copies() {
    put("/m/f", "x");
    await(vfs().copy("/m/f", "/g"));
    assertThat(get("/g")).isEqualTo("x");
    assertThat(get("/m/f")).isEqualTo("x");
  }

  @Test
  void symlink_intoAMountAndAbsoluteInsideIt_resolve() {
    put("/m/f", "x");
    await(vfs().createSymbolicLink("/l", "/m/f"));
    assertThat(get("/l")).isEqualTo("x");
    // A mount is a jail: an absolute target inside it starts again at the mount's root.
    await(vfs().createSymbolicLink("/m/abs", "/r"));
    put("/r", "root");
    put("/m/r", "in m");
    assertThat(get("/m/abs")).isEqualTo("in m");
  }

  @Test
  void storeInfo_perMount_succeeds() {
    assertThat(await(vfs().storeInfo("/m")).totalSpace()).isNotNegative();
  }
}
