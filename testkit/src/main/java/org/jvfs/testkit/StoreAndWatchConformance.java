package org.jvfs.testkit;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Kit tests for {@link FileStore}s, the file system object and watch services. */
abstract class StoreAndWatchConformance extends ConformanceGroup {

  StoreAndWatchConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  @Test
  void getFileStore_spaceFiguresAreOrdered() throws IOException {
    FileStore store = Files.getFileStore(root());

    long total = store.getTotalSpace();
    long free = store.getUnallocatedSpace();
    long usable = store.getUsableSpace();

    assertThat(total).isPositive();
    assertThat(free).isBetween(0L, total);
    assertThat(usable).isBetween(0L, free);
  }

  @Test
  void getFileStore_describesItself() throws IOException {
    FileStore store = Files.getFileStore(file("f", ""));

    assertThat(store.name()).isNotNull();
    assertThat(store.type()).isNotNull();
    assertThat(store.isReadOnly()).isFalse();
    assertThat(store.supportsFileAttributeView(BasicFileAttributeView.class)).isTrue();
    assertThat(store.supportsFileAttributeView("basic")).isTrue();
  }

  @Test
  void getFileStore_sameForRootAndChild() throws IOException {
    Path file = file("f", "");

    assertThat(Files.getFileStore(file)).isEqualTo(Files.getFileStore(root()));
  }

  @Test
  void getFileStore_missing() {
    Path missing = path("missing");

    assertThrowsFor(NoSuchFileException.class, missing, () -> Files.getFileStore(missing));
  }

  @Test
  void fileSystem_isOpenWritableWithBasicView() {
    assertThat(fs().isOpen()).isTrue();
    assertThat(fs().isReadOnly()).isFalse();
    assertThat(fs().supportedFileAttributeViews()).contains("basic");
    assertThat(fs().getSeparator()).isNotEmpty();
    assertThat(fs().getRootDirectories()).isNotEmpty();
  }

  private static List<WatchEvent<?>> eventsFor(WatchService watcher, WatchKey expected, int min)
      throws InterruptedException {
    List<WatchEvent<?>> events = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (events.size() < min && System.nanoTime() < deadline) {
      @Nullable WatchKey key = watcher.poll(500, TimeUnit.MILLISECONDS);
      if (key != null) {
        assertThat(key).isSameAs(expected);
        events.addAll(key.pollEvents());
        key.reset();
      }
    }
    return events;
  }

  @Test
  void watchService_reportsCreateAndDelete() throws IOException, InterruptedException {
    assume(Feature.WATCH_SERVICE);
    Path dir = dir("watched");

    try (WatchService watcher = fs().newWatchService()) {
      WatchKey key = dir.register(watcher, ENTRY_CREATE, ENTRY_DELETE);
      assertThat(key.isValid()).isTrue();
      assertThat(key.watchable()).isEqualTo(dir);

      file("watched/new", "x");
      Files.delete(path("watched/new"));

      List<WatchEvent<?>> events = eventsFor(watcher, key, 2);
      assertThat(events)
          .anySatisfy(
              e -> {
                assertThat(e.kind()).isEqualTo(ENTRY_CREATE);
                assertThat(e.context()).isEqualTo(fs().getPath("new"));
              })
          .anySatisfy(e -> assertThat(e.kind()).isEqualTo(ENTRY_DELETE));
    }
  }

  @Test
  void watchService_registerRegularFile() throws IOException {
    assume(Feature.WATCH_SERVICE);
    Path file = file("f", "");

    try (WatchService watcher = fs().newWatchService()) {
      assertThrowsFor(
          NotDirectoryException.class, file, () -> file.register(watcher, ENTRY_CREATE));
    }
  }

  @Test
  void watchService_cancelledKeyIsInvalid() throws IOException {
    assume(Feature.WATCH_SERVICE);
    Path dir = dir("watched");

    try (WatchService watcher = fs().newWatchService()) {
      WatchKey key = dir.register(watcher, ENTRY_CREATE);
      key.cancel();
      assertThat(key.isValid()).isFalse();
    }
  }
}
