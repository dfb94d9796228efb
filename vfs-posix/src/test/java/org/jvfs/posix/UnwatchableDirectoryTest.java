package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Errno;
import org.jvfs.spi.ForwardingBackend;
import org.jvfs.spi.Invalidations;

/**
 * A directory inotify refuses to watch (EACCES: one the process may search but not read) is not
 * cached beyond the call that looked into it, and nothing else is dropped. It used to be reported
 * as an overflow: every lookup into it emptied the whole mount's cache. As root the kernel lets any
 * directory be watched, so {@code inotify_add_watch} is replaced to refuse one; as another user a
 * directory of mode 0311 (write and search, no read) is the real thing.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("A directory that cannot be watched is not cached, and costs the rest nothing")
class UnwatchableDirectoryTest {
  private final Path root = TempRoot.create("posix-unwatchable");
  private Vfs vfs;

  @AfterEach
  void tearDown() throws Exception {
    if (vfs != null) {
      vfs.close();
    }
    if (Files.exists(root.resolve("locked"))) {
      Files.setPosixFilePermissions(
          root.resolve("locked"), PosixFilePermissions.fromString("rwx------"));
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

  private LookupResult.Status lookup(String path) {
    return vfs.lookup(path).join().status();
  }

  private LookupResult.Status now(String path) {
    return vfs.lookupNow(path).status();
  }

  private void tree() throws Exception {
    Files.createDirectories(root.resolve("a"));
    Files.writeString(root.resolve("a/f"), "f");
    Files.createDirectories(root.resolve("locked/sub"));
    Files.writeString(root.resolve("locked/f"), "f");
    Files.writeString(root.resolve("locked/g"), "g");
    Files.writeString(root.resolve("locked/sub/h"), "h");
  }

  /** A posix backend whose watcher's {@code inotify_add_watch} fails with EACCES for {@code no}. */
  private static Backend refusing(PosixBackend b, Set<PosixNode> no) {
    return new ForwardingBackend() {
      @Override
      protected Backend delegate() {
        return b;
      }

      @Override
      public void watch(Invalidations sink) {
        b.posixRoot()
            .startWatching(
                sink,
                (ifd, dir, path, mask) ->
                    no.contains(dir)
                        ? -Errno.EACCES.code()
                        : InotifyWatcher.KERNEL.add(ifd, dir, path, mask));
      }
    };
  }

  /** Looks into locked again and again: answered each time, cached never, a/f cached throughout. */
  private void lookIntoLocked() throws Exception {
    assertThat(lookup("/a/f")).isEqualTo(LookupResult.Status.HIT);
    assertThat(now("/a/f")).isEqualTo(LookupResult.Status.HIT);
    long loads = vfs.cacheStats().loadCount();
    for (int i = 0; i < 20; i++) {
      assertThat(lookup("/locked/f")).isEqualTo(LookupResult.Status.HIT);
      assertThat(lookup("/locked/absent")).isEqualTo(LookupResult.Status.ABSENT);
      assertThat(lookup("/locked/sub/h")).isEqualTo(LookupResult.Status.HIT);
      assertThat(now("/locked/f"))
          .as("not cached beyond the request")
          .isEqualTo(LookupResult.Status.MISS);
      assertThat(now("/locked/absent")).isEqualTo(LookupResult.Status.MISS);
      assertThat(now("/locked/sub/h")).isEqualTo(LookupResult.Status.MISS);
      assertThat(now("/a/f")).as("nothing else dropped").isEqualTo(LookupResult.Status.HIT);
    }
    // Each round loads locked in the root, then f, absent and sub in locked (locked once per
    // lookup: its dentry goes with every call into it), then h in sub: never a/f again.
    assertThat(vfs.cacheStats().loadCount() - loads).isGreaterThanOrEqualTo(20 * 4);
    sh("rm locked/g");
    assertThat(lookup("/locked/g")).as("seen at once").isEqualTo(LookupResult.Status.ABSENT);
    sh("printf n > locked/absent");
    assertThat(lookup("/locked/absent")).isEqualTo(LookupResult.Status.HIT);
    assertThat(now("/a/f")).isEqualTo(LookupResult.Status.HIT);
    assertThat(vfs.verifyCache()).isEmpty();
  }

  @Test
  void eaccesFromInotify_cachesNothingInThatDirectory_andDropsNothingElse() throws Exception {
    tree();
    PosixBackend b = PosixBackend.open(PosixOptions.builder(root).build());
    vfs = Vfs.builder().mount("/", refusing(b, Set.of(node("locked")))).build();
    lookIntoLocked();
  }

  @Test
  void aDirectoryWatchableAgain_isCachedAgain() throws Exception {
    tree();
    Set<PosixNode> no = ConcurrentHashMap.newKeySet();
    no.add(node("locked"));
    PosixBackend b = PosixBackend.open(PosixOptions.builder(root).build());
    vfs = Vfs.builder().mount("/", refusing(b, no)).build();
    assertThat(lookup("/locked/f")).isEqualTo(LookupResult.Status.HIT);
    assertThat(now("/locked/f")).isEqualTo(LookupResult.Status.MISS);
    no.clear(); // its mode changed, say
    assertThat(lookup("/locked/f")).isEqualTo(LookupResult.Status.HIT);
    assertThat(now("/locked/f")).isEqualTo(LookupResult.Status.HIT);
    assertThat(b.posixRoot().isWatched(node("locked"))).isTrue();
  }

  @Test
  void mode0311_asAUserWhoMaySearchAndWriteButNotRead() throws Exception {
    assumeTrue(
        !Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")),
        "root may read any directory: the test above replaces inotify_add_watch instead");
    tree();
    Files.setPosixFilePermissions(
        root.resolve("locked"), PosixFilePermissions.fromString("-wx--x--x"));
    vfs = Vfs.builder().mount("/", PosixBackend.open(PosixOptions.builder(root).build())).build();
    lookIntoLocked();
  }
}
