package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.Vfs;

/**
 * Whole-file reads through the posix backend's open-file cache see every change: through the VFS at
 * once, by another process in place at once (same file), and by another process replacing the file
 * within the WATCH bound; a cached descriptor never outlives the backend.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("Reads through cached file descriptors see every change")
class FileCacheCoherenceTest {
  private Path root;
  private PosixBackend backend;
  private Vfs vfs;

  @BeforeEach
  void setUp() throws Exception {
    root = TempRoot.create("posix-filecache");
    Files.createDirectory(root.resolve("d"));
    Files.writeString(root.resolve("d/f"), "one");
  }

  @AfterEach
  void tearDown() {
    if (vfs != null) {
      vfs.close();
    }
    TempRoot.delete(root);
  }

  private void open(PosixOptions.Builder options) throws Exception {
    backend = PosixBackend.open(options.build());
    vfs = Vfs.builder().mount("/", backend).build();
  }

  private String read(String path) {
    return new String(vfs.readAllBytes(path).join(), StandardCharsets.UTF_8);
  }

  private void sh(String script) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", script).directory(root.toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  private void awaitContent(String path, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + CoherenceTest.WATCH_BOUND.toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = read(path);
      } catch (CompletionException e) {
        last = e.getCause().toString();
      }
      if (expected.equals(last)) {
        return;
      }
      Thread.sleep(1);
    }
    throw new AssertionError(path + " still reads " + last + ", not " + expected);
  }

  @Test
  void secondRead_usesTheKeptDescriptor() throws Exception {
    open(PosixOptions.builder(root));
    assertThat(read("/d/f")).isEqualTo("one");
    int held = backend.heldDescriptors();
    assertThat(held).as("the file's descriptor is kept").isEqualTo(1);
    assertThat(read("/d/f")).isEqualTo("one");
    assertThat(backend.heldDescriptors()).isEqualTo(held);
    vfs.close();
    vfs = null;
    assertThat(backend.heldDescriptors()).as("closed with the backend").isZero();
  }

  @Test
  void changesThroughTheVfs_areReadAtOnce() throws Exception {
    open(PosixOptions.builder(root));
    assertThat(read("/d/f")).isEqualTo("one");
    vfs.delete("/d/f").join();
    assertThatThrownBy(() -> vfs.readAllBytes("/d/f").join())
        .hasCauseInstanceOf(NoSuchFileException.class);
    vfs.write("/d/f", "two".getBytes(StandardCharsets.UTF_8)).join();
    assertThat(read("/d/f")).isEqualTo("two");
    vfs.write("/d/g", "three".getBytes(StandardCharsets.UTF_8)).join();
    assertThat(read("/d/g")).isEqualTo("three");
    vfs.move("/d/g", "/d/f", java.nio.file.StandardCopyOption.REPLACE_EXISTING).join();
    assertThat(read("/d/f")).isEqualTo("three");
    vfs.move("/d", "/e").join();
    vfs.createDirectory("/d").join();
    vfs.write("/d/f", "four".getBytes(StandardCharsets.UTF_8)).join();
    assertThat(read("/d/f")).isEqualTo("four");
    assertThat(read("/e/f")).isEqualTo("three");
  }

  @Test
  void inPlaceChangesByAnotherProcess_areReadAtOnce_whateverTheSize() throws Exception {
    open(PosixOptions.builder(root));
    assertThat(read("/d/f")).isEqualTo("one");
    String longer = "x".repeat(100_000);
    sh("printf '%s' " + longer + " >> d/f"); // same file, grows past the size kept
    assertThat(read("/d/f")).isEqualTo("one" + longer);
    sh(": > d/f"); // truncated in place
    assertThat(read("/d/f")).isEmpty();
    sh("printf ab > d/f");
    assertThat(read("/d/f")).isEqualTo("ab");
  }

  @Test
  void replacementByAnotherProcess_isReadWithinTheWatchBound() throws Exception {
    open(PosixOptions.builder(root));
    assertThat(read("/d/f")).isEqualTo("one");
    sh("printf two > d/new && mv d/new d/f"); // another file takes the name
    awaitContent("/d/f", "two");
    sh("mv d/f d/moved && printf three > d/f"); // the old file lives on elsewhere
    awaitContent("/d/f", "three");
    assertThat(read("/d/moved")).isEqualTo("two");
    sh("rm d/f");
    awaitContent("/d/f", new NoSuchFileException("/d/f").toString());
  }

  @Test
  void renamedDirectory_byAnotherProcess_dropsItsFiles() throws Exception {
    open(PosixOptions.builder(root));
    assertThat(read("/d/f")).isEqualTo("one");
    sh("mv d old && mkdir d && printf new > d/f");
    awaitContent("/d/f", "new");
    assertThat(read("/old/f")).isEqualTo("one");
  }

  @Test
  void withoutWatching_orWithTheCacheOff_nothingIsKept() throws Exception {
    open(PosixOptions.builder(root).watch(false));
    assertThat(read("/d/f")).isEqualTo("one");
    assertThat(backend.heldDescriptors()).isZero();
    vfs.close();
    open(PosixOptions.builder(root).openFileCacheSize(0));
    assertThat(read("/d/f")).isEqualTo("one");
    assertThat(backend.heldDescriptors()).isZero();
  }

  @Test
  void filesOfAnUnwatchedDirectory_areNotKept() throws Exception {
    // One watch: the root's. d cannot be watched, so its changes would never be reported.
    open(PosixOptions.builder(root).maxWatches(1));
    Files.writeString(root.resolve("top"), "top");
    assertThat(read("/d/f")).isEqualTo("one");
    assertThat(backend.heldDescriptors()).as("d/f not kept").isZero();
    assertThat(read("/top")).isEqualTo("top");
    assertThat(backend.heldDescriptors()).as("top, in the watched root, kept").isEqualTo(1);
  }

  @Test
  void idleDescriptors_areGivenBack() throws Exception {
    open(PosixOptions.builder(root).openFileExpiry(Duration.ofMillis(50)));
    assertThat(read("/d/f")).isEqualTo("one");
    assertThat(backend.heldDescriptors()).isEqualTo(1);
    Thread.sleep(200);
    // Expired entries are dropped when the cache is next used.
    Files.writeString(root.resolve("d/g"), "g");
    assertThat(read("/d/g")).isEqualTo("g");
    assertThat(backend.heldDescriptors()).as("f given back, g kept").isEqualTo(1);
  }
}
