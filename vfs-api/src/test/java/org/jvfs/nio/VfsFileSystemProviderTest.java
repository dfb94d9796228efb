package org.jvfs.nio;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.jvfs.LookupResult;

class VfsFileSystemProviderTest {

  private static URI uri(String name) {
    return URI.create("jvfs://" + name);
  }

  @Test
  void installed_schemeJvfs() {
    assertThat(VfsFileSystems.provider().getScheme()).isEqualTo("jvfs");
    assertThat(java.nio.file.spi.FileSystemProvider.installedProviders())
        .anySatisfy(p -> assertThat(p).isInstanceOf(VfsFileSystemProvider.class));
  }

  @Test
  void newFileSystem_thenGetFileSystemAndPath() throws IOException {
    try (FileSystem fs = FileSystems.newFileSystem(uri("prov-a"), Map.of())) {
      assertThat(FileSystems.getFileSystem(uri("prov-a"))).isSameAs(fs);
      Path p = Path.of(URI.create("jvfs://prov-a/x/y"));
      assertThat(p.getFileSystem()).isSameAs(fs);
      assertThat(p.toString()).isEqualTo("/x/y");
    }
  }

  @Test
  void checkAccess_ofACachedAbsence_isTheStatsExceptionWithoutItsTrace() throws IOException {
    try (FileSystem fs = FileSystems.newFileSystem(uri("prov-absent"), Map.of())) {
      Files.createDirectories(fs.getPath("/d"));
      Files.writeString(fs.getPath("/d/f"), "f");
      Path absent = fs.getPath("/d/none");
      Path underFile = fs.getPath("/d/f/x");
      Path deep = fs.getPath("/gone/x");
      for (int pass = 0; pass < 2; pass++) { // the second pass answers from the cache
        assertThat(Files.exists(absent)).isFalse();
        assertThat(Files.notExists(absent)).isTrue();
        assertThat(Files.exists(underFile)).isFalse();
        assertThat(Files.notExists(underFile)).isFalse(); // ENOTDIR: not a NoSuchFileException
        assertThat(Files.notExists(deep)).isTrue();
      }
      assertThat(((VfsFileSystem) fs).vfs().lookupNow("/d/none").status())
          .isEqualTo(LookupResult.Status.ABSENT);
      assertThatThrownBy(() -> fs.provider().checkAccess(absent))
          .isInstanceOf(java.nio.file.NoSuchFileException.class)
          .hasMessage("/d/none")
          .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
      // With modes, and under a file, the stat answers, with its exception and its trace.
      assertThatThrownBy(() -> fs.provider().checkAccess(absent, java.nio.file.AccessMode.READ))
          .isInstanceOf(java.nio.file.NoSuchFileException.class)
          .satisfies(e -> assertThat(e.getStackTrace()).isNotEmpty());
      assertThatThrownBy(() -> fs.provider().checkAccess(underFile))
          .isInstanceOf(java.nio.file.FileSystemException.class)
          .isNotInstanceOf(java.nio.file.NoSuchFileException.class);
    }
  }

  @Test
  void newFileSystem_twice_alreadyExists() throws IOException {
    try (FileSystem fs = FileSystems.newFileSystem(uri("prov-b"), Map.of())) {
      assertThatThrownBy(() -> FileSystems.newFileSystem(uri("prov-b"), Map.of()))
          .isInstanceOf(FileSystemAlreadyExistsException.class);
      assertThat(fs.isOpen()).isTrue();
    }
  }

