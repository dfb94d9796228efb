package org.jvfs.testkit;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.DELETE_ON_CLOSE;
import static java.nio.file.StandardOpenOption.DSYNC;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.SYNC;
import static java.nio.file.StandardOpenOption.WRITE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Kit tests for what libraries ask of a provider beyond plain file IO: the secure directory stream
 * Guava's {@code MoreFiles.deleteRecursively} takes, a FileChannel on a directory for {@code force}
 * (databases make renames durable so), SYNC and DSYNC, DELETE_ON_CLOSE, locks shared by channels of
 * one JVM, URIs that round-trip, memory mapping, and modify events.
 */
abstract class ProviderConformance extends ConformanceGroup {

  ProviderConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  private SecureDirectoryStream<Path> secure(Path dir) throws IOException {
    assume(Feature.SECURE_DIRECTORY_STREAM);
    DirectoryStream<Path> stream = Files.newDirectoryStream(dir);
    assertThat(stream).isInstanceOf(SecureDirectoryStream.class);
    return (SecureDirectoryStream<Path>) stream;
  }

  /** Deletes the contents of a directory as Guava's secure path does: relative to the stream. */
  private static void deleteContents(SecureDirectoryStream<Path> dir) throws IOException {
    List<Path> names = new ArrayList<>();
    for (Path p : dir) {
      names.add(p.getFileName());
    }
    for (Path name : names) {
      BasicFileAttributes a =
          dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW_LINKS)
              .readAttributes();
      if (a.isDirectory()) {
        try (SecureDirectoryStream<Path> sub = dir.newDirectoryStream(name, NOFOLLOW_LINKS)) {
          deleteContents(sub);
        }
        dir.deleteDirectory(name);
      } else {
        dir.deleteFile(name);
      }
    }
  }

  @Test
  void secureDirectoryStream_deletesTreeRelativeToStream() throws IOException {
    Path top = dir("top/a/b");
    file("top/a/b/f", "x");
    file("top/a/g", "y");
    file("top/h", "z");

    try (SecureDirectoryStream<Path> stream = secure(path("top"))) {
      deleteContents(stream);
    }

    assertThat(Files.exists(top)).isFalse();
    try (var left = Files.list(path("top"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void secureDirectoryStream_newByteChannelRelative() throws IOException {
    dir("d");

    try (SecureDirectoryStream<Path> stream = secure(path("d"));
        SeekableByteChannel ch =
            stream.newByteChannel(fs().getPath("f"), java.util.Set.of(WRITE, CREATE))) {
      ch.write(ByteBuffer.wrap(bytes("relative")));
    }

    assertThat(read(path("d/f"))).isEqualTo("relative");
  }

  @Test
  void secureDirectoryStream_moveBetweenStreams() throws IOException {
    dir("from");
    dir("to");
    file("from/f", "moved");

    try (SecureDirectoryStream<Path> from = secure(path("from"));
        SecureDirectoryStream<Path> to = secure(path("to"))) {
      from.move(fs().getPath("f"), to, fs().getPath("g"));
    }

    assertThat(Files.exists(path("from/f"))).isFalse();
    assertThat(read(path("to/g"))).isEqualTo("moved");
  }

  @Test
  void secureDirectoryStream_deleteFileOnDirectory_fails() throws IOException {
    dir("d/sub");

    try (SecureDirectoryStream<Path> stream = secure(path("d"))) {
      assertThatThrownBy(() -> stream.deleteFile(fs().getPath("sub")))
          .isInstanceOf(FileSystemException.class);
    }
    assertThat(Files.isDirectory(path("d/sub"))).isTrue();
  }

  @Test
  void fileChannel_onDirectory_forceSucceeds() throws IOException {
    assume(Feature.FILE_CHANNEL);
    Path dir = dir("d");
    file("d/a", "x");
    Files.move(path("d/a"), path("d/b"));

    try (FileChannel channel = FileChannel.open(dir, READ)) {
      channel.force(true);
    }
    assertThat(read(path("d/b"))).isEqualTo("x");
  }

  @Test
  void syncAndDsync_writesAreReadBack() throws IOException {
    Path file = path("f");

    try (SeekableByteChannel ch = Files.newByteChannel(file, WRITE, CREATE, SYNC)) {
      ch.write(ByteBuffer.wrap(bytes("sync")));
    }
    try (SeekableByteChannel ch = Files.newByteChannel(file, WRITE, DSYNC)) {
      ch.position(4);
      ch.write(ByteBuffer.wrap(bytes("+dsync")));
    }

    assertThat(read(file)).isEqualTo("sync+dsync");
  }

  @Test
  void deleteOnClose_removesFileWhenChannelCloses() throws IOException {
    Path file = path("temp");

    try (SeekableByteChannel ch = Files.newByteChannel(file, WRITE, CREATE, DELETE_ON_CLOSE)) {
      // Whether the name stays visible until close differs: the JDK on Linux unlinks at open.
      assertThat(ch.write(ByteBuffer.wrap(bytes("scratch")))).isEqualTo(7);
    }

    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void lock_heldByOtherChannelOfThisJvm_overlapRejected() throws IOException {
    assume(Feature.LOCKS);
    Path file = file("f", "x");

    try (FileChannel first = FileChannel.open(file, READ, WRITE);
        FileChannel second = FileChannel.open(file, READ, WRITE)) {
      FileLock lock = first.lock();
      assertThatThrownBy(() -> second.tryLock()).isInstanceOf(OverlappingFileLockException.class);
      lock.release();
      assertThat(second.tryLock()).isNotNull();
    }
  }

  @Test
  void map_supportedOrUnsupportedOperation() throws IOException {
    assume(Feature.FILE_CHANNEL);
    Path file = file("f", "mapped");

    try (FileChannel channel = FileChannel.open(file, READ)) {
      if (kitHas(Feature.MEMORY_MAPPING)) {
        assertThat(channel.map(FileChannel.MapMode.READ_ONLY, 0, 6).get()).isEqualTo((byte) 'm');
      } else {
        assertThatThrownBy(() -> channel.map(FileChannel.MapMode.READ_ONLY, 0, 6))
            .isInstanceOf(UnsupportedOperationException.class);
      }
    }
  }

  @Test
  void toUri_roundTripsThroughPathOf() throws IOException {
    Path file = file("a b %41 \u00fc#?", "");

    Path back = Path.of(file.toUri());

    assertThat(back).isEqualTo(file);
    assertThat(file.toUri().getScheme()).isEqualTo(fs().provider().getScheme());
    assertThat(Files.exists(back)).isTrue();
  }

  @Test
  void toRealPath_ofRealPath_unchanged() throws IOException {
    Path real = dir("d").toRealPath();

    assertThat(real.toRealPath()).isEqualTo(real);
    assertThat(real.toRealPath(NOFOLLOW_LINKS)).isEqualTo(real);
  }

  @Test
  void watchService_reportsModify() throws IOException, InterruptedException {
    assume(Feature.WATCH_SERVICE);
    Path dir = dir("watched");
    Path file = file("watched/f", "a");

    try (WatchService watcher = fs().newWatchService()) {
      WatchKey key = dir.register(watcher, ENTRY_MODIFY);
      Files.writeString(file, "changed");

      List<WatchEvent<?>> events = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (events.isEmpty() && System.nanoTime() < deadline) {
        WatchKey k = watcher.poll(500, TimeUnit.MILLISECONDS);
        if (k != null) {
          assertThat(k).isSameAs(key);
          events.addAll(k.pollEvents());
          k.reset();
        }
      }
      assertThat(events)
          .allSatisfy(e -> assertThat(e.kind()).isEqualTo(ENTRY_MODIFY))
          .anySatisfy(e -> assertThat(e.context()).isEqualTo(fs().getPath("f")));
    }
  }
}
