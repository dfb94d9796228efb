package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.jvfs.AsyncFile;
import org.jvfs.LookupResult;

/**
 * The {@code Links} group of {@link VfsConformanceKit}: symbolic and hard links behave as on Linux.
 */
abstract class VfsLinkConformance extends VfsConformanceGroup {

  VfsLinkConformance(VfsConformanceKit kit) {
    super(kit);
  }

  @Test
  void symlink_isFollowedByReadsAndStat() {
    put("/f", "target");
    await(vfs().createSymbolicLink("/l", "f"));
    assertThat(get("/l")).isEqualTo("target");
    assertThat(await(vfs().stat("/l")).isRegularFile()).isTrue();
    assertThat(await(vfs().stat("/l", LinkOption.NOFOLLOW_LINKS)).isSymbolicLink()).isTrue();
    assertThat(await(vfs().readSymbolicLink("/l"))).isEqualTo("f");
  }

  @Test
  void symlink_targetIsStoredAsGiven() {
    await(vfs().createSymbolicLink("/l", "../x//y/./"));
    assertThat(await(vfs().readSymbolicLink("/l"))).isEqualTo("../x//y/./");
  }

  @Test
  void symlink_relativeTargetResolvesFromTheLinksDirectory() {
    await(vfs().createDirectories("/a/b"));
    put("/a/f", "in a");
    await(vfs().createSymbolicLink("/a/b/l", "../f"));
    assertThat(get("/a/b/l")).isEqualTo("in a");
  }

  @Test
  void symlink_inTheMiddleOfAPath_isFollowed() {
    await(vfs().createDirectories("/real/sub"));
    put("/real/sub/f", "deep");
    await(vfs().createSymbolicLink("/link", "/real"));
    assertThat(get("/link/sub/f")).isEqualTo("deep");
    assertThat(await(vfs().list("/link/sub/.."))).containsExactly("sub");
  }

  @Test
  void symlink_dangling_statFailsAndNofollowStatSucceeds() {
    await(vfs().createSymbolicLink("/l", "nope"));
    assertFailsUnchanged(NoSuchFileException.class, "/l", () -> vfs().stat("/l"));
    assertThat(await(vfs().stat("/l", LinkOption.NOFOLLOW_LINKS)).isSymbolicLink()).isTrue();
    assertThat(await(vfs().lookup("/l")).status()).isEqualTo(LookupResult.Status.ABSENT);
    assertThat(await(vfs().lookup("/l", LinkOption.NOFOLLOW_LINKS)).isHit()).isTrue();
  }

  @Test
  void symlink_loop_failsWithFileSystemException() {
    await(vfs().createSymbolicLink("/a", "b"));
    await(vfs().createSymbolicLink("/b", "a"));
    assertFailsUnchanged(FileSystemException.class, "/a", () -> vfs().stat("/a"));
    assertFailsUnchanged(FileSystemException.class, "/a", () -> vfs().readAllBytes("/a"));
    assertFailsUnchanged(FileSystemException.class, "/a/x", () -> vfs().stat("/a/x"));
  }

  @Test
  void symlink_overExisting_failsWithFileAlreadyExists() {
    put("/f", "x");
    assertFailsUnchanged(
        FileAlreadyExistsException.class, "/f", () -> vfs().createSymbolicLink("/f", "t"));
  }

  @Test
  void readSymbolicLink_ofAFile_failsWithNotLink() {
    put("/f", "x");
    assertFailsUnchanged(NotLinkException.class, "/f", () -> vfs().readSymbolicLink("/f"));
  }

  @Test
  void readSymbolicLink_absent_failsWithNoSuchFile() {
    assertFailsUnchanged(NoSuchFileException.class, "/l", () -> vfs().readSymbolicLink("/l"));
  }

  @Test
  void hardLink_sharesContentAndCountsLinks() {
    put("/a", "shared");
    await(vfs().createLink("/b", "/a"));
    assertThat(get("/b")).isEqualTo("shared");
    AsyncFile f = open("/b", StandardOpenOption.WRITE);
    await(f.write(bytes("S"), 0));
    await(f.close());
    assertThat(get("/a")).isEqualTo("Shared");
    assertThat(await(vfs().stat("/a")).linkCount()).isEqualTo(2);
    assertThat(await(vfs().stat("/a")).fileKey()).isEqualTo(await(vfs().stat("/b")).fileKey());
    await(vfs().delete("/a"));
    assertThat(get("/b")).isEqualTo("Shared");
    assertThat(await(vfs().stat("/b")).linkCount()).isEqualTo(1);
  }

  @Test
  void hardLink_overExisting_failsWithFileAlreadyExists() {
    put("/a", "A");
    put("/b", "B");
    assertFailsUnchanged(
        FileAlreadyExistsException.class, "/b", () -> vfs().createLink("/b", "/a"));
  }

  @Test
  void hardLink_toAbsent_failsWithNoSuchFile() {
    assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs().createLink("/b", "/nope"));
  }

  @Test
  void hardLink_toDirectory_failsNamingBothPaths() {
    await(vfs().createDirectory("/d"));
    FileSystemException e =
        assertFailsUnchanged(FileSystemException.class, "/d", () -> vfs().createLink("/l", "/d"));
    assertThat(e.getFile()).isEqualTo("/l");
    assertThat(e.getOtherFile()).isEqualTo("/d");
  }

  @Test
  void hardLink_toSymlink_linksTheLinkItself() {
    put("/f", "x");
    await(vfs().createSymbolicLink("/s", "f"));
    await(vfs().createLink("/h", "/s"));
    assertThat(await(vfs().stat("/h", LinkOption.NOFOLLOW_LINKS)).isSymbolicLink()).isTrue();
    assertThat(await(vfs().readSymbolicLink("/h"))).isEqualTo("f");
  }
}