  @Test
  void close_freesNameAndFailsLaterCalls() throws IOException {
    FileSystem fs = FileSystems.newFileSystem(uri("prov-c"), Map.of());
    Path file = Files.writeString(fs.getPath("/f"), "x");
    fs.close();
    fs.close();

    assertThat(fs.isOpen()).isFalse();
    assertThatThrownBy(() -> FileSystems.getFileSystem(uri("prov-c")))
        .isInstanceOf(FileSystemNotFoundException.class);
    assertThatThrownBy(() -> Path.of(URI.create("jvfs://prov-c/f")))
        .isInstanceOf(FileSystemNotFoundException.class);
    assertThatThrownBy(() -> Files.readString(file)).isInstanceOf(ClosedFileSystemException.class);
    assertThatThrownBy(() -> Files.exists(file)).isInstanceOf(ClosedFileSystemException.class);
    assertThatThrownBy(() -> Files.createDirectory(fs.getPath("/d")))
        .isInstanceOf(ClosedFileSystemException.class);
    assertThatThrownBy(() -> Files.newDirectoryStream(fs.getPath("/")))
        .isInstanceOf(ClosedFileSystemException.class);
    assertThatThrownBy(fs::newWatchService).isInstanceOf(ClosedFileSystemException.class);
    assertThat(file.resolve("g").toString()).isEqualTo("/f/g");
    try (FileSystem again = FileSystems.newFileSystem(uri("prov-c"), Map.of())) {
      assertThat(Files.exists(again.getPath("/f"))).isFalse();
    }
  }

  @Test
  void newFileSystem_envKeys() throws IOException {
    Map<String, Object> env = new HashMap<>();
    env.put("backend", "memory");
    env.put("backendConfig", Map.of("space", 4096L));
    env.put("caching", "false");
    env.put("maximumDentries", 10);
    env.put("maximumNegativeDentries", "5");
    env.put("maxInFlight", 8L);
    env.put("coherencePolicy", "ttl:PT1S");
    env.put("completionExecutor", (java.util.concurrent.Executor) Runnable::run);
    try (FileSystem fs = FileSystems.newFileSystem(uri("prov-d"), env)) {
      assertThat(Files.getFileStore(fs.getPath("/")).getTotalSpace()).isEqualTo(4096);
    }
  }

