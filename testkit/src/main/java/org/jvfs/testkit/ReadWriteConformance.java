package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Kit tests for whole-file reads and writes and for stream, reader and writer access. */
abstract class ReadWriteConformance extends ConformanceGroup {

  ReadWriteConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  @Test
  void write_thenReadAllBytes_roundTrips() throws IOException {
    byte[] data = new byte[100_000];
    new Random(42).nextBytes(data);
    Path file = path("f");

    assertThat(Files.write(file, data)).isEqualTo(file);

    assertThat(Files.readAllBytes(file)).isEqualTo(data);
    assertThat(Files.size(file)).isEqualTo(data.length);
  }

  @Test
  void write_emptyArray_createsEmptyFile() throws IOException {
    Path file = Files.write(path("f"), new byte[0]);

    assertThat(Files.readAllBytes(file)).isEmpty();
    assertThat(Files.size(file)).isZero();
  }

  @Test
  void write_existingFile_truncatesByDefault() throws IOException {
    Path file = file("f", "a long original content");

    Files.write(file, bytes("short"));

    assertThat(read(file)).isEqualTo("short");
  }

  @Test
  void writeString_thenReadString_nonAscii() throws IOException {
    String text = "grüße, 世界, \uD83D\uDE00";
    Path file = path("f");

    Files.writeString(file, text);

    assertThat(Files.readString(file)).isEqualTo(text);
    assertThat(Files.size(file)).isEqualTo(text.getBytes(UTF_8).length);
  }

  @Test
  void writeString_otherCharset_storesThatEncoding() throws IOException {
    Path file = Files.writeString(path("f"), "é", StandardCharsets.ISO_8859_1);

    assertThat(Files.readAllBytes(file)).containsExactly((byte) 0xe9);
  }

  @Test
  void write_lines_thenReadAllLines() throws IOException {
    Path file = Files.write(path("f"), List.of("one", "two", "", "four"));

    assertThat(Files.readAllLines(file)).containsExactly("one", "two", "", "four");
    try (var lines = Files.lines(file)) {
      assertThat(lines).containsExactly("one", "two", "", "four");
    }
  }

  @Test
  void newBufferedWriter_thenNewBufferedReader() throws IOException {
    Path file = path("f");

    try (var writer = Files.newBufferedWriter(file)) {
      writer.write("first");
      writer.newLine();
      writer.write("second");
    }

    try (var reader = Files.newBufferedReader(file)) {
      assertThat(reader.readLine()).isEqualTo("first");
      assertThat(reader.readLine()).isEqualTo("second");
      assertThat(reader.readLine()).isNull();
    }
  }

  @Test
  void newOutputStream_thenNewInputStream_byteByByte() throws IOException {
    Path file = path("f");
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < 300; i++) {
        out.write(i);
      }
    }

    try (InputStream in = Files.newInputStream(file)) {
      for (int i = 0; i < 300; i++) {
        assertThat(in.read()).isEqualTo(i & 0xff);
      }
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void newInputStream_skip_movesForward() throws IOException {
    Path file = file("f", "0123456789");

    try (InputStream in = Files.newInputStream(file)) {
      assertThat(in.skip(4)).isEqualTo(4);
      assertThat(new String(in.readNBytes(3), UTF_8)).isEqualTo("456");
    }
  }

  @Test
  void readAllBytes_missing() {
    Path file = path("f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.readAllBytes(file));
  }

  @Test
  void newInputStream_missing() {
    Path file = path("f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.newInputStream(file));
  }

  @Test
  void readAllBytes_directory() throws IOException {
    Path dir = dir("d");

    // The JDK opens the directory read-only and fails on the first read (EISDIR), with a plain
    // IOException that names no file.
    assertThatThrownBy(() -> Files.readAllBytes(dir)).isInstanceOf(IOException.class);
  }

  @Test
  void readString_directory() throws IOException {
    Path dir = dir("d");

    assertThatThrownBy(() -> Files.readString(dir)).isInstanceOf(IOException.class);
  }

  @Test
  void newOutputStream_directory() throws IOException {
    Path dir = dir("d");

    FileSystemException e =
        assertThrowsFor(FileSystemException.class, dir, () -> Files.newOutputStream(dir));
    assertThat(e).isNotInstanceOf(NoSuchFileException.class);
  }

  @Test
  void write_directory() throws IOException {
    Path dir = dir("d");

    assertThrowsFor(FileSystemException.class, dir, () -> Files.write(dir, bytes("x")));
    assertThat(Files.isDirectory(dir)).isTrue();
  }

  @Test
  void write_readAfterEachWrite_seesLatestContent() throws IOException {
    Path file = path("f");
    for (int i = 0; i < 5; i++) {
      Files.writeString(file, "round " + i);

      assertThat(read(file)).isEqualTo("round " + i);
    }
  }
}
