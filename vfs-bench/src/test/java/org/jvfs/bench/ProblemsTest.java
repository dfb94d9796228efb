package org.jvfs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

class ProblemsTest {
  @Test
  void reason_namesTheKindNotThePath() {
    assertThat(Problems.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
    assertThat(Problems.reason(new NoSuchFileException("/x")))
        .isEqualTo("no such file or directory");
    assertThat(Problems.reason(new NotDirectoryException("/x"))).isEqualTo("not a directory");
  }

  @Test
  void reason_systemReasonWins() {
    assertThat(Problems.reason(new FileSystemException("/x", null, "Read-only file system")))
        .isEqualTo("read-only file system");
    assertThat(Problems.reason(new AccessDeniedException("/x", null, "Operation not permitted")))
        .isEqualTo("operation not permitted");
  }

  @Test
  void diskFull_fromAWriteOrAFileSystemException() {
    assertThat(Problems.diskFull(new IOException("No space left on device"))).isTrue();
    assertThat(Problems.diskFull(new FileSystemException("/x", null, "No space left on device")))
        .isTrue();
    assertThat(Problems.diskFull(new FileSystemException("/x", null, "Disk quota exceeded")))
        .isTrue();
    assertThat(Problems.diskFull(new AccessDeniedException("/x"))).isFalse();
  }
}
