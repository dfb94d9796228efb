package org.jvfs.nio;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsAsyncFileChannelTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  @Test
  void readWrite_futuresAndHandlers() throws Exception {
    Path f = fs.getPath("/f");
    try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(f, READ, WRITE, CREATE)) {
      assertThat(ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), 0).get(5, TimeUnit.SECONDS))
          .isEqualTo(3);
      CompletableFuture<Integer> done = new CompletableFuture<>();
      ch.read(
          ByteBuffer.allocate(8),
          1,
          "att",
          new CompletionHandler<Integer, String>() {
            @Override
            public void completed(Integer result, String attachment) {
              done.complete(attachment.equals("att") ? result : -100);
            }

            @Override
            public void failed(Throwable exc, String attachment) {
              done.completeExceptionally(exc);
            }
          });
      assertThat(done.get(5, TimeUnit.SECONDS)).isEqualTo(2);
      assertThat(ch.size()).isEqualTo(3);
    }
  }

  @Test
  void failedRead_handlerGetsIoCause() throws Exception {
    Path d = Files.createDirectory(fs.getPath("/d"));
    try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(d, READ)) {
      assertThatThrownBy(() -> ch.read(ByteBuffer.allocate(1), 0).get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IOException.class);
    }
  }

  @Test
  void locks_sharedTableWithFileChannels() throws Exception {
    Path f = Files.writeString(fs.getPath("/f"), "x");
    try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(f, READ, WRITE);
        var other = java.nio.channels.FileChannel.open(f, READ, WRITE)) {
      FileLock lock = ch.lock().get(5, TimeUnit.SECONDS);
      assertThat(lock.acquiredBy()).isSameAs(ch);
      assertThatThrownBy(other::tryLock).isInstanceOf(OverlappingFileLockException.class);
      lock.release();
      assertThat(other.tryLock()).isNotNull();
    }
  }

  @Test
  void readOnly_writeRejected_closedFails() throws Exception {
    Path f = Files.writeString(fs.getPath("/f"), "x");
    AsynchronousFileChannel ch = AsynchronousFileChannel.open(f, READ);
    assertThatThrownBy(() -> ch.write(ByteBuffer.allocate(1), 0))
        .isInstanceOf(NonWritableChannelException.class);
    ch.close();
    assertThat(ch.isOpen()).isFalse();
    assertThatThrownBy(() -> ch.read(ByteBuffer.allocate(1), 0).get())
        .hasCauseInstanceOf(java.nio.channels.ClosedChannelException.class);
    assertThat(fs.vfs().openFileCount()).isZero();
  }
}
