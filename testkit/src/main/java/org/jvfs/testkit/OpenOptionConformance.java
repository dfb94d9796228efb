package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Kit tests for {@code StandardOpenOption}s on streams and byte channels. */
abstract class OpenOptionConformance extends ConformanceGroup {

  OpenOptionConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  @Test
  void append_addsToEnd() throws IOException {
    Path file = file("f", "abc");

    Files.write(file, bytes("def"), APPEND);

    assertThat(read(file)).isEqualTo("abcdef");
  }

  @Test
  void append_missingWithoutCreate() {
    Path file = path("f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.write(file, bytes("x"), APPEND));
  }

  @Test
  void appendCreate_missing_createsFile() throws IOException {
    Path file = path("f");

    Files.write(file, bytes("x"), CREATE, APPEND);
    Files.write(file, bytes("y"), CREATE, APPEND);

    assertThat(read(file)).isEqualTo("xy");
  }

  @Test
  void createNew_missing_createsFile() throws IOException {
    Path file = path("f");

    try (OutputStream out = Files.newOutputStream(file, CREATE_NEW, WRITE)) {
      out.write(bytes("new"));
    }

    assertThat(read(file)).isEqualTo("new");
  }

  @Test
  void createNew_existing() throws IOException {
    Path file = file("f", "kept");

    assertThrowsFor(
        FileAlreadyExistsException.class,
        file,
        () -> Files.newOutputStream(file, CREATE_NEW, WRITE));
    assertThat(read(file)).isEqualTo("kept");
  }

  @Test
  void createNew_winsOverCreate() throws IOException {
    Path file = file("f", "kept");

    assertThrowsFor(
        FileAlreadyExistsException.class,
        file,
        () -> Files.newByteChannel(file, CREATE, CREATE_NEW, WRITE));
  }

  @Test
  void write_missingWithoutCreate() {
    Path file = path("f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.newOutputStream(file, WRITE));
  }

  @Test
  void write_withoutTruncate_overwritesInPlace() throws IOException {
    Path file = file("f", "abcdef");

    try (OutputStream out = Files.newOutputStream(file, WRITE)) {
      out.write(bytes("XY"));
    }

    assertThat(read(file)).isEqualTo("XYcdef");
  }

  @Test
  void truncateExisting_emptiesFileOnOpen() throws IOException {
    Path file = file("f", "abcdef");

    try (var channel = Files.newByteChannel(file, WRITE, TRUNCATE_EXISTING)) {
      assertThat(channel.size()).isZero();
    }

    assertThat(Files.size(file)).isZero();
  }

  @Test
  void truncateExisting_ignoredWhenOnlyReading() throws IOException {
    Path file = file("f", "abcdef");

    try (var channel = Files.newByteChannel(file, READ, TRUNCATE_EXISTING)) {
      assertThat(channel.size()).isEqualTo(6);
    }

    assertThat(read(file)).isEqualTo("abcdef");
  }

  @Test
  void create_ignoredWhenOnlyReading() {
    Path file = path("f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.newByteChannel(file, CREATE));
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void readWrite_sameChannelSeesOwnWrites() throws IOException {
    Path file = file("f", "hello");

    try (var channel = Files.newByteChannel(file, READ, WRITE)) {
      channel.position(5).write(ByteBuffer.wrap(bytes(" world")));
      ByteBuffer all = ByteBuffer.allocate(11);
      channel.position(0).read(all);
      assertThat(new String(all.array(), UTF_8)).isEqualTo("hello world");
    }
  }

  @Test
  void appendWithRead_rejected() throws IOException {
    Path file = file("f", "x");

    assertThatThrownBy(() -> Files.newByteChannel(file, READ, APPEND))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void appendWithTruncate_rejected() throws IOException {
    Path file = file("f", "x");

    assertThatThrownBy(() -> Files.newByteChannel(file, APPEND, TRUNCATE_EXISTING))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newOutputStream_withRead_rejected() throws IOException {
    Path file = file("f", "x");

    assertThatThrownBy(() -> Files.newOutputStream(file, READ))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newInputStream_withWrite_rejected() throws IOException {
    Path file = file("f", "x");

    assertThatThrownBy(() -> Files.newInputStream(file, WRITE))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Files.newInputStream(file, APPEND))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readOnlyChannel_rejectsWrites() throws IOException {
    Path file = file("f", "x");

    try (var channel = Files.newByteChannel(file, READ)) {
      assertThatThrownBy(() -> channel.write(ByteBuffer.wrap(bytes("y"))))
          .isInstanceOf(NonWritableChannelException.class);
    }
    assertThat(read(file)).isEqualTo("x");
  }

  @Test
  void writeOnlyChannel_rejectsReads() throws IOException {
    Path file = file("f", "x");

    try (var channel = Files.newByteChannel(file, WRITE)) {
      assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(1)))
          .isInstanceOf(NonReadableChannelException.class);
    }
  }

  @Test
  void noOptions_opensForReading() throws IOException {
    Path file = file("f", "abc");

    try (var channel = Files.newByteChannel(file)) {
      ByteBuffer buffer = ByteBuffer.allocate(3);
      assertThat(channel.read(buffer)).isEqualTo(3);
      assertThatThrownBy(() -> channel.write(ByteBuffer.wrap(bytes("y"))))
          .isInstanceOf(NonWritableChannelException.class);
    }
  }
}
