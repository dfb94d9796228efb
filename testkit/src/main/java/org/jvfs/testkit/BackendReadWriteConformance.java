package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.Capability;
import org.jvfs.spi.Errno;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.NodeKind;
import org.jvfs.spi.OpenFlags;

/**
 * The {@code OpenReadWrite} group of {@link BackendConformanceKit}: opening, reading and writing
 * files.
 */
abstract class BackendReadWriteConformance extends BackendConformanceGroup {

  BackendReadWriteConformance(BackendConformanceKit kit) {
    super(kit);
  }

  @Test
  @DisplayName("a created file reads back what was written")
  void roundTrip() throws Exception {
    Opened o = await(backend().open(root(), n("f"), CREATE_RW, null));
    assertThat(o.created()).isTrue();
    assertThat(o.info().kind()).isEqualTo(NodeKind.FILE);
    writeFully(o.file(), "hello world".getBytes(UTF_8), 0);
    assertThat(readAll(o.file())).isEqualTo("hello world");
    await(o.file().close());
    assertThat(content(root(), "f")).isEqualTo("hello world");
  }

  @Test
  @DisplayName("opening an existing file does not report it created")
  void existingNotCreated() throws Exception {
    file(root(), "f", "x");
    Opened o = await(backend().open(root(), n("f"), CREATE_RW, null));
    await(o.file().close());
    assertThat(o.created()).isFalse();
  }

  @Test
  @DisplayName("a read at the end gives -1 and a read without room gives 0")
  void endOfFile() throws Exception {
    file(root(), "f", "abc");
    Opened o = await(backend().open(root(), n("f"), OpenFlags.READ, null));
    try {
      assertThat(await(o.file().read(ByteBuffer.allocate(4), 3))).isEqualTo(-1);
      assertThat(await(o.file().read(ByteBuffer.allocate(0), 0))).isZero();
    } finally {
      await(o.file().close());
    }
  }

  @Test
  @DisplayName("a write past the end fills the gap with zeros")
  void zeroFill() throws Exception {
    Opened o = await(backend().open(root(), n("f"), CREATE_RW, null));
    try {
      writeFully(o.file(), new byte[] {7}, 10000);
      assertThat(await(o.file().size())).isEqualTo(10001);
      ByteBuffer dst = ByteBuffer.allocate(10001);
      while (dst.hasRemaining() && await(o.file().read(dst, dst.position())) > 0) {}
      for (int i = 0; i < 10000; i++) {
        assertThat(dst.get(i)).as("byte %s", i).isZero();
      }
      assertThat(dst.get(10000)).isEqualTo((byte) 7);
    } finally {
      await(o.file().close());
    }
  }

  @Test
  @DisplayName("an append write goes to the end whatever the position")
  void append() throws Exception {
    file(root(), "f", "abc");
    OpenFlags flags = OpenFlags.from(Set.of(StandardOpenOption.APPEND));
    Opened o = await(backend().open(root(), n("f"), flags, null));
    try {
      writeFully(o.file(), "de".getBytes(UTF_8), 0);
    } finally {
      await(o.file().close());
    }
    assertThat(content(root(), "f")).isEqualTo("abcde");
  }

  @Test
  @DisplayName("truncate cuts and extends with zeros")
  void truncate() throws Exception {
    Opened o = await(backend().open(root(), n("f"), CREATE_RW, null));
    try {
      writeFully(o.file(), "abcdef".getBytes(UTF_8), 0);
      await(o.file().truncate(2));
      assertThat(await(o.file().size())).isEqualTo(2);
      await(o.file().truncate(4));
      assertThat(readAll(o.file())).isEqualTo("ab\0\0");
    } finally {
      await(o.file().close());
    }
  }

  @Test
  @DisplayName("TRUNCATE_EXISTING empties the file on open")
  void truncateOnOpen() throws Exception {
    file(root(), "f", "abc");
    OpenFlags flags =
        OpenFlags.from(Set.of(StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
    Opened o = await(backend().open(root(), n("f"), flags, null));
    await(o.file().close());
    assertThat(o.info().attributes().size()).isZero();
    assertThat(content(root(), "f")).isEmpty();
  }

  @Test
  @DisplayName("force succeeds on an open file")
  void force() throws Exception {
    Opened o = await(backend().open(root(), n("f"), CREATE_RW, null));
    try {
      writeFully(o.file(), "x".getBytes(UTF_8), 0);
      await(o.file().force(true));
      await(o.file().force(false));
    } finally {
      await(o.file().close());
    }
  }

  @Test
  @DisplayName("close is idempotent and later calls fail with ClosedChannelException")
  void closed() throws Exception {
    Opened o = await(backend().open(root(), n("f"), CREATE_RW, null));
    await(o.file().close());
    await(o.file().close());
    assertThatThrownBy(() -> await(o.file().read(ByteBuffer.allocate(1), 0)))
        .isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(() -> await(o.file().write(ByteBuffer.allocate(1), 0)))
        .isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(() -> await(o.file().size())).isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(() -> await(o.file().truncate(0)))
        .isInstanceOf(ClosedChannelException.class);
  }

  @Test
  @DisplayName("opening an absent file without create fails with ENOENT")
  void absent() {
    assertErrno(backend().open(root(), n("f"), OpenFlags.READ, null), Errno.ENOENT);
    assertErrno(backend().open(root(), n("f"), WRITE, null), Errno.ENOENT);
  }

  @Test
  @DisplayName("CREATE_NEW on an existing file fails with EEXIST")
  void createNewExisting() throws Exception {
    file(root(), "f", "");
    OpenFlags flags =
        OpenFlags.from(Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    assertErrno(backend().open(root(), n("f"), flags, null), Errno.EEXIST);
  }

  @Test
  @DisplayName("opening a directory for writing fails with EISDIR")
  void directoryForWrite() throws Exception {
    mkdir(root(), "d");
    assertErrno(backend().open(root(), n("d"), WRITE, null), Errno.EISDIR);
  }

  @Test
  @DisplayName("a directory opens for reading, and its reads fail with EISDIR")
  void directoryForRead() throws Exception {
    mkdir(root(), "d");
    Opened o = await(backend().open(root(), n("d"), OpenFlags.READ, null));
    try {
      assertErrno(o.file().read(ByteBuffer.allocate(8), 0), Errno.EISDIR);
    } finally {
      await(o.file().close());
    }
  }

  @Test
  @DisplayName("opening a symbolic link fails with ELOOP")
  void symlink() throws Exception {
    requires(Capability.SYMBOLIC_LINKS);
    file(root(), "f", "");
    await(backend().createSymlink(root(), n("l"), "f"));
    assertErrno(backend().open(root(), n("l"), OpenFlags.READ, null), Errno.ELOOP);
  }

  @Test
  @DisplayName("opening in a file fails with ENOTDIR")
  void inFile() throws Exception {
    NodeInfo f = file(root(), "f", "");
    assertErrno(backend().open(f.node(), n("x"), CREATE_RW, null), Errno.ENOTDIR);
  }

  @Test
  @DisplayName("the open file's node is the looked-up node")
  void node() throws Exception {
    NodeInfo f = file(root(), "f", "");
    Opened o = await(backend().open(root(), n("f"), OpenFlags.READ, null));
    await(o.file().close());
    assertThat(o.file().node()).isEqualTo(f.node());
  }
}
