package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.CoherencePolicy;
import org.jvfs.Vfs;
import org.jvfs.spi.NodeAttributes;

/**
 * Under WATCH, a file changed by another process through a hard link in another directory is seen
 * within the policy's attribute bound: inotify reports the link and the write only in the directory
 * of the name used (here one the VFS never looked into), so no event ever names the cached file.
 * The other process is the JDK's own provider on the real directory.
 */
@ExtendWith(FdLeakCheck.class)
class HardLinkCoherenceTest {
  /** The attribute bound plus a generous margin for a loaded machine. */
  private static final long BOUND =
      CoherencePolicy.DEFAULT_WATCH_ATTRIBUTE_TTL.toNanos() + TimeUnit.SECONDS.toNanos(9);

  private final Path root = TempRoot.create("posix-hardlink");

  @AfterEach
  void cleanUp() {
    TempRoot.delete(root);
  }

  @Test
  void sizeAndLinkCount_changedThroughAHardLinkElsewhere_areSeenWithinTheAttributeBound()
      throws Exception {
    Files.createDirectories(root.resolve("a"));
    Files.createDirectories(root.resolve("b"));
    Files.write(root.resolve("a/f"), new byte[] {1});
    try (Vfs vfs =
        Vfs.builder().mount("/", PosixBackend.open(PosixOptions.builder(root).build())).build()) {
      NodeAttributes before = vfs.stat("/a/f").join();
      assertThat(before.size()).isEqualTo(1);
      assertThat(before.linkCount()).isEqualTo(1);

      Files.createLink(root.resolve("b/g"), root.resolve("a/f"));
      Files.write(root.resolve("b/g"), new byte[9], StandardOpenOption.APPEND);

      long deadline = System.nanoTime() + BOUND;
      NodeAttributes now = vfs.stat("/a/f").join();
      while (now.size() != 10 && System.nanoTime() < deadline) {
        Thread.sleep(10);
        now = vfs.stat("/a/f").join();
      }
      assertThat(now.size()).as("size seen through /a/f").isEqualTo(10);
      assertThat(now.linkCount()).isEqualTo(2);
    }
  }
}
