package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.FileSystemException;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.jvfs.AsyncFile;

/**
 * The {@code Files} group of {@link VfsConformanceKit}: an open file reads, writes, sizes,
 * truncates, forces and closes.
 */
abstract class VfsFileConformance extends VfsConformanceGroup {

  VfsFileConformance(VfsConformanceKit kit) {
    super(kit);
  }

  @Test
  void read_atEndOfFile_returnsMinusOne() {
    put("/f", "abc");
    AsyncFile f = open("/f");
    assertThat(await(f.read(ByteBuffer.allocate(4), 3))).isEqualTo(-1);
    assertThat(await(f.read(ByteBuffer.allocate(4), 100))).isEqualTo(-1);
    await(f.close());
  }

  @Test
  void read_fromPosition_advancesTheBuffer() {
    put("/f", "abcdef");
    AsyncFile f = open("/f");
    ByteBuffer b = ByteBuffer.allocate(3);
    assertThat(await(f.read(b, 2))).isEqualTo(3);
    assertThat(b.position()).isEqualTo(3);
    assertThat(new String(b.array(), UTF_8)).isEqualTo("cde");
    await(f.close());
  }

  @Test
  void read_negativePosition_isRefusedAtOnce() {
    put("/f", "abc");
    AsyncFile f = open("/f");
    assertThatThrownBy(() -> f.read(ByteBuffer.allocate(1), -1))
        .isInstanceOf(IllegalArgumentException.class);
    await(f.close());
  }

  @Test
  void write_pastTheEnd_fillsTheGapWithZeros() {
    AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
    assertThat(await(f.write(bytes("x"), 3))).isEqualTo(1);
    assertThat(await(f.size())).isEqualTo(4);
    await(f.close());
    assertThat(await(vfs().readAllBytes("/f"))).containsExactly(0, 0, 0, 'x');
  }

  @Test
  void write_onReadOnlyFile_fails() {
    put("/f", "abc");
    AsyncFile f = open("/f");
    Throwable t = failure(f.write(bytes("x"), 0));
    assertThat(t)
        .isInstanceOfAny(
            java.nio.channels.NonWritableChannelException.class, FileSystemException.class);
    await(f.close());
    assertThat(get("/f")).isEqualTo("abc");
  }

  @Test
  void size_followsWrites() {
    AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
    assertThat(await(f.size())).isZero();
    await(f.write(bytes("12345"), 0));
    assertThat(await(f.size())).isEqualTo(5);
    await(f.close());
  }

  @Test
  void truncate_shorter_cutsAndUpdatesStat() {
    put("/f", "hello");
    assertThat(await(vfs().stat("/f")).size()).isEqualTo(5);
    AsyncFile f = open("/f", StandardOpenOption.WRITE);
    await(f.truncate(2));
    assertThat(await(f.size())).isEqualTo(2);
    assertThat(await(vfs().stat("/f")).size()).isEqualTo(2);
    await(f.close());
    assertThat(get("/f")).isEqualTo("he");
  }

  @Test
  void truncate_longer_changesNothing() {
    put("/f", "hello");
    AsyncFile f = open("/f", StandardOpenOption.WRITE);
    await(f.truncate(100));
    assertThat(await(f.size())).isEqualTo(5);
    await(f.close());
    assertThat(get("/f")).isEqualTo("hello");
  }

  @Test
  void truncate_negative_isRefusedAtOnce() {
    put("/f", "hello");
    AsyncFile f = open("/f", StandardOpenOption.WRITE);
    assertThatThrownBy(() -> f.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
    await(f.close());
  }

  @Test
  void force_succeeds() {
    AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
    await(f.write(bytes("data"), 0));
    await(f.force(false));
    await(f.force(true));
    await(f.close());
    assertThat(get("/f")).isEqualTo("data");
  }

  @Test
  void close_isIdempotentAndLaterCallsFailWithClosedChannel() {
    put("/f", "abc");
    AsyncFile f = open("/f", StandardOpenOption.READ, StandardOpenOption.WRITE);
    assertThat(f.isOpen()).isTrue();
    assertThat(vfs().openFileCount()).isEqualTo(1);
    await(f.close());
    await(f.close());
    assertThat(f.isOpen()).isFalse();
    assertThat(vfs().openFileCount()).isZero();
    assertThat(failure(f.read(ByteBuffer.allocate(1), 0)))
        .isInstanceOf(ClosedChannelException.class);
    assertThat(failure(f.write(bytes("x"), 0))).isInstanceOf(ClosedChannelException.class);
    assertThat(failure(f.size())).isInstanceOf(ClosedChannelException.class);
    assertThat(failure(f.truncate(0))).isInstanceOf(ClosedChannelException.class);
    assertThat(failure(f.force(true))).isInstanceOf(ClosedChannelException.class);
  }

  @Test
  void openFiles_areClosedWhenTheVfsCloses() {
    put("/f", "abc");
    AsyncFile f = open("/f");
    vfs().close();
    assertThat(f.isOpen()).isFalse();
    assertThat(vfs().openFileCount()).isZero();
    assertThat(failure(f.read(ByteBuffer.allocate(1), 0)))
        .isInstanceOf(ClosedChannelException.class);
  }

  @Test
  void openFile_survivesDeleteOfItsName() {
    put("/f", "still here");
    AsyncFile f = open("/f");
    await(vfs().delete("/f"));
    assertThat(readAt(f, 0, 32)).isEqualTo("still here");
    await(f.close());
    assertThat(await(vfs().list("/"))).isEmpty();
  }
}
