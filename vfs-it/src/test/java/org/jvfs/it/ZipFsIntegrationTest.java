package org.jvfs.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDK's zip file system creating, filling and reading a zip stored in a jvfs file. */
class ZipFsIntegrationTest {

  @TempDir Path tmp;

  private static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void zipfs_createFillRead_insideJvfs(boolean caching) throws IOException {
    byte[] big = randomBytes(1 << 20, 42);
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path zip = Files.createDirectories(f.fs.getPath("/archives")).resolve("site.zip");
      try (FileSystem zfs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
        Files.createDirectories(zfs.getPath("/www/img"));
        Files.writeString(zfs.getPath("/www/index.html"), "<h1>hi</h1>");
        Files.write(zfs.getPath("/www/img/big.bin"), big);
        for (int i = 0; i < 50; i++) {
          Files.writeString(zfs.getPath("/www/page" + i + ".txt"), "page " + i);
        }
      }
      assertThat(Files.isRegularFile(zip)).isTrue();
      assertThat(Files.size(zip)).isGreaterThan(1 << 20); // random bytes do not deflate

      // Read back through zipfs, reopened on the same jvfs file.
      try (FileSystem zfs = FileSystems.newFileSystem(zip)) {
        assertThat(Files.readString(zfs.getPath("/www/index.html"))).isEqualTo("<h1>hi</h1>");
        assertThat(Files.readAllBytes(zfs.getPath("/www/img/big.bin"))).isEqualTo(big);
        assertThat(Files.readString(zfs.getPath("/www/page37.txt"))).isEqualTo("page 37");
        try (Stream<Path> all = Files.walk(zfs.getPath("/"))) {
          assertThat(all.filter(Files::isRegularFile).count()).isEqualTo(52);
        }
        // Change it in place: zipfs rewrites the whole jvfs file on close.
        Files.delete(zfs.getPath("/www/page0.txt"));
        Files.writeString(zfs.getPath("/www/index.html"), "<h1>bye</h1>");
      }
      try (FileSystem zfs = FileSystems.newFileSystem(zip)) {
        assertThat(Files.exists(zfs.getPath("/www/page0.txt"))).isFalse();
        assertThat(Files.readString(zfs.getPath("/www/index.html"))).isEqualTo("<h1>bye</h1>");
      }

      // The bytes are a real zip: java.util.zip reads them from a copy on the default file system.
      Path copy = Files.copy(zip, tmp.resolve("copy.zip"));
      Map<String, byte[]> entries = new TreeMap<>();
      try (ZipFile zf = new ZipFile(copy.toFile())) {
        List<ZipEntry> list = new ArrayList<>(zf.stream().toList());
        for (ZipEntry e : list) {
          if (!e.isDirectory()) {
            try (InputStream in = zf.getInputStream(e)) {
              entries.put(e.getName(), in.readAllBytes());
            }
          }
        }
      }
      assertThat(entries).hasSize(51);
      assertThat(entries.get("www/img/big.bin")).isEqualTo(big);
      assertThat(new String(entries.get("www/index.html"), UTF_8)).isEqualTo("<h1>bye</h1>");
    }
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void zipfs_zipMadeOnDefaultFileSystem_readFromJvfs(boolean caching) throws IOException {
    Path onDisk = tmp.resolve("disk.zip");
    try (FileSystem zfs = FileSystems.newFileSystem(onDisk, Map.of("create", "true"))) {
      Files.writeString(zfs.getPath("/a.txt"), "from the default provider");
    }
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path zip = Files.copy(onDisk, f.fs.getPath("/disk.zip"));
      try (FileSystem zfs = FileSystems.newFileSystem(zip)) {
        assertThat(Files.readString(zfs.getPath("/a.txt"))).isEqualTo("from the default provider");
        assertThat(zfs.provider().getScheme()).isEqualTo("jar");
      }
    }
  }
}
