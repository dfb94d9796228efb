package org.jvfs.nio;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessMode;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Bad input through {@code java.nio}: foreign paths, encoded traversal, NUL bytes, every kind of
 * call after close, and close racing blocking channel calls in flight.
 */
class VfsBadInputTest {

  @Test
  void foreignPath_everyTwoPathCallAndPathMethod_providerMismatch() throws IOException {
    try (VfsFileSystem fs = NioFixture.newFileSystem()) {
      Path mine = Files.writeString(fs.getPath("/f"), "x");
      Path foreign = Path.of("/tmp");
      VfsFileSystemProvider provider = fs.provider();
      List<ThrowingCallable> calls =
          List.of(
              () -> mine.resolve(foreign),
              () -> mine.relativize(foreign),
              () -> mine.resolveSibling(foreign),
              () -> provider.newByteChannel(foreign, java.util.Set.of()),
              () -> provider.newDirectoryStream(foreign, p -> true),
              () -> provider.createDirectory(foreign),
              () -> provider.copy(foreign, mine),
              () -> provider.move(mine, foreign),
              () -> provider.createLink(fs.getPath("/l"), foreign),
              () -> provider.readSymbolicLink(foreign),
              () -> provider.checkAccess(foreign, AccessMode.READ),
              () -> provider.getFileStore(foreign),
              () -> provider.setAttribute(foreign, "lastModifiedTime", FileTime.fromMillis(0)),
              () -> provider.readAttributes(foreign, "*"));
      for (ThrowingCallable call : calls) {
        assertThatThrownBy(call).isInstanceOf(ProviderMismatchException.class);
      }
      assertThat(mine.startsWith(foreign)).isFalse();
      assertThat(mine.endsWith(foreign)).isFalse();
      assertThat(mine.equals(foreign)).isFalse();
      assertThat(Files.readString(mine)).isEqualTo("x");
    }
  }

