package org.jvfs.nio;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsWatchKeyTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  @Test
  void repeatedEvents_coalesceWithCount() throws Exception {
    Path dir = Files.createDirectory(fs.getPath("/d"));
    Path f = Files.writeString(fs.getPath("/d/f"), "");
    try (WatchService w = fs.newWatchService()) {
      WatchKey key = dir.register(w, ENTRY_MODIFY);
      Files.writeString(f, "1");
      Files.writeString(f, "2");
      List<WatchEvent<?>> events = w.poll().pollEvents();
      assertThat(events).hasSize(1);
      assertThat(events.get(0).count()).isGreaterThanOrEqualTo(2);
      assertThat(key.reset()).isTrue();
    }
  }

  @Test
  void manyEvents_overflow() throws Exception {
    Path dir = Files.createDirectory(fs.getPath("/d"));
    try (WatchService w = fs.newWatchService()) {
      dir.register(w, ENTRY_CREATE);
      for (int i = 0; i < VfsWatchKey.MAX_EVENTS + 10; i++) {
        Files.createDirectory(fs.getPath("/d/n" + i));
      }
      List<WatchEvent<?>> events = w.poll().pollEvents();
      assertThat(events).hasSize(VfsWatchKey.MAX_EVENTS + 1);
      assertThat(events.get(events.size() - 1).kind()).isEqualTo(OVERFLOW);
    }
  }

  @Test
  void reset_withPendingEvents_requeues_cancelInvalidates() throws Exception {
    Path dir = Files.createDirectory(fs.getPath("/d"));
    try (WatchService w = fs.newWatchService()) {
      WatchKey key = dir.register(w, ENTRY_CREATE);
      Files.createDirectory(fs.getPath("/d/a"));
      assertThat(w.poll()).isSameAs(key);
      Files.createDirectory(fs.getPath("/d/b"));
      assertThat(w.poll()).isNull();
      key.reset();
      assertThat(w.poll()).isSameAs(key);
      key.cancel();
      assertThat(key.isValid()).isFalse();
      assertThat(key.reset()).isFalse();
      assertThat(dir.register(w, ENTRY_CREATE)).isNotSameAs(key);
    }
  }
}
