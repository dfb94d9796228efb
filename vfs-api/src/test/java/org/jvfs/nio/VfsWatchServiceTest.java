package org.jvfs.nio;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsWatchServiceTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  @Test
  void events_queuedSynchronouslyWithoutPolling() throws Exception {
    Path dir = Files.createDirectory(fs.getPath("/d"));
    try (WatchService w = fs.newWatchService()) {
      WatchKey key = dir.register(w, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
      Files.writeString(fs.getPath("/d/f"), "x");
      Files.move(fs.getPath("/d/f"), fs.getPath("/d/g"));
      Files.delete(fs.getPath("/d/g"));

      // Changes through the VFS are delivered before the operation returns: no wait needed.
      assertThat(w.poll()).isSameAs(key);
      List<WatchEvent<?>> events = key.pollEvents();
      assertThat(events)
          .extracting(e -> e.kind().name() + " " + e.context())
          .containsSubsequence(
              "ENTRY_CREATE f", "ENTRY_DELETE f", "ENTRY_CREATE g", "ENTRY_DELETE g");
      assertThat(w.poll()).isNull();
      assertThat(key.reset()).isTrue();
    }
  }

  @Test
  void unregisteredKindsAndOtherDirectories_ignored() throws Exception {
    Path dir = Files.createDirectory(fs.getPath("/d"));
    Files.createDirectory(fs.getPath("/other"));
    try (WatchService w = fs.newWatchService()) {
      dir.register(w, ENTRY_DELETE);
      Files.writeString(fs.getPath("/d/f"), "x");
      Files.writeString(fs.getPath("/other/f"), "x");
      assertThat(w.poll()).isNull();
    }
  }

  @Test
  void register_regularFile_notDirectory() throws Exception {
    Path f = Files.writeString(fs.getPath("/f"), "");
    try (WatchService w = fs.newWatchService()) {
      assertThatThrownBy(() -> f.register(w, ENTRY_CREATE))
          .isInstanceOf(NotDirectoryException.class);
    }
  }

  @Test
  void close_wakesTakeAndFailsLaterCalls() throws Exception {
    WatchService w = fs.newWatchService();
    CompletableFuture<Throwable> taken =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                w.take();
                return null;
              } catch (Throwable t) {
                return t;
              }
            });
    Thread.sleep(50);
    w.close();
    assertThat(taken.get(10, TimeUnit.SECONDS)).isInstanceOf(ClosedWatchServiceException.class);
    assertThatThrownBy(w::poll).isInstanceOf(ClosedWatchServiceException.class);
    assertThatThrownBy(() -> fs.getPath("/").register(w, ENTRY_CREATE))
        .isInstanceOf(ClosedWatchServiceException.class);
  }

  @Test
  void fileSystemClose_closesWatchService() throws Exception {
    WatchService w = fs.newWatchService();
    fs.close();
    assertThatThrownBy(w::poll).isInstanceOf(ClosedWatchServiceException.class);
  }
}
