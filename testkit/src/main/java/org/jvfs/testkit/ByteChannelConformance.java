package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Kit tests for {@link SeekableByteChannel} position, size and truncation. */
abstract class ByteChannelConformance extends ConformanceGroup {

  ByteChannelConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  private static String readAt(SeekableByteChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    channel.position(position);
    while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
      // keep reading: a channel may return short reads
    }
    return new String(buffer.array(), 0, buffer.position(), UTF_8);
  }

  @Test
  void position_startsAtZeroAndAdvancesWithWrites() throws IOException {
    try (var channel = Files.newByteChannel(path("f"), READ, WRITE, CREATE)) {
      assertThat(channel.position()).isZero();
      assertThat(channel.write(ByteBuffer.wrap(bytes("abcd")))).isEqualTo(4);
      assertThat(channel.position()).isEqualTo(4);
      assertThat(channel.size()).isEqualTo(4);
    }
  }

  @Test
  void position_advancesWithReads() throws IOException {
    Path file = file("f", "abcdef");

    try (var channel = Files.newByteChannel(file, READ)) {
      assertThat(channel.read(ByteBuffer.allocate(4))).isEqualTo(4);
      assertThat(channel.position()).isEqualTo(4);
      assertThat(readAt(channel, 1, 2)).isEqualTo("bc");
      assertThat(channel.position()).isEqualTo(3);
    }
  }

  @Test
  void read_atEndOfFile_returnsMinusOne() throws IOException {
    Path file = file("f", "abc");

    try (var channel = Files.newByteChannel(file, READ)) {
      channel.position(3);
      assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
    }
  }

  @Test
  void read_positionPastEnd_returnsMinusOne() throws IOException {
    Path file = file("f", "abc");

    try (var channel = Files.newByteChannel(file, READ)) {
      assertThat(channel.position(100).position()).isEqualTo(100);
      assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
      assertThat(channel.size()).isEqualTo(3);
    }
  }

  @Test
  void write_pastEnd_zeroFillsTheGap() throws IOException {
    Path file = file("f", "ab");

    try (var channel = Files.newByteChannel(file, READ, WRITE)) {
      channel.position(10);
      channel.write(ByteBuffer.wrap(bytes("z")));
      assertThat(channel.size()).isEqualTo(11);
    }

    byte[] expected = new byte[11];
    expected[0] = 'a';
    expected[1] = 'b';
    expected[10] = 'z';
    assertThat(Files.readAllBytes(file)).isEqualTo(expected);
  }

  @Test
  void write_farPastEnd_sparseRegionReadsAsZeros() throws IOException {
    Path file = path("f");

    try (var channel = Files.newByteChannel(file, READ, WRITE, CREATE)) {
      channel.position(1 << 20);
      channel.write(ByteBuffer.wrap(bytes("!")));
      ByteBuffer middle = ByteBuffer.allocate(4096);
      channel.position(512 * 1024).read(middle);
      assertThat(middle.array()).containsOnly((byte) 0);
    }
    assertThat(Files.size(file)).isEqualTo((1 << 20) + 1);
  }

  @Test
  void truncate_shrinksFileAndClampsPosition() throws IOException {
    Path file = file("f", "abcdef");

    try (var channel = Files.newByteChannel(file, READ, WRITE)) {
      channel.position(5);
      channel.truncate(2);
      assertThat(channel.size()).isEqualTo(2);
      assertThat(channel.position()).isEqualTo(2);
    }
    assertThat(read(file)).isEqualTo("ab");
  }

  @Test
  void truncate_largerThanSize_doesNotGrow() throws IOException {
    Path file = file("f", "abc");

    try (var channel = Files.newByteChannel(file, WRITE)) {
      channel.truncate(100);
      assertThat(channel.size()).isEqualTo(3);
    }
    assertThat(Files.size(file)).isEqualTo(3);
  }

  @Test
  void truncate_thenWriteAtOldEnd_leavesZeroGap() throws IOException {
    Path file = file("f", "abcdef");

    try (var channel = Files.newByteChannel(file, READ, WRITE)) {
      channel.truncate(1);
      channel.position(4).write(ByteBuffer.wrap(bytes("x")));
    }
    assertThat(Files.readAllBytes(file)).containsExactly('a', 0, 0, 0, 'x');
  }

  @Test
  void append_writesAtEndWhateverThePosition() throws IOException {
    Path file = file("f", "abc");

    try (var channel = Files.newByteChannel(file, APPEND)) {
      channel.position(0);
      channel.write(ByteBuffer.wrap(bytes("d")));
      assertThat(channel.size()).isEqualTo(4);
    }
    assertThat(read(file)).isEqualTo("abcd");
  }

  @Test
  void position_negative_rejected() throws IOException {
    Path file = file("f", "abc");

    try (var channel = Files.newByteChannel(file, READ)) {
      assertThatThrownBy(() -> channel.position(-1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void truncate_negative_rejected() throws IOException {
    Path file = file("f", "abc");

    try (var channel = Files.newByteChannel(file, WRITE)) {
      assertThatThrownBy(() -> channel.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void closedChannel_rejectsEverything() throws IOException {
    Path file = file("f", "abc");
    var channel = Files.newByteChannel(file, READ, WRITE);
    channel.close();

    assertThat(channel.isOpen()).isFalse();
    assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(1)))
        .isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(() -> channel.write(ByteBuffer.allocate(1)))
        .isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(channel::size).isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(channel::position).isInstanceOf(ClosedChannelException.class);
    channel.close(); // closing twice is allowed
  }

  @Test
  void twoChannels_seeEachOthersWrites() throws IOException {
    Path file = file("f", "......");

    try (var writer = Files.newByteChannel(file, WRITE);
        var reader = Files.newByteChannel(file, READ)) {
      writer.position(2).write(ByteBuffer.wrap(bytes("ab")));
      assertThat(readAt(reader, 0, 6)).isEqualTo("..ab..");
      writer.position(6).write(ByteBuffer.wrap(bytes("!")));
      assertThat(reader.size()).isEqualTo(7);
    }
  }
}