  @Test
  void newFileSystem_badEnvOrUri_rejected() {
    assertThatThrownBy(() -> FileSystems.newFileSystem(uri("prov-e"), Map.of("nope", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> FileSystems.newFileSystem(uri("prov-e"), Map.of("backend", "tape")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FileSystems.newFileSystem(URI.create("jvfs://prov-e/sub"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FileSystems.getFileSystem(uri("prov-e")))
        .isInstanceOf(FileSystemNotFoundException.class);
  }

  @Test
  void newFileSystem_badMaxInFlightOrTtl_namesKeyValueAndForm() {
    assertThatThrownBy(
            () -> FileSystems.newFileSystem(uri("prov-m"), Map.of("maxInFlight", Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxInFlight: bad value 9223372036854775807; accepted: ")
        .hasMessageContaining("from 1 to 2147483647");
    assertThatThrownBy(
            () -> FileSystems.newFileSystem(uri("prov-m"), Map.of("coherencePolicy", "ttl:10")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("coherencePolicy: bad value \"ttl:10\"; accepted: ")
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> FileSystems.getFileSystem(uri("prov-m")))
        .isInstanceOf(FileSystemNotFoundException.class);
  }

  @Test
  void getPath_encodedTraversalOrSlash_rejected() throws IOException {
    try (FileSystem fs = FileSystems.newFileSystem(uri("prov-f"), Map.of())) {
      assertThatThrownBy(() -> Path.of(URI.create("jvfs://prov-f/a/%2E%2E/etc")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Path.of(URI.create("jvfs://prov-f/a%2Fb")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(fs.isOpen()).isTrue();
    }
  }

  @Test
  void foreignPath_providerMismatch() throws IOException {
    try (VfsFileSystem fs = NioFixture.newFileSystem()) {
      VfsFileSystemProvider provider = fs.provider();
      Path foreign = Path.of("/tmp");
      assertThatThrownBy(() -> provider.delete(foreign))
          .isInstanceOf(ProviderMismatchException.class);
      assertThatThrownBy(() -> provider.readAttributes(foreign, BasicFileAttributes.class))
          .isInstanceOf(ProviderMismatchException.class);
      assertThatThrownBy(() -> provider.createSymbolicLink(fs.getPath("/l"), foreign))
          .isInstanceOf(ProviderMismatchException.class);
      assertThat(provider.isSameFile(fs.getPath("/"), foreign)).isFalse();
    }
  }

  @Test
  void exists_cachedAbsentPath_answeredFromCacheWithoutLookup() throws IOException {
    try (VfsFileSystem fs = NioFixture.newFileSystem()) {
      Path missing = fs.getPath("/missing");
      assertThat(fs.provider().exists(missing)).isFalse();
      assertThat(fs.vfs().lookupNow("/missing").status()).isEqualTo(LookupResult.Status.ABSENT);
      long loads = fs.vfs().cacheStats().loadCount();
      long negativeHits = fs.vfs().cacheStats().negativeHitCount();

      assertThat(fs.provider().exists(missing)).isFalse();
      assertThat(fs.provider().readAttributesIfExists(missing, BasicFileAttributes.class)).isNull();
      assertThat(fs.vfs().cacheStats().loadCount()).isEqualTo(loads);
      // A repeated lookupNow is answered by the front cache, which counts nothing.
      assertThat(fs.vfs().cacheStats().negativeHitCount()).isGreaterThanOrEqualTo(negativeHits);
    }
  }

  @Test
  void readAttributesIfExists_presentFile_basicAndPosix() throws IOException {
    try (VfsFileSystem fs = NioFixture.newFileSystem()) {
      Path f = Files.writeString(fs.getPath("/f"), "abc");
      assertThat(fs.provider().exists(f)).isTrue();
      assertThat(fs.provider().readAttributesIfExists(f, BasicFileAttributes.class).size())
          .isEqualTo(3);
      assertThat(fs.provider().readAttributesIfExists(f, PosixFileAttributes.class).permissions())
          .isNotEmpty();
    }
  }

  @Test
  void streams_roundTrip() throws IOException {
    try (VfsFileSystem fs = NioFixture.newFileSystem()) {
      Path f = fs.getPath("/s");
      try (OutputStream out = Files.newOutputStream(f)) {
        out.write("stream".getBytes(UTF_8));
      }
      try (InputStream in = Files.newInputStream(f)) {
        assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("stream");
      }
    }
  }

  @Test
  void close_racingOperations_everyFutureCompletesNothingLeaks() throws Exception {
    VfsFileSystem fs = NioFixture.newFileSystem();
    Files.createDirectories(fs.getPath("/d"));
    List<CompletableFuture<?>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Path p = fs.getPath("/d/f" + i);
      futures.add(AsyncPaths.write(p, new byte[] {1}));
      futures.add(AsyncPaths.open(p).thenCompose(org.jvfs.AsyncFile::close));
      futures.add(AsyncPaths.readAllBytes(p));
    }
    fs.close();

    CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
        .handle((v, e) -> null)
        .get(30, TimeUnit.SECONDS);
    assertThat(futures).allSatisfy(f -> assertThat(f).isDone());
    assertThat(fs.vfs().openFileCount()).isZero();
    assertThat(fs.vfs().pendingOperations()).isZero();
    assertThatThrownBy(() -> AsyncPaths.stat(fs.getPath("/d")))
        .isInstanceOf(ClosedFileSystemException.class);
  }

  @Test
  void zipfs_opensZipStoredInJvfsFile() throws IOException {
    try (VfsFileSystem fs = NioFixture.newFileSystem()) {
      Path zip = fs.getPath("/archive.zip");
      try (FileSystem zfs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
        Files.writeString(zfs.getPath("/hello.txt"), "zipped in jvfs");
        Files.createDirectories(zfs.getPath("/dir/sub"));
      }
      assertThat(Files.size(zip)).isPositive();

      try (FileSystem zfs = FileSystems.newFileSystem(zip)) {
        assertThat(Files.readString(zfs.getPath("/hello.txt"))).isEqualTo("zipped in jvfs");
        assertThat(Files.isDirectory(zfs.getPath("/dir/sub"))).isTrue();
      }
    }
  }
}
