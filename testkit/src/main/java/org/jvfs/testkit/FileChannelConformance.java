package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Kit tests for {@link FileChannel}, {@link AsynchronousFileChannel} and file locks. */
abstract class FileChannelConformance extends ConformanceGroup {

  FileChannelConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  private static String string(ByteBuffer buffer) {
    buffer.flip();
    return UTF_8.decode(buffer).toString();
  }

  @Test
  void open_missingWithoutCreate() {
    assume(Feature.FILE_CHANNEL);
    Path file = path("f");

    assertThrowsFor(NoSuchFileException.class, file, () -> FileChannel.open(file, READ));
  }

  @Test
  void positionalWrite_doesNotMovePosition() throws IOException {
    assume(Feature.FILE_CHANNEL);
    Path file = file("f", "abcdef");

    try (FileChannel channel = FileChannel.open(file, READ, WRITE)) {
      channel.position(1);
      assertThat(channel.write(ByteBuffer.wrap(bytes("XY")), 3)).isEqualTo(2);
      assertThat(channel.position()).isEqualTo(1);
    }
    assertThat(read(file)).isEqualTo("abcXYf");
  }

  @Test
  void positionalRead_doesNotMovePosition() throws IOException {
    assume(Feature.FILE_CHANNEL);
    Path file = file("f", "abcdef");

    try (FileChannel channel = FileChannel.open(file, READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(3);
      assertThat(channel.read(buffer, 2)).isEqualTo(3);
      assertThat(string(buffer)).isEqualTo("cde");
      assertThat(channel.position()).isZero();
      assertThat(channel.read(ByteBuffer.allocate(1), 6)).isEqualTo(-1);
    }
  }

  @Test
  void positionalWrite_pastEnd_zeroFills() throws IOException {
    assume(Feature.FILE_CHANNEL);
    Path file = path("f");

    try (FileChannel channel = FileChannel.open(file, READ, WRITE, CREATE)) {
      channel.write(ByteBuffer.wrap(bytes("x")), 3);
      assertThat(channel.size()).isEqualTo(4);
      ByteBuffer all = ByteBuffer.allocate(4);
      channel.read(all, 0);
      assertThat(all.array()).containsExactly(0, 0, 0, 'x');
    }
  }

  @Test
  void force_afterWrite_keepsData() throws IOException {
    assume(Feature.FILE_CHANNEL);
    Path file = path("f");

    try (FileChannel channel = FileChannel.open(file, WRITE, CREATE)) {
      channel.write(ByteBuffer.wrap(bytes("durable")));
      channel.force(true);
      channel.force(false);
    }
    assertThat(read(file)).isEqualTo("durable");
  }

  @Test
  void transferTo_copiesRange() throws IOException {
    assume(Feature.FILE_CHANNEL);
    Path source = file("source", "0123456789");
    Path target = path("target");

    try (FileChannel from = FileChannel.open(source, READ);
        FileChannel to = FileChannel.open(target, WRITE, CREATE)) {
      long done = 0;
      while (done < 4) {
        done += from.transferTo(3 + done, 4 - done, to);
      }
      assertThat(from.position()).isZero();
    }
    assertThat(read(target)).isEqualTo("3456");
  }

  @Test
  void transferFrom_writesAtPosition() throws IOException {
    assume(Feature.FILE_CHANNEL);
    Path source = file("source", "XYZ");
    Path target = file("target", "abcdef");

    try (FileChannel from = FileChannel.open(source, READ);
        FileChannel to = FileChannel.open(target, WRITE)) {
      assertThat(to.transferFrom(from, 2, 3)).isEqualTo(3);
      assertThat(to.position()).isZero();
    }
    assertThat(read(target)).isEqualTo("abXYZf");
  }

  @Test
  void transferFrom_pastEnd_transfersNothing_unlessTheReleaseWritesThere() throws IOException {
    assume(Feature.FILE_CHANNEL);
    Path source = file("source", "XYZ");
    Path target = file("target", "ab");

    boolean writes = kitShows(JdkDifference.TRANSFER_FROM_PAST_END_WRITES);
    try (FileChannel from = FileChannel.open(source, READ);
        FileChannel to = FileChannel.open(target, WRITE)) {
      assertThat(to.transferFrom(from, 5, 3)).isEqualTo(writes ? 3 : 0);
    }
    assertThat(read(target)).isEqualTo(writes ? "ab\0\0\0XYZ" : "ab");
  }

  @Test
  void asyncChannel_writeThenRead() throws Exception {
    assume(Feature.ASYNC_CHANNEL);
    Path file = path("f");

    try (var channel = AsynchronousFileChannel.open(file, READ, WRITE, CREATE)) {
      assertThat(channel.write(ByteBuffer.wrap(bytes("async")), 2).get(10, TimeUnit.SECONDS))
          .isEqualTo(5);
      assertThat(channel.size()).isEqualTo(7);
      ByteBuffer buffer = ByteBuffer.allocate(5);
      assertThat(channel.read(buffer, 2).get(10, TimeUnit.SECONDS)).isEqualTo(5);
      assertThat(string(buffer)).isEqualTo("async");
    }
    assertThat(Files.readAllBytes(file)).containsExactly(0, 0, 'a', 's', 'y', 'n', 'c');
  }

  @Test
  void asyncChannel_readPastEnd_returnsMinusOne()
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    assume(Feature.ASYNC_CHANNEL);
    Path file = file("f", "abc");

    try (var channel = AsynchronousFileChannel.open(file, READ)) {
      assertThat(channel.read(ByteBuffer.allocate(1), 3).get(10, TimeUnit.SECONDS)).isEqualTo(-1);
    }
  }

