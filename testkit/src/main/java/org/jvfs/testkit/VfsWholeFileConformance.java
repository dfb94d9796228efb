package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The {@code WholeFiles} group of {@link VfsConformanceKit}: readAllBytes and write work on whole
 * files.
 */
abstract class VfsWholeFileConformance extends VfsConformanceGroup {

  VfsWholeFileConformance(VfsConformanceKit kit) {
    super(kit);
  }

  @Test
  void write_thenReadAllBytes_roundTrips() {
    await(vfs().write("/f", HELLO));
    assertThat(await(vfs().readAllBytes("/f"))).isEqualTo(HELLO);
  }

  @Test
  void write_copiesTheArrayAtOnce() {
    byte[] b = "abc".getBytes(UTF_8);
    CompletableFuture<Void> f = vfs().write("/f", b);
    b[0] = 'X';
    await(f);
    assertThat(get("/f")).isEqualTo("abc");
  }

  @Test
  void write_noOptions_truncatesExisting() {
    put("/f", "a long content");
    put("/f", "short");
    assertThat(get("/f")).isEqualTo("short");
  }

  @Test
  void write_withAppend_appends() {
    put("/f", "ab");
    await(vfs().write("/f", "cd".getBytes(UTF_8), StandardOpenOption.APPEND));
    assertThat(get("/f")).isEqualTo("abcd");
  }

  @Test
  void write_withCreateNewOnExisting_failsWithFileAlreadyExists() {
    put("/f", "ab");
    assertFailsUnchanged(
        FileAlreadyExistsException.class,
        "/f",
        () -> vfs().write("/f", HELLO, StandardOpenOption.CREATE_NEW));
  }

  @Test
  void readAllBytes_largeFile_readsEverything() {
    byte[] big = new byte[300_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    await(vfs().write("/big", big));
    assertThat(await(vfs().readAllBytes("/big"))).isEqualTo(big);
  }

  @Test
  void readAllBytes_emptyFile_isEmpty() {
    await(vfs().write("/e", new byte[0]));
    assertThat(await(vfs().readAllBytes("/e"))).isEmpty();
  }

  @Test
  void readAllBytes_directory_failsWithIsADirectory() {
    await(vfs().createDirectories("/d/e"));
    FileSystemException e =
        assertFailsUnchanged(FileSystemException.class, "/d", () -> vfs().readAllBytes("/d"));
    assertThat(e.getReason()).isEqualTo("Is a directory");
  }

  @Test
  void write_toDirectory_failsWithIsADirectory() {
    await(vfs().createDirectory("/d"));
    FileSystemException e =
        assertFailsUnchanged(FileSystemException.class, "/d", () -> vfs().write("/d", HELLO));
    assertThat(e.getReason()).isEqualTo("Is a directory");
  }
}
