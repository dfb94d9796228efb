package org.jvfs.memory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FileContentTest {
  private final FileContent content = new FileContent();

  private byte[] readAll() {
    ByteBuffer dst = ByteBuffer.allocate((int) content.size());
    if (dst.hasRemaining()) {
      assertThat(content.read(dst, 0)).isEqualTo(dst.capacity());
    }
    return dst.array();
  }

  @Test
  void read_empty_returnsEndOfFile() {
    assertThat(content.read(ByteBuffer.allocate(4), 0)).isEqualTo(-1);
  }

  @Test
  void read_noRoom_returnsZero() {
    content.write(ByteBuffer.wrap("abc".getBytes(UTF_8)), 0);
    assertThat(content.read(ByteBuffer.allocate(0), 0)).isZero();
  }

  @Test
  void write_thenRead_roundTrips() {
    content.write(ByteBuffer.wrap("hello".getBytes(UTF_8)), 0);
    assertThat(content.size()).isEqualTo(5);
    assertThat(new String(readAll(), UTF_8)).isEqualTo("hello");
  }

  @Test
  void write_acrossBlocks_keepsEveryByte() {
    byte[] data = new byte[FileContent.BLOCK_SIZE * 3 + 17];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    content.write(ByteBuffer.wrap(data), 5);
    ByteBuffer dst = ByteBuffer.allocate(data.length);
    assertThat(content.read(dst, 5)).isEqualTo(data.length);
    assertThat(dst.array()).isEqualTo(data);
  }

  @Test
  void write_pastEnd_fillsGapWithZeros() {
    content.write(ByteBuffer.wrap(new byte[] {1}), 0);
    long far = FileContent.BLOCK_SIZE * 5L + 3;
    content.write(ByteBuffer.wrap(new byte[] {2}), far);
    assertThat(content.size()).isEqualTo(far + 1);
    byte[] all = readAll();
    assertThat(all[0]).isEqualTo((byte) 1);
    assertThat(all[(int) far]).isEqualTo((byte) 2);
    for (int i = 1; i < far; i++) {
      assertThat(all[i]).as("byte %s", i).isZero();
    }
  }

  @Test
  void read_partial_stopsAtEnd() {
    content.write(ByteBuffer.wrap("abcdef".getBytes(UTF_8)), 0);
    ByteBuffer dst = ByteBuffer.allocate(10);
    assertThat(content.read(dst, 4)).isEqualTo(2);
    assertThat(dst.position()).isEqualTo(2);
    assertThat(new String(dst.array(), 0, 2, UTF_8)).isEqualTo("ef");
  }

  @Test
  void truncate_thenExtend_readsZerosInCutPart() {
    content.write(ByteBuffer.wrap("abcdef".getBytes(UTF_8)), 0);
    content.truncate(2);
    content.truncate(6);
    assertThat(readAll()).containsExactly('a', 'b', 0, 0, 0, 0);
  }

  @Test
  void truncate_thenWritePastEnd_readsZerosInCutPart() {
    byte[] ones = new byte[FileContent.BLOCK_SIZE * 2];
    java.util.Arrays.fill(ones, (byte) 1);
    content.write(ByteBuffer.wrap(ones), 0);
    content.truncate(10);
    content.write(ByteBuffer.wrap(new byte[] {9}), FileContent.BLOCK_SIZE + 1);
    byte[] all = readAll();
    assertThat(all).hasSize(FileContent.BLOCK_SIZE + 2);
    for (int i = 10; i <= FileContent.BLOCK_SIZE; i++) {
      assertThat(all[i]).as("byte %s", i).isZero();
    }
    assertThat(all[FileContent.BLOCK_SIZE + 1]).isEqualTo((byte) 9);
  }

  @Test
  void truncate_sparseFile_extendsAndCutsWithoutBlocks() {
    content.truncate(FileContent.BLOCK_SIZE * 4L + 5);
    assertThat(content.size()).isEqualTo(FileContent.BLOCK_SIZE * 4L + 5);
    content.truncate(FileContent.BLOCK_SIZE + 1);
    assertThat(readAll()).containsOnly(0);
  }

  @Test
  void clear_dropsEverything() {
    content.write(ByteBuffer.wrap("abc".getBytes(UTF_8)), 0);
    content.clear();
    assertThat(content.size()).isZero();
    assertThat(content.read(ByteBuffer.allocate(1), 0)).isEqualTo(-1);
  }
}
