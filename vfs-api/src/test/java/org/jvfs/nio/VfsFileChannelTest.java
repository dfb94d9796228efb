package org.jvfs.nio;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.DELETE_ON_CLOSE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsFileChannelTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  @Test
  void readWrite_movesPosition() throws IOException {
    Path f = fs.getPath("/f");
    try (FileChannel ch = FileChannel.open(f, READ, WRITE, CREATE)) {
      assertThat(ch).isInstanceOf(VfsFileChannel.class);
      assertThat(ch.write(ByteBuffer.wrap("hello".getBytes(UTF_8)))).isEqualTo(5);
      assertThat(ch.position()).isEqualTo(5);
      ch.position(1);
      ByteBuffer b = ByteBuffer.allocate(3);
      assertThat(ch.read(b)).isEqualTo(3);
      assertThat(new String(b.array(), UTF_8)).isEqualTo("ell");
      assertThat(ch.position()).isEqualTo(4);
    }
  }

  @Test
  void scatterGather_fillsBuffersInOrder() throws IOException {
    Path f = fs.getPath("/f");
    try (FileChannel ch = FileChannel.open(f, READ, WRITE, CREATE)) {
      ch.write(
          new ByteBuffer[] {ByteBuffer.wrap(new byte[] {1, 2}), ByteBuffer.wrap(new byte[] {3})});
      ch.position(0);
      ByteBuffer a = ByteBuffer.allocate(1);
      ByteBuffer b = ByteBuffer.allocate(5);
      assertThat(ch.read(new ByteBuffer[] {a, b})).isEqualTo(3);
      assertThat(b.position()).isEqualTo(2);
      assertThat(ch.read(new ByteBuffer[] {ByteBuffer.allocate(1)})).isEqualTo(-1);
    }
  }

  @Test
  void append_writesAtEndWhateverThePosition() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "abc");
    try (FileChannel ch = FileChannel.open(f, APPEND)) {
      ch.position(0);
      ch.write(ByteBuffer.wrap("d".getBytes(UTF_8)));
      assertThat(ch.position()).isEqualTo(4);
    }
    assertThat(Files.readString(f)).isEqualTo("abcd");
  }

  @Test
  void truncate_clampsPosition() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "abcdef");
    try (FileChannel ch = FileChannel.open(f, WRITE)) {
      ch.position(5);
      ch.truncate(2);
      assertThat(ch.size()).isEqualTo(2);
      assertThat(ch.position()).isEqualTo(2);
      ch.truncate(10);
      assertThat(ch.size()).isEqualTo(2);
    }
  }

  @Test
  void wrongMode_nonReadableNonWritable() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "x");
    try (FileChannel r = FileChannel.open(f, READ);
        FileChannel w = FileChannel.open(f, WRITE)) {
      assertThatThrownBy(() -> r.write(ByteBuffer.allocate(1)))
          .isInstanceOf(NonWritableChannelException.class);
      assertThatThrownBy(() -> r.truncate(0)).isInstanceOf(NonWritableChannelException.class);
      assertThatThrownBy(() -> w.read(ByteBuffer.allocate(1)))
          .isInstanceOf(NonReadableChannelException.class);
      assertThatThrownBy(() -> w.lock(0, 1, true)).isInstanceOf(NonReadableChannelException.class);
      assertThatThrownBy(() -> r.lock()).isInstanceOf(NonWritableChannelException.class);
    }
  }

  @Test
  void directory_readOnlyForceWorks_readFails() throws IOException {
    Path d = Files.createDirectory(fs.getPath("/d"));
    try (FileChannel ch = FileChannel.open(d, READ)) {
      ch.force(true);
      assertThatThrownBy(() -> ch.read(ByteBuffer.allocate(1)))
          .isInstanceOf(FileSystemException.class);
    }
    assertThatThrownBy(() -> FileChannel.open(d, WRITE)).isInstanceOf(FileSystemException.class);
  }

  @Test
  void map_unsupported() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "x");
    try (FileChannel ch = FileChannel.open(f, READ)) {
      assertThatThrownBy(() -> ch.map(FileChannel.MapMode.READ_ONLY, 0, 1))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void close_closesAsyncFileAndReleasesLocks() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "x");
    FileChannel ch = FileChannel.open(f, READ, WRITE);
    ch.lock();
    assertThat(fs.vfs().openFileCount()).isEqualTo(1);
    assertThat(fs.locks().size()).isEqualTo(1);

    ch.close();

    assertThat(fs.vfs().openFileCount()).isZero();
    assertThat(fs.locks().size()).isZero();
    assertThatThrownBy(ch::size).isInstanceOf(ClosedChannelException.class);
  }

  @Test
  void deleteOnClose_deletesAfterClose() throws IOException {
    Path f = fs.getPath("/tmp");
    try (FileChannel ch = FileChannel.open(f, WRITE, CREATE, DELETE_ON_CLOSE)) {
      ch.write(ByteBuffer.wrap(new byte[] {1}));
      assertThat(Files.exists(f)).isTrue();
    }
    assertThat(Files.exists(f)).isFalse();
  }

  @Test
  void afterFileSystemClose_closedChannel() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "x");
    FileChannel ch = FileChannel.open(f, READ);
    fs.close();
    assertThatThrownBy(() -> ch.read(ByteBuffer.allocate(1)))
        .isInstanceOf(ClosedChannelException.class);
    ch.close();
  }
}