  @Test
  void secureDirectoryStream_foreignPath_providerMismatch() throws IOException {
    try (VfsFileSystem fs = NioFixture.newFileSystem()) {
      Files.createDirectory(fs.getPath("/d"));
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(fs.getPath("/d"))) {
        SecureDirectoryStream<Path> sds = (SecureDirectoryStream<Path>) ds;
        Path foreign = Path.of("x");
        assertThatThrownBy(() -> sds.deleteFile(foreign))
            .isInstanceOf(ProviderMismatchException.class);
        assertThatThrownBy(() -> sds.newDirectoryStream(foreign))
            .isInstanceOf(ProviderMismatchException.class);
        assertThatThrownBy(() -> sds.move(fs.getPath("a"), sds, foreign))
            .isInstanceOf(ProviderMismatchException.class);
      }
    }
  }

  @Test
  void uri_nulOrEncodedTraversalOrSlash_rejected_fileSystemUnharmed() throws IOException {
    try (VfsFileSystem fs = NioFixture.newFileSystem()) {
      Files.writeString(fs.getPath("/secret"), "s");
      String base = "jvfs://" + fs.name();
      for (String bad :
          new String[] {
            "/a%00b", "/a/%2E%2E/secret", "/%2e%2e", "/a/.%2E/secret", "/a%2F..%2Fsecret", "/a%2fb"
          }) {
        assertThatThrownBy(() -> Path.of(URI.create(base + bad)))
            .as(bad)
            .isInstanceOf(IllegalArgumentException.class);
      }
      // A literal ".." in a URI is normalized away by the path, never above the root.
      assertThat(Files.readString(Path.of(URI.create(base + "/secret")))).isEqualTo("s");
      assertThat(Files.exists(fs.getPath("/a"))).isFalse();
    }
  }

  @Test
  void nulInName_invalidPath_everywhereAPathIsMade() throws IOException {
    try (VfsFileSystem fs = NioFixture.newFileSystem()) {
      Path dir = fs.getPath("/");
      assertThatThrownBy(() -> fs.getPath("/a\u0000")).isInstanceOf(InvalidPathException.class);
      assertThatThrownBy(() -> dir.resolve("b\u0000c")).isInstanceOf(InvalidPathException.class);
      assertThatThrownBy(() -> dir.resolveSibling("\u0000"))
          .isInstanceOf(InvalidPathException.class);
      try (var names = Files.list(dir)) {
        assertThat(names).isEmpty();
      }
    }
  }

  @Test
  void afterClose_everyFileOperation_closedFileSystemException() throws IOException {
    VfsFileSystem fs = NioFixture.newFileSystem();
    Path f = Files.writeString(fs.getPath("/f"), "x");
    Path d = Files.createDirectory(fs.getPath("/d"));
    BasicFileAttributeView view = Files.getFileAttributeView(f, BasicFileAttributeView.class);
    fs.close();

    List<ThrowingCallable> calls =
        List.of(
            () -> Files.newByteChannel(f),
            () -> FileChannel.open(f, StandardOpenOption.READ),
            () -> AsynchronousFileChannel.open(f, StandardOpenOption.READ),
            () -> Files.newInputStream(f),
            () -> Files.newOutputStream(f),
            () -> Files.newBufferedReader(f),
            () -> Files.readAllBytes(f),
            () -> Files.write(f, new byte[1]),
            () -> Files.newDirectoryStream(d),
            () -> Files.list(d),
            () -> Files.walk(d),
            () -> Files.createDirectory(fs.getPath("/e")),
            () -> Files.createDirectories(fs.getPath("/e/f")),
            () -> Files.createFile(fs.getPath("/g")),
            () -> Files.delete(f),
            () -> Files.deleteIfExists(f),
            () -> Files.copy(f, fs.getPath("/h")),
            () -> Files.move(f, fs.getPath("/h")),
            () -> Files.createSymbolicLink(fs.getPath("/l"), f),
            () -> Files.createLink(fs.getPath("/l"), f),
            () -> Files.readSymbolicLink(f),
            () -> Files.readAttributes(f, BasicFileAttributes.class),
            () -> Files.readAttributes(f, "posix:*"),
            () -> Files.setAttribute(f, "lastModifiedTime", FileTime.fromMillis(0)),
            () -> Files.setLastModifiedTime(f, FileTime.fromMillis(0)),
            () -> view.readAttributes(),
            () -> Files.size(f),
            () -> Files.getFileStore(f),
            () -> Files.isSameFile(f, d),
            () -> Files.isHidden(f),
            () -> fs.provider().checkAccess(f),
            () -> f.toRealPath(),
            () -> f.register(fs.newWatchService()),
            fs::newWatchService,
            fs::getFileStores,
            () -> AsyncPaths.readAllBytes(f),
            () -> AsyncPaths.open(f));
    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call).isInstanceOf(ClosedFileSystemException.class);
    }
    // ClosedFileSystemException is unchecked, so Files.isDirectory and friends throw it too.
    assertThatThrownBy(() -> Files.isDirectory(d)).isInstanceOf(ClosedFileSystemException.class);
    // Path operations need no file system.
    assertThat(f.resolveSibling("g").toString()).isEqualTo("/g");
    assertThat(f.toUri().toString()).isEqualTo("jvfs://" + fs.name() + "/f");
  }

  @Test
  void closeRacingBlockingChannels_everyCallEndsAndNothingLeaks() throws Exception {
    VfsFileSystem fs = NioFixture.newFileSystem();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch started = new CountDownLatch(threads);
    List<Future<Integer>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        Path p = fs.getPath("/w" + t);
        workers.add(
            pool.submit(
                () -> {
                  int done = 0;
                  started.countDown();
                  while (true) {
                    try (FileChannel ch =
                        FileChannel.open(
                            p,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.READ)) {
                      ch.write(ByteBuffer.wrap("racing".getBytes(UTF_8)), 0);
                      ch.force(true);
                      ByteBuffer b = ByteBuffer.allocate(6);
                      ch.read(b, 0);
                      try (InputStream in = Files.newInputStream(p)) {
                        in.readAllBytes();
                      }
                      done++;
                    } catch (ClosedFileSystemException | ClosedChannelException e) {
                      // ClosedChannelException includes AsynchronousCloseException.
                      return done;
                    }
                  }
                }));
      }
      started.await();
      Thread.sleep(50);
      fs.close();
      for (Future<Integer> w : workers) {
        // Every worker ends (no hang) with a clean close error, none with anything else.
        assertThat(w.get(30, TimeUnit.SECONDS)).isNotNegative();
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(fs.vfs().openFileCount()).isZero();
    assertThat(fs.vfs().pendingOperations()).isZero();
  }

  @Test
  void channelsOpenAtClose_failClosedAfterwards() throws IOException {
    VfsFileSystem fs = NioFixture.newFileSystem();
    Path f = Files.writeString(fs.getPath("/f"), "abc");
    FileChannel ch = FileChannel.open(f, StandardOpenOption.READ);
    InputStream in = Files.newInputStream(f);
    fs.close();
    assertThatThrownBy(() -> ch.read(ByteBuffer.allocate(3), 0))
        .isInstanceOfAny(ClosedChannelException.class, ClosedFileSystemException.class);
    assertThatThrownBy(in::read)
        .isInstanceOfAny(
            ClosedChannelException.class, ClosedFileSystemException.class, IOException.class);
    ch.close();
    in.close();
    assertThat(ch.isOpen()).isFalse();
    assertThat(fs.vfs().openFileCount()).isZero();
    assertThatThrownBy(() -> Files.newByteChannel(f)).isInstanceOf(ClosedFileSystemException.class);
  }
}
