package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A posix file system made through java.nio ({@code FileSystems.newFileSystem}) sees another
 * process's changes, as a posix mount made with {@code Vfs.Builder.mount} does: with no {@code
 * coherencePolicy} it is WATCH, and {@code "watch"} is accepted. The other process is the JDK's own
 * provider on the real directory. Each change must be seen within {@link #BOUND}, generous for a
 * loaded machine; the test goes on as soon as it is.
 */
@ExtendWith(FdLeakCheck.class)
class PosixFileSystemCoherenceTest {
  private static final long BOUND = TimeUnit.SECONDS.toNanos(10);
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final Path dir = TempRoot.create("posix-nio-coherence");

  @AfterEach
  void cleanUp() {
    TempRoot.delete(dir);
  }

  private FileSystem open(Map<String, Object> more) throws Exception {
    Map<String, Object> env = new java.util.HashMap<>(more);
    env.put("backend", "posix");
    env.put("backendConfig", Map.of("root", dir.toString()));
    return FileSystems.newFileSystem(
        URI.create("jvfs://posix-coherence-" + NAMES.incrementAndGet()), env);
  }

  private static boolean within(BooleanSupplier seen) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND;
    while (!seen.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private void seesAnotherProcess(FileSystem fs) throws Exception {
    Files.write(dir.resolve("gone"), new byte[] {1});
    Files.write(dir.resolve("grows"), new byte[] {1});
    Path gone = fs.getPath("/gone");
    Path born = fs.getPath("/born");
    Path grows = fs.getPath("/grows");
    // Cache all three answers.
    assertThat(Files.exists(gone)).isTrue();
    assertThat(Files.exists(born)).isFalse();
    assertThat(Files.size(grows)).isEqualTo(1);

    Files.delete(dir.resolve("gone"));
    Files.write(dir.resolve("born"), new byte[] {2});
    Files.write(dir.resolve("grows"), new byte[] {3, 4, 5, 6}, StandardOpenOption.APPEND);

    assertThat(within(() -> !Files.exists(gone))).as("a deleted file is seen gone").isTrue();
    assertThat(within(() -> Files.exists(born))).as("a new file is seen").isTrue();
    assertThat(within(() -> size(grows) == 5)).as("a file's new size is seen").isTrue();
  }

  @Test
  void newFileSystem_withoutAPolicy_seesAnotherProcessesChanges() throws Exception {
    try (FileSystem fs = open(Map.of())) {
      seesAnotherProcess(fs);
    }
  }

  @Test
  void newFileSystem_withPolicyWatch_seesAnotherProcessesChanges() throws Exception {
    try (FileSystem fs = open(Map.of("coherencePolicy", "watch"))) {
      seesAnotherProcess(fs);
    }
  }

  @Test
  void newFileSystem_withPolicyTtl_seesAnotherProcessesChangesAfterTheTtl() throws Exception {
    try (FileSystem fs = open(Map.of("coherencePolicy", "ttl:PT0.2S"))) {
      seesAnotherProcess(fs);
    }
  }
}
