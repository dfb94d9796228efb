package org.jvfs.memory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jvfs.memory.Stages.assertErrno;
import static org.jvfs.memory.Stages.done;
import static org.jvfs.memory.Stages.failure;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Errno;
import org.jvfs.spi.OpenFlags;

class MemoryFileTest {
  private final TestClock clock = new TestClock();
  private final Store store = new Store(1 << 20, clock, 0, 0);
  private final FileInode inode = new FileInode(store, MemoryBackend.FILE_PERMISSIONS);
  private final Set<MemoryFile> registry = new HashSet<>();

  private MemoryFile open(StandardOpenOption... options) {
    return new MemoryFile(inode, OpenFlags.from(Set.of(options)), registry);
  }

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(UTF_8));
  }

  @Test
  void open_registersAndCloseUnregisters() {
    MemoryFile f = open(StandardOpenOption.READ);
    assertThat(registry).containsExactly(f);
    assertThat(f.node()).isSameAs(inode);
    done(f.close());
    assertThat(registry).isEmpty();
  }

  @Test
  void write_thenRead_roundTripsAndAdvancesBuffers() {
    MemoryFile f = open(StandardOpenOption.READ, StandardOpenOption.WRITE);
    ByteBuffer src = bytes("hello");
    assertThat(done(f.write(src, 0))).isEqualTo(5);
    assertThat(src.hasRemaining()).isFalse();
    ByteBuffer dst = ByteBuffer.allocate(3);
    assertThat(done(f.read(dst, 1))).isEqualTo(3);
    assertThat(new String(dst.array(), UTF_8)).isEqualTo("ell");
    assertThat(done(f.read(ByteBuffer.allocate(3), 5))).isEqualTo(-1);
    assertThat(done(f.size())).isEqualTo(5);
  }

  @Test
  void write_pastEnd_zeroFills() {
    MemoryFile f = open(StandardOpenOption.READ, StandardOpenOption.WRITE);
    done(f.write(bytes("x"), 3));
    ByteBuffer dst = ByteBuffer.allocate(4);
    done(f.read(dst, 0));
    assertThat(dst.array()).containsExactly(0, 0, 0, 'x');
  }

  @Test
  void write_append_goesToEnd() {
    MemoryFile w = open(StandardOpenOption.WRITE);
    done(w.write(bytes("abc"), 0));
    MemoryFile a = open(StandardOpenOption.APPEND);
    done(a.write(bytes("de"), 0));
    assertThat(done(a.size())).isEqualTo(5);
  }

  @Test
  void write_updatesMtimeAndCtime() {
    MemoryFile f = open(StandardOpenOption.WRITE);
    FileTime later = FileTime.from(clock.advance(Duration.ofSeconds(1)));
    done(f.write(bytes("a"), 0));
    assertThat(inode.attributes().lastModifiedTime()).isEqualTo(later);
    assertThat(inode.attributes().changeTime()).isEqualTo(later);
  }

  @Test
  void write_readOnly_failsEbadf() {
    assertErrno(open(StandardOpenOption.READ).write(bytes("a"), 0), Errno.EBADF);
  }

  @Test
  void read_writeOnly_failsEbadf() {
    assertErrno(open(StandardOpenOption.WRITE).read(ByteBuffer.allocate(1), 0), Errno.EBADF);
  }

  @Test
  void read_negativePosition_failsEinval() {
    assertErrno(open(StandardOpenOption.READ).read(ByteBuffer.allocate(1), -1), Errno.EINVAL);
  }

  @Test
  void truncate_cutsAndExtendsWithZeros() {
    MemoryFile f = open(StandardOpenOption.READ, StandardOpenOption.WRITE);
    done(f.write(bytes("abcdef"), 0));
    done(f.truncate(2));
    done(f.truncate(4));
    ByteBuffer dst = ByteBuffer.allocate(4);
    done(f.read(dst, 0));
    assertThat(dst.array()).containsExactly('a', 'b', 0, 0);
  }

  @Test
  void truncate_readOnly_failsEinval() {
    assertErrno(open(StandardOpenOption.READ).truncate(0), Errno.EINVAL);
  }

  @Test
  void truncate_negative_failsEinval() {
    assertErrno(open(StandardOpenOption.WRITE).truncate(-1), Errno.EINVAL);
  }

  @Test
  void truncate_directory_failsEinval() {
    DirectoryInode d = new DirectoryInode(store, MemoryBackend.DIRECTORY_PERMISSIONS, null);
    MemoryFile f = new MemoryFile(d, OpenFlags.READ, registry);
    assertErrno(f.truncate(0), Errno.EINVAL);
    assertErrno(f.read(ByteBuffer.allocate(1), 0), Errno.EISDIR);
    assertThat(done(f.size())).isEqualTo(DirectoryInode.SIZE);
  }

  @Test
  void force_open_succeeds() {
    assertThat(open(StandardOpenOption.WRITE).force(true).toCompletableFuture()).isCompleted();
  }

  @Test
  void operations_afterClose_failClosedChannel() {
    MemoryFile f = open(StandardOpenOption.READ, StandardOpenOption.WRITE);
    done(f.close());
    done(f.close());
    assertThat(failure(f.read(ByteBuffer.allocate(1), 0)))
        .isInstanceOf(ClosedChannelException.class);
    assertThat(failure(f.write(bytes("a"), 0))).isInstanceOf(ClosedChannelException.class);
    assertThat(failure(f.size())).isInstanceOf(ClosedChannelException.class);
    assertThat(failure(f.truncate(0))).isInstanceOf(ClosedChannelException.class);
    assertThat(failure(f.force(false))).isInstanceOf(ClosedChannelException.class);
  }
}
