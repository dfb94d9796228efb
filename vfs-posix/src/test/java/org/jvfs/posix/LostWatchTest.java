package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;

/**
 * A watch the kernel drops by itself ({@code IN_IGNORED}) is reported: the VFS drops what it cached
 * in that directory. Here another process unmounts a file system mounted on a watched directory:
 * inotify sends {@code IN_UNMOUNT} and {@code IN_IGNORED} to the directory's watch and nothing to
 * its parent's, so the entries of the unmounted file system used to stay cached for good (a
 * directory in it HIT, a name only the directory beneath it has ABSENT). Needs {@code mount}
 * (root); skipped where it fails.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("A watch the kernel drops drops what the VFS cached in its directory")
class LostWatchTest {
  private static final long BOUND = TimeUnit.SECONDS.toNanos(5);

  private final Path root = TempRoot.create("posix-lostwatch");
  private boolean mounted;
  private Vfs vfs;

  @AfterEach
  void tearDown() throws Exception {
    if (vfs != null) {
      vfs.close();
    }
    if (mounted) {
      sh("umount m");
    }
    TempRoot.delete(root);
  }

  private int sh(String script) throws Exception {
    Process p =
        new ProcessBuilder("sh", "-c", script)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private LookupResult.Status lookup(String path) {
    return vfs.lookup(path).join().status();
  }

  /** Waits until {@code path} is {@code status}, within {@link #BOUND}. */
  private void awaitSeen(String path, LookupResult.Status status) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND;
    LookupResult.Status now;
    do {
      now = vfs.lookupNow(path).status();
      if (now == LookupResult.Status.MISS) {
        now = lookup(path);
      }
      if (now == status) {
        return;
      }
      Thread.sleep(2);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(path + " still " + now + ", expected " + status);
  }

  @Test
  void aFileSystemUnmountedFromAWatchedDirectory_isSeenGone() throws Exception {
    Files.createDirectories(root.resolve("m"));
    Files.writeString(root.resolve("m/under"), "u");
    assumeTrue(sh("mount -t tmpfs -o size=1m jvfs-test m") == 0, "mount (needs root)");
    mounted = true;
    Files.createDirectories(root.resolve("m/sub"));
    vfs = Vfs.builder().mount("/", PosixBackend.open(PosixOptions.builder(root).build())).build();
    assertThat(lookup("/m/sub")).isEqualTo(LookupResult.Status.HIT);
    assertThat(lookup("/m/under")).isEqualTo(LookupResult.Status.ABSENT);
    assertThat(vfs.lookupNow("/m/sub").status()).isEqualTo(LookupResult.Status.HIT);

    assertThat(sh("umount m")).isZero();
    mounted = false;
    awaitSeen("/m/sub", LookupResult.Status.ABSENT);
    awaitSeen("/m/under", LookupResult.Status.HIT);
    assertThat(vfs.verifyCache()).isEmpty();
  }
}
