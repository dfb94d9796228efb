package org.jvfs.nio;

import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsFileLockTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  @Test
  void release_idempotentAndFreesRegion() throws Exception {
    Path f = Files.writeString(fs.getPath("/f"), "x");
    try (FileChannel ch = FileChannel.open(f, READ, WRITE)) {
      FileLock lock = ch.lock(5, 10, false);
      assertThat(lock).isInstanceOf(VfsFileLock.class);
      assertThat(lock.position()).isEqualTo(5);
      assertThat(lock.size()).isEqualTo(10);
      assertThat(lock.overlaps(14, 1)).isTrue();
      lock.release();
      lock.release();
      assertThat(lock.isValid()).isFalse();
      assertThat(ch.tryLock(5, 10, false).isValid()).isTrue();
    }
  }

  @Test
  void close_ofLock_releases() throws Exception {
    Path f = Files.writeString(fs.getPath("/f"), "x");
    try (FileChannel ch = FileChannel.open(f, READ, WRITE)) {
      try (FileLock lock = ch.lock()) {
        assertThat(lock.isValid()).isTrue();
      }
      assertThat(fs.locks().size()).isZero();
    }
  }
}
