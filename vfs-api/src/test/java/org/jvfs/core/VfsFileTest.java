package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.AsyncFile;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;

class VfsFileTest {
  private final Vfs vfs = Vfs.inMemory();

  @AfterEach
  void close() {
    assertThat(vfs.openFileCount()).isZero();
    assertThat(vfs.verifyCache()).isEmpty();
    vfs.close();
  }

  private AsyncFile open(StandardOpenOption... options) {
    return vfs.open("/f", options).join();
  }

  @Test
  void write_dropsTheCachedAttributes() {
    vfs.write("/f", new byte[2]).join();
    vfs.lookup("/f").join();
    AsyncFile f = open(StandardOpenOption.WRITE);
    f.write(ByteBuffer.wrap(new byte[5]), 0).join();
    assertThat(vfs.lookupNow("/f").status()).isEqualTo(LookupResult.Status.MISS);
    assertThat(vfs.stat("/f").join().size()).isEqualTo(5);
    f.close().join();
  }

  @Test
  void truncate_longerSize_changesNothing() {
    vfs.write("/f", new byte[3]).join();
    AsyncFile f = open(StandardOpenOption.WRITE);
    f.truncate(10).join();
    assertThat(f.size().join()).isEqualTo(3);
    f.truncate(1).join();
    assertThat(f.size().join()).isEqualTo(1);
    f.close().join();
  }

  @Test
  void append_writesAtTheEndWhateverThePosition() {
    vfs.write("/f", new byte[] {1}).join();
    AsyncFile f = open(StandardOpenOption.APPEND);
    f.write(ByteBuffer.wrap(new byte[] {2}), 0).join();
    f.close().join();
    assertThat(vfs.readAllBytes("/f").join()).containsExactly(1, 2);
  }

  @Test
  void deleteOnClose_deletesTheFile() {
    AsyncFile f =
        vfs.open(
                "/f",
                java.util.Set.of(
                    StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.DELETE_ON_CLOSE))
            .join();
    assertThat(vfs.lookup("/f").join().isHit()).isTrue();
    f.close().join();
    assertThat(vfs.lookup("/f").join().status()).isEqualTo(LookupResult.Status.ABSENT);
  }

  @Test
  void closed_operationsFailWithClosedChannel_andCloseIsIdempotent() {
    vfs.write("/f", new byte[1]).join();
    AsyncFile f = open(StandardOpenOption.READ);
    f.close().join();
    f.close().join();
    assertThat(f.isOpen()).isFalse();
    assertThat(f.read(ByteBuffer.allocate(1), 0).handle((v, e) -> Errors.unwrap(e)).join())
        .isInstanceOf(ClosedChannelException.class);
  }

  @Test
  void badArguments_areRefusedAtOnce() {
    vfs.write("/f", new byte[1]).join();
    AsyncFile f = open(StandardOpenOption.READ);
    assertThatThrownBy(() -> f.read(ByteBuffer.allocate(1), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
    f.close().join();
  }

  @Test
  void closingTheVfs_closesOpenFiles() throws Exception {
    Vfs other = Vfs.inMemory();
    other.write("/f", new byte[1]).join();
    AsyncFile f = other.open("/f").join();
    assertThat(other.openFileCount()).isEqualTo(1);
    other.close();
    assertThat(f.isOpen()).isFalse();
    assertThat(other.openFileCount()).isZero();
  }
}
