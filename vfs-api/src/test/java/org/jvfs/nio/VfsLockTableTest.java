package org.jvfs.nio;

import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsLockTableTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  @Test
  void acquire_overlapOnSameKeyRejected_otherKeysIndependent() throws Exception {
    VfsLockTable table = new VfsLockTable();
    Path f = Files.writeString(fs.getPath("/f"), "x");
    try (FileChannel ch = FileChannel.open(f, READ, WRITE)) {
      table.acquire("a", ch, 0, 10, false);
      assertThatThrownBy(() -> table.acquire("a", ch, 9, 5, true))
          .isInstanceOf(OverlappingFileLockException.class);
      assertThat(table.acquire("a", ch, 10, 5, true).isShared()).isTrue();
      assertThat(table.acquire("b", ch, 0, 10, false).isValid()).isTrue();
      assertThat(table.size()).isEqualTo(3);
    }
  }

  @Test
  void releaseAll_onlyThatChannelsLocks() throws Exception {
    VfsLockTable table = new VfsLockTable();
    Path f = Files.writeString(fs.getPath("/f"), "x");
    try (FileChannel a = FileChannel.open(f, READ, WRITE);
        FileChannel b = FileChannel.open(f, READ, WRITE)) {
      var la = table.acquire("k", a, 0, 1, false);
      var lb = table.acquire("k", b, 1, 1, false);
      table.releaseAll(a);
      assertThat(la.isValid()).isFalse();
      assertThat(lb.isValid()).isTrue();
      assertThat(table.size()).isEqualTo(1);
      table.acquire("k", b, 0, 1, false);
    }
  }

  @Test
  void hardLinks_shareOneKey() throws Exception {
    Path f = Files.writeString(fs.getPath("/f"), "x");
    Path g = Files.createLink(fs.getPath("/g"), f);
    try (FileChannel a = FileChannel.open(f, READ, WRITE);
        FileChannel b = FileChannel.open(g, READ, WRITE)) {
      a.lock();
      assertThatThrownBy(b::tryLock).isInstanceOf(OverlappingFileLockException.class);
    }
  }
}
