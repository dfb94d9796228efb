package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * More directories than watches: the directory watched longest is given up and what the VFS cached
 * in and below it is dropped (nothing stays cached where no event would come), while the rest of
 * the mount's cache stays.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("Beyond maxWatches, the oldest watched directory is given up, not the whole cache")
class WatchCapTest {
  /** Long enough that no attribute snapshot expires during a test: hits are the dentries'. */
  private static final CoherencePolicy WATCH = CoherencePolicy.watch(Duration.ofHours(1));

  private final Path root = TempRoot.create("posix-watchcap");
  private PosixBackend backend;
  private Vfs vfs;

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

  private void mount(int maxWatches) throws Exception {
    backend = PosixBackend.open(PosixOptions.builder(root).maxWatches(maxWatches).build());
    vfs = Vfs.builder().mount("/", backend, WATCH).build();
  }

  /** Returns the backend's node of the directory {@code rel} of the root, as a statx gives it. */
  private PosixNode node(String rel) {
    Statx s = new Statx();
    byte[] p = root.resolve(rel).toString().getBytes(StandardCharsets.UTF_8);
    assertThat(PosixNative.get().statx(Linux.AT_FDCWD, p, Linux.AT_SYMLINK_NOFOLLOW, 0xfff, s))
        .isZero();
    return new PosixNode(s.dev, s.ino, rel.getBytes(StandardCharsets.UTF_8));
  }

  /** Makes {@code tops} directories of {@code leaves} directories, each leaf with a file f. */
  private List<String> tree(int tops, int leaves) throws Exception {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < tops; i++) {
      for (int j = 0; j < leaves; j++) {
        Path leaf = Files.createDirectories(root.resolve("a" + i + "/b" + j));
        Files.writeString(leaf.resolve("f"), "f");
        files.add("/a" + i + "/b" + j + "/f");
      }
    }
    return files;
  }

  private LookupResult.Status lookup(String path) {
    return vfs.lookup(path).join().status();
  }

  @Test
  void aGivenUpDirectory_isLookedUpAfresh_andTheRestStaysCached() throws Exception {
    for (String d : new String[] {"a", "b", "c", "d"}) {
      Files.createDirectory(root.resolve(d));
      Files.writeString(root.resolve(d + "/f"), d);
    }
    // The root and two more directories can be watched.
    mount(3);
    assertThat(lookup("/a/new")).isEqualTo(LookupResult.Status.ABSENT);
    assertThat(vfs.lookupNow("/a/new").status())
        .as("cached absent")
        .isEqualTo(LookupResult.Status.ABSENT);
    for (String d : new String[] {"b", "c", "d"}) {
      assertThat(lookup("/" + d + "/f")).isEqualTo(LookupResult.Status.HIT);
    }
    // a (then b) were given up for c and d: a's cached answers are gone, d's stay.
    assertThat(vfs.lookupNow("/a/new").status()).isEqualTo(LookupResult.Status.MISS);
    assertThat(vfs.lookupNow("/d/f").status()).isEqualTo(LookupResult.Status.HIT);
    sh("printf x > a/new"); // no watch on a now: no event
    assertThat(lookup("/a/new"))
        .as("looked up afresh, not a stale absent")
        .isEqualTo(LookupResult.Status.HIT);
    assertThat(new String(vfs.readAllBytes("/a/new").join(), StandardCharsets.UTF_8))
        .isEqualTo("x");
  }

  @Test
  void aTreeFourTimesTheWatches_keepsAWorkingSetThatFitsCached() throws Exception {
    List<String> all = tree(4, 8); // the root, 4 + 32 directories
    mount(8);
    for (String f : all) {
      assertThat(lookup(f)).as(f).isEqualTo(LookupResult.Status.HIT);
    }
    // Two top directories with two leaves each: 7 watches with the root.
    List<String> working = List.of("/a0/b0/f", "/a0/b1/f", "/a2/b3/f", "/a2/b4/f");
    int hits = 0;
    int lookups = 0;
    for (int round = 0; round < 25; round++) {
      for (String f : working) {
        lookups++;
        if (vfs.lookupNow(f).isHit()) {
          hits++;
        } else {
          assertThat(lookup(f)).as(f).isEqualTo(LookupResult.Status.HIT);
        }
      }
    }
    System.out.printf(
        "WatchCapTest: %d of %d lookups of a working set of 6 directories hit, 8 watches,"
            + " 37 directories%n",
        hits, lookups);
    assertThat(hits).as("hits of %s lookups", lookups).isGreaterThanOrEqualTo(lookups * 9 / 10);
    assertThat(vfs.verifyCache()).isEmpty();
  }

  @Test
  void aChangeInADirectoryWhoseWatchWasGivenUp_isSeen() throws Exception {
    List<String> all = tree(3, 8);
    Files.writeString(root.resolve("a0/b0/gone"), "g");
    mount(8);
    assertThat(lookup("/a0/b0/f")).isEqualTo(LookupResult.Status.HIT);
    assertThat(lookup("/a0/b0/gone")).isEqualTo(LookupResult.Status.HIT);
    assertThat(lookup("/a0/b0/new")).isEqualTo(LookupResult.Status.ABSENT);
    assertThat(backend.posixRoot().isWatched(node("a0/b0"))).isTrue();
    // Nine more directories: a0/b0's watch is given up.
    for (String f : all.subList(16, 24)) {
      assertThat(lookup(f)).isEqualTo(LookupResult.Status.HIT);
    }
    assertThat(backend.posixRoot().isWatched(node("a0/b0"))).isFalse();
    assertThat(vfs.lookupNow("/a0/b1/f").isHit()).as("the rest of the tree").isFalse();

    sh("printf 12345 > a0/b0/f; rm a0/b0/gone; printf n > a0/b0/new"); // no event: no watch
    assertThat(vfs.lookupNow("/a0/b0/gone").isHit()).isFalse();
    assertThat(lookup("/a0/b0/gone")).isEqualTo(LookupResult.Status.ABSENT);
    assertThat(lookup("/a0/b0/new")).isEqualTo(LookupResult.Status.HIT);
    assertThat(vfs.stat("/a0/b0/f").join().size()).isEqualTo(5);
    assertThat(backend.posixRoot().isWatched(node("a0/b0"))).as("watched again").isTrue();
    assertThat(vfs.verifyCache()).isEmpty();
  }
}
