package org.jvfs.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Apache Commons Compress writing and reading zip and tar archives stored in jvfs, through its
 * Path-taking APIs: {@code ZipArchiveOutputStream(Path)} (a seekable channel it patches headers
 * through), {@code ZipFile.builder().setPath}, {@code TarFile(Path)}, and entries made from jvfs
 * files.
 */
class CommonsCompressIntegrationTest {

  /** Makes /src with a few files of known content; returns name to bytes. */
  private static Map<String, byte[]> fill(Path src) throws IOException {
    Map<String, byte[]> contents = new TreeMap<>();
    Random random = new Random(11);
    Files.createDirectories(src.resolve("docs"));
    for (int i = 0; i < 8; i++) {
      byte[] b = new byte[1000 * i * i];
      random.nextBytes(b);
      String name = (i % 2 == 0 ? "docs/" : "") + "f" + i + ".bin";
      Files.write(src.resolve(name), b);
      contents.put(name, b);
    }
    Files.writeString(src.resolve("docs/readme.txt"), "hello compress");
    contents.put("docs/readme.txt", "hello compress".getBytes(UTF_8));
    return contents;
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void zip_writtenThroughPathAndReadBack(boolean caching) throws IOException {
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path src = f.fs.getPath("/src");
      Map<String, byte[]> contents = fill(src);
      Path zip = f.fs.getPath("/out/archive.zip");
      Files.createDirectories(zip.getParent());
      try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
        assertThat(out.isSeekable()).isTrue();
        for (Map.Entry<String, byte[]> e : contents.entrySet()) {
          ArchiveEntry entry = out.createArchiveEntry(src.resolve(e.getKey()), e.getKey());
          out.putArchiveEntry((ZipArchiveEntry) entry);
          out.write(Files.readAllBytes(src.resolve(e.getKey())));
          out.closeArchiveEntry();
        }
      }

      Map<String, byte[]> read = new TreeMap<>();
      try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
        for (ZipArchiveEntry e : Collections.list(zf.getEntries())) {
          assertThat(e.getSize()).isEqualTo(contents.get(e.getName()).length);
          try (InputStream in = zf.getInputStream(e)) {
            read.put(e.getName(), in.readAllBytes());
          }
        }
      }
      assertThat(read.keySet()).isEqualTo(contents.keySet());
      contents.forEach((k, v) -> assertThat(read.get(k)).as(k).isEqualTo(v));
    }
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void tarGz_andTarFile_roundTrip(boolean caching) throws IOException {
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path src = f.fs.getPath("/src");
      Map<String, byte[]> contents = fill(src);
      Path tar = f.fs.getPath("/archive.tar");
      Path tgz = f.fs.getPath("/archive.tar.gz");
      try (OutputStream raw = Files.newOutputStream(tar);
          TarArchiveOutputStream out = new TarArchiveOutputStream(raw)) {
        write(out, src, contents);
      }
      try (OutputStream raw = Files.newOutputStream(tgz);
          GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw);
          TarArchiveOutputStream out = new TarArchiveOutputStream(gz)) {
        write(out, src, contents);
      }

      Map<String, byte[]> fromTarFile = new TreeMap<>();
      try (TarFile tf = new TarFile(tar)) {
        for (TarArchiveEntry e : tf.getEntries()) {
          try (InputStream in = tf.getInputStream(e)) {
            fromTarFile.put(e.getName(), in.readAllBytes());
          }
        }
      }
      Map<String, byte[]> fromTgz = new TreeMap<>();
      try (InputStream raw = Files.newInputStream(tgz);
          GzipCompressorInputStream gz = new GzipCompressorInputStream(raw);
          TarArchiveInputStream in = new TarArchiveInputStream(gz)) {
        for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          fromTgz.put(e.getName(), in.readAllBytes());
        }
      }
      for (Map<String, byte[]> read : java.util.List.of(fromTarFile, fromTgz)) {
        assertThat(read.keySet()).isEqualTo(contents.keySet());
        contents.forEach((k, v) -> assertThat(read.get(k)).as(k).isEqualTo(v));
      }
      assertThat(Files.size(tgz)).isLessThan(Files.size(tar));
    }
  }

  private static void write(TarArchiveOutputStream out, Path src, Map<String, byte[]> contents)
      throws IOException {
    out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    for (String name : contents.keySet()) {
      // An entry made from the jvfs file: its size, mtime and mode come from jvfs attributes.
      TarArchiveEntry entry = out.createArchiveEntry(src.resolve(name), name);
      assertThat(entry.getSize()).isEqualTo(contents.get(name).length);
      out.putArchiveEntry(entry);
      Files.copy(src.resolve(name), out);
      out.closeArchiveEntry();
    }
  }
}
