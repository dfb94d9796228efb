package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.CoherencePolicy;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;

/**
 * A watched directory renamed (through the VFS, or by another process) is still watched by its
 * identity: a change in it is reported under its new name, and when its watch is given up what the
 * VFS cached in it is dropped, wherever it is now. (The watcher used to give it up by its old path:
 * it reported the old name changed in the parent, and the entries cached under the new name stayed,
 * a deleted one HIT forever.)
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("A renamed watched directory is reported, and given up, by its identity")
class RenamedDirectoryWatchTest {
  /** WATCH's attribute bound plus a generous margin for events on a loaded machine. */
  private static final long BOUND =
      CoherencePolicy.DEFAULT_WATCH_ATTRIBUTE_TTL.toNanos() + TimeUnit.SECONDS.toNanos(4);

  private final Path root = TempRoot.create("posix-renamedwatch");
  private PosixBackend backend;
  private Vfs vfs;
  private int settles;

  @AfterEach
  void tearDown() {
    if (vfs != null) {
      vfs.close();
    }
    TempRoot.delete(root);
  }

  private void sh(String script) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", script).directory(root.toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  private PosixNode node(String rel) {
    Statx s = new Statx();
    byte[] p = root.resolve(rel).toString().getBytes(StandardCharsets.UTF_8);
    assertThat(PosixNative.get().statx(Linux.AT_FDCWD, p, Linux.AT_SYMLINK_NOFOLLOW, 0x7ff, s))
        .isZero();
    return new PosixNode(s.dev, s.ino, rel.getBytes(StandardCharsets.UTF_8));
  }

  private LookupResult lookup(String path) {
    return vfs.lookup(path).join();
  }

  /**
   * Waits until the watcher handled every event queued so far: another process creates a name the
   * VFS cached as absent in the root, and the VFS stops answering ABSENT for it.
   */
  private void settle() throws Exception {
    String marker = "settle" + settles++;
    assertThat(lookup("/" + marker).status()).isEqualTo(LookupResult.Status.ABSENT);
    sh("touch " + marker);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (vfs.lookupNow("/" + marker).status() == LookupResult.Status.ABSENT) {
      assertThat(System.nanoTime()).as("the watcher handles %s", marker).isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  /** Asserts that {@code path} is seen as {@code seen} within {@link #BOUND}. */
  private void awaitSeen(String path, Predicate<LookupResult> seen, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + BOUND;
    LookupResult r;
    do {
      r = vfs.lookupNow(path);
      if (r.status() == LookupResult.Status.MISS) {
        r = lookup(path);
      }
      if (seen.test(r)) {
        return;
      }
      Thread.sleep(2);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(path + " still " + r + ", expected " + what);
  }

  private static boolean hit(LookupResult r) {
    return r.status() == LookupResult.Status.HIT;
  }

  private static boolean absent(LookupResult r) {
    return r.status() == LookupResult.Status.ABSENT;
  }

  /** Makes d (with f and gone) and x0..x2 (with f), before anything is watched. */
  private void mountTree() throws Exception {
    Files.createDirectories(root.resolve("d"));
    Files.writeString(root.resolve("d/f"), "f");
    Files.writeString(root.resolve("d/gone"), "g");
    for (int i = 0; i < 3; i++) {
      Files.createDirectories(root.resolve("x" + i));
      Files.writeString(root.resolve("x" + i + "/f"), "f");
    }
    // The root and three more directories can be watched.
    backend = PosixBackend.open(PosixOptions.builder(root).maxWatches(4).build());
    vfs = Vfs.builder().mount("/", backend).build();
    assertThat(hit(lookup("/d/f"))).isTrue();
    assertThat(backend.posixRoot().isWatched(node("d"))).isTrue();
  }

  /** The scenario after d was renamed to e, by whoever: e is still watched. */
  private void changeThenGiveUpTheWatchOfE() throws Exception {
    settle();
    assertThat(hit(lookup("/e/f"))).isTrue();
    assertThat(hit(lookup("/e/gone"))).isTrue();
    assertThat(absent(lookup("/e/new"))).isTrue();
    assertThat(backend.posixRoot().isWatched(node("e"))).isTrue();

    // Still watched: another process's change in it is reported under its new name.
    sh("printf 12345 > e/f; rm e/gone");
    awaitSeen("/e/f", r -> hit(r) && r.attributes().size() == 5, "a size of 5");
    awaitSeen("/e/gone", RenamedDirectoryWatchTest::absent, "absent");
    sh("printf g > e/gone");
    awaitSeen("/e/gone", RenamedDirectoryWatchTest::hit, "present again");
    assertThat(hit(lookup("/e/f"))).isTrue();
    assertThat(absent(lookup("/e/new"))).isTrue();

    // Three more directories: e, the oldest watched but the root, is given up.
    for (int i = 0; i < 3; i++) {
      assertThat(hit(lookup("/x" + i + "/f"))).isTrue();
    }
    assertThat(backend.posixRoot().isWatched(node("e"))).isFalse();
    sh("rm e/gone; printf n > e/new; printf 1234567 > e/f"); // no watch: no event
    awaitSeen("/e/gone", RenamedDirectoryWatchTest::absent, "absent (deleted)");
    awaitSeen("/e/new", RenamedDirectoryWatchTest::hit, "present (created)");
    awaitSeen("/e/f", r -> hit(r) && r.attributes().size() == 7, "a size of 7");
    assertThat(vfs.verifyCache()).isEmpty();
  }

  @Test
  void renamedThroughTheVfs_thenChanged_thenGivenUp_neverServesAStaleEntry() throws Exception {
    mountTree();
    vfs.move("/d", "/e").join();
    changeThenGiveUpTheWatchOfE();
  }

  @Test
  void renamedByAnotherProcess_thenChanged_thenGivenUp_neverServesAStaleEntry() throws Exception {
    mountTree();
    sh("mv d e");
    changeThenGiveUpTheWatchOfE();
  }
}