  @Test
  void asyncChannel_missing() {
    assume(Feature.ASYNC_CHANNEL);
    Path file = path("f");

    assertThrowsFor(
        NoSuchFileException.class, file, () -> AsynchronousFileChannel.open(file, READ));
  }

  @Test
  void lock_exclusive_isValidUntilReleased() throws IOException {
    assume(Feature.LOCKS);
    Path file = file("f", "x");

    try (FileChannel channel = FileChannel.open(file, READ, WRITE)) {
      FileLock lock = channel.lock();
      assertThat(lock.isValid()).isTrue();
      assertThat(lock.isShared()).isFalse();
      assertThat(lock.channel()).isSameAs(channel);
      lock.release();
      assertThat(lock.isValid()).isFalse();
    }
  }

  @Test
  void lock_overlappingInSameProcess_rejected() throws IOException {
    assume(Feature.LOCKS);
    Path file = file("f", "x");

    try (FileChannel channel = FileChannel.open(file, READ, WRITE)) {
      FileLock lock = channel.lock(0, 10, false);
      assertThatThrownBy(() -> channel.tryLock(5, 10, false))
          .isInstanceOf(OverlappingFileLockException.class);
      FileLock other = channel.tryLock(10, 10, false);
      assertThat(other).isNotNull();
      lock.release();
    }
  }

  @Test
  void lock_released_whenChannelCloses() throws IOException {
    assume(Feature.LOCKS);
    Path file = file("f", "x");
    FileLock lock;

    try (FileChannel channel = FileChannel.open(file, READ, WRITE)) {
      lock = channel.lock();
    }
    assertThat(lock.isValid()).isFalse();

    try (FileChannel channel = FileChannel.open(file, READ, WRITE)) {
      FileLock again = channel.tryLock();
      assertThat(again).isNotNull();
    }
  }

  @Test
  void lock_sharedOnReadOnlyChannel() throws IOException {
    assume(Feature.LOCKS);
    Path file = file("f", "x");

    try (FileChannel channel = FileChannel.open(file, READ)) {
      FileLock lock = channel.lock(0, Long.MAX_VALUE, true);
      assertThat(lock.isShared()).isTrue();
      lock.release();
    }
  }
}
