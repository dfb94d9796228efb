package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.jvfs.AsyncFile;
import org.jvfs.spi.NodeAttributes;

/**
 * The {@code Stat} group of {@link VfsConformanceKit}: stat returns attributes or fails like the
 * JDK.
 */
abstract class VfsStatConformance extends VfsConformanceGroup {

  VfsStatConformance(VfsConformanceKit kit) {
    super(kit);
  }

  @Test
  void stat_file_returnsSizeAndKind() {
    put("/f", "hello");
    NodeAttributes a = await(vfs().stat("/f"));
    assertThat(a.isRegularFile()).isTrue();
    assertThat(a.isDirectory()).isFalse();
    assertThat(a.size()).isEqualTo(5);
  }

  @Test
  void stat_directory_isDirectory() {
    await(vfs().createDirectory("/d"));
    assertThat(await(vfs().stat("/d")).isDirectory()).isTrue();
    assertThat(await(vfs().stat("/")).isDirectory()).isTrue();
  }

  @Test
  void stat_absent_failsWithNoSuchFile() {
    assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs().stat("/nope"));
  }

  @Test
  void stat_throughAFile_failsWithNotADirectory() {
    put("/f", "x");
    FileSystemException e =
        assertFailsUnchanged(FileSystemException.class, "/f/x", () -> vfs().stat("/f/x"));
    assertThat(e.getReason()).isEqualTo("Not a directory");
  }

  @Test
  void stat_afterWriteThroughFile_seesNewSize() {
    put("/f", "x");
    assertThat(await(vfs().stat("/f")).size()).isEqualTo(1);
    AsyncFile f = open("/f", StandardOpenOption.WRITE);
    await(f.write(bytes("12345678"), 0));
    assertThat(await(vfs().stat("/f")).size()).isEqualTo(8);
    await(f.close());
  }
}
