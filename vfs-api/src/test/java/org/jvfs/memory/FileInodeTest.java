package org.jvfs.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;

class FileInodeTest {
  private final Store store = new Store(1 << 20, new TestClock(), 0, 0);
  private final FileInode file = new FileInode(store, MemoryBackend.FILE_PERMISSIONS);

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private String content() {
    ByteBuffer dst = ByteBuffer.allocate((int) file.size());
    file.read(dst, 0);
    return new String(dst.array(), StandardCharsets.UTF_8);
  }

  @Test
  void write_append_ignoresPosition() throws Exception {
    file.write(bytes("ab"), 0, false);
    file.write(bytes("cd"), 0, true);
    assertThat(content()).isEqualTo("abcd");
  }

  @Test
  void write_concurrentAppends_neverOverlap() throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String s = String.valueOf((char) ('a' + t)).repeat(10);
      threads.add(
          new Thread(
              () -> {
                for (int i = 0; i < 100; i++) {
                  try {
                    file.write(bytes(s), 0, true);
                  } catch (BackendException e) {
                    throw new AssertionError(e);
                  }
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    String c = content();
    assertThat(c).hasSize(4000);
    for (int i = 0; i < c.length(); i += 10) {
      assertThat(c.substring(i, i + 10)).matches("(.)\\1{9}");
    }
  }

  @Test
  void write_empty_returnsZeroWithoutGrowth() throws Exception {
    assertThat(file.write(ByteBuffer.allocate(0), 50, false)).isZero();
    assertThat(file.size()).isZero();
  }

  @Test
  void write_beyondSpace_failsEnospc() {
    assertThatThrownBy(() -> file.write(ByteBuffer.allocate(10), (1 << 20) - 5, false))
        .isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).errno())
        .isEqualTo(Errno.ENOSPC);
    assertThat(file.size()).isZero();
  }

  @Test
  void truncate_releasesSpace() throws Exception {
    file.write(ByteBuffer.allocate(100), 0, false);
    file.truncate(40);
    assertThat(store.info().freeSpace()).isEqualTo((1 << 20) - 40);
  }

  @Test
  void truncate_beyondLargestFile_failsEfbig() {
    assertThatThrownBy(() -> file.truncate(FileContent.MAX_SIZE + 1))
        .isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).errno())
        .isEqualTo(Errno.EFBIG);
  }

  @Test
  void closed_lastOpenOfUnlinkedFile_freesContent() throws Exception {
    file.addLinks(1);
    file.opened();
    file.write(ByteBuffer.allocate(100), 0, false);
    file.addLinks(-1);
    file.unlinked();
    assertThat(file.size()).isEqualTo(100);
    file.closed();
    assertThat(file.size()).isZero();
    assertThat(store.info().freeSpace()).isEqualTo(1 << 20);
  }
}
