package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.CoherencePolicy;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.spi.NodeAttributes;

/**
 * Changes made by another process (sh -c) are seen within the policy's bound: under WATCH (the
 * default of a posix mount) as soon as inotify delivers the event, under TTL after the TTL. The
 * measured delay is printed. Whole-file reads see changes through the VFS and changes in place at
 * once (every read opens its file), and another file taking the name within the bound (the dentry
 * cache may name the old one until the event arrives).
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("Changes by another process are seen within the coherence bound")
class CoherenceTest {
  /** The bound the tests hold WATCH to: generous for a loaded machine. */
  static final Duration WATCH_BOUND = Duration.ofSeconds(2);

  static final Duration TTL = Duration.ofMillis(300);

  Path root;
  Vfs vfs;

  @BeforeEach
  void setUp() {
    root = TempRoot.create("posix-coherence");
  }

  @AfterEach
  void tearDown() {
    if (vfs != null) {
      vfs.close();
    }
    TempRoot.delete(root);
  }

  private Vfs watched() throws Exception {
    PosixBackend b = PosixBackend.open(PosixOptions.builder(root).build());
    Vfs v = Vfs.builder().mount("/", b).build();
    return v;
  }

  private void sh(String script) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", script).directory(root.toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  /** Polls lookupNow (no IO) until {@code seen}; returns the delay after the change returned. */
  private long awaitSeen(String path, Predicate<LookupResult> seen, Duration bound)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + bound.toNanos();
    while (System.nanoTime() < deadline) {
      LookupResult r = vfs.lookupNow(path);
      if (r.status() == LookupResult.Status.MISS) {
        r = vfs.lookup(path).join();
      }
      if (seen.test(r)) {
        return System.nanoTime() - start;
      }
      Thread.sleep(1);
    }
    throw new AssertionError(path + " not seen within " + bound);
  }

  private static boolean present(LookupResult r) {
    return r.status() == LookupResult.Status.HIT;
  }

  private static boolean absent(LookupResult r) {
    return r.status() == LookupResult.Status.ABSENT;
  }

  @Test
  void watch_isTheDefaultPolicyOfAPosixMount_andSeesCreateDeleteRename() throws Exception {
    vfs = watched();
    vfs.createDirectories("/d").join();
    assertThat(vfs.lookup("/d/f").join().status()).isEqualTo(LookupResult.Status.ABSENT);
    // The VFS's own mkdir comes back as an inotify event that may drop /d's dentry a moment later
    // (a MISS, never a wrong answer); within the bound the cache answers ABSENT from memory.
    long settle = System.nanoTime() + WATCH_BOUND.toNanos();
    LookupResult now = vfs.lookupNow("/d/f");
    while (now.status() == LookupResult.Status.MISS && System.nanoTime() < settle) {
      Thread.sleep(1);
      vfs.lookup("/d/f").join();
      now = vfs.lookupNow("/d/f");
    }
    assertThat(now.status()).isEqualTo(LookupResult.Status.ABSENT);

    sh("echo hi > d/f");
    long created = awaitSeen("/d/f", CoherenceTest::present, WATCH_BOUND);

    assertThat(vfs.lookup("/d/g").join().status()).isEqualTo(LookupResult.Status.ABSENT);
    sh("mv d/f d/g");
    long renamedFrom = awaitSeen("/d/f", CoherenceTest::absent, WATCH_BOUND);
    long renamedTo = awaitSeen("/d/g", CoherenceTest::present, WATCH_BOUND);

    sh("rm d/g");
    long deleted = awaitSeen("/d/g", CoherenceTest::absent, WATCH_BOUND);

    sh("echo 12345 > d/h");
    awaitSeen("/d/h", CoherenceTest::present, WATCH_BOUND);
    sh("echo 1234567890 > d/h");
    long modified = awaitSeen("/d/h", r -> present(r) && r.attributes().size() == 11, WATCH_BOUND);
    System.out.printf(
        "WATCH bound (ms after the other process exited): create %.2f, rename %.2f/%.2f,"
            + " delete %.2f, modify %.2f%n",
        created / 1e6, renamedFrom / 1e6, renamedTo / 1e6, deleted / 1e6, modified / 1e6);
  }

  @Test
  void watch_seesARenamedDirectory() throws Exception {
    vfs = watched();
    vfs.createDirectories("/a/b").join();
    vfs.write("/a/b/f", new byte[] {1}).join();
    assertThat(present(vfs.lookup("/a/b/f").join())).isTrue();
    sh("mv a c");
    awaitSeen("/a/b/f", CoherenceTest::absent, WATCH_BOUND);
    awaitSeen("/c/b/f", CoherenceTest::present, WATCH_BOUND);
  }

  @Test
  void watch_seesTheAttributesOfADirectoryNeverLookedInto_changeWithinTheAttributeBound()
      throws Exception {
    Files.createDirectory(root.resolve("d"));
    vfs = watched();
    NodeAttributes before = vfs.stat("/d").join();
    assertThat(before.linkCount()).isEqualTo(2);
    // d is not watched (nothing looked into it): no event reports what changes inside it, which
    // changes its link count and times.
    sh("mkdir d/x");
    long bound = CoherencePolicy.DEFAULT_WATCH_ATTRIBUTE_TTL.plus(WATCH_BOUND).toNanos();
    long deadline = System.nanoTime() + bound;
    NodeAttributes now = vfs.stat("/d").join();
    while (now.linkCount() != 3 && System.nanoTime() < deadline) {
      Thread.sleep(10);
      now = vfs.stat("/d").join();
    }
    assertThat(now.linkCount()).as("d's link count after mkdir d/x").isEqualTo(3);
    assertThat(now.lastModifiedTime()).isNotEqualTo(before.lastModifiedTime());
  }

  @Test
  void ttl_seesChangesAfterTheTtl() throws Exception {
    vfs =
        Vfs.builder()
            .mount(
                "/",
                PosixBackend.open(PosixOptions.builder(root).watch(false).build()),
                CoherencePolicy.ttl(TTL))
            .build();
    assertThat(absent(vfs.lookup("/f").join())).isTrue();
    sh("echo hi > f");
    long seen = awaitSeen("/f", CoherenceTest::present, TTL.plusMillis(500));
    Files.delete(root.resolve("f"));
    awaitSeen("/f", CoherenceTest::absent, TTL.plusMillis(500));
    System.out.printf("TTL(%d ms): create seen after %.2f ms%n", TTL.toMillis(), seen / 1e6);
  }

  // ---- whole-file reads (every read opens its file from the root: no descriptor is kept) ----

  private String read(String path) {
    return new String(vfs.readAllBytes(path).join(), StandardCharsets.UTF_8);
  }

  /** Reads {@code path} until it reads {@code expected} (or fails so), within the WATCH bound. */
  private void awaitContent(String path, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + WATCH_BOUND.toNanos();
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
  void readAllBytes_afterChangesThroughTheVfs_readsThemAtOnce() throws Exception {
    vfs = watched();
    vfs.createDirectory("/d").join();
    vfs.write("/d/f", "one".getBytes(StandardCharsets.UTF_8)).join();
    assertThat(read("/d/f")).isEqualTo("one");
    vfs.delete("/d/f").join();
    assertThatThrownBy(() -> vfs.readAllBytes("/d/f").join())
        .hasCauseInstanceOf(NoSuchFileException.class);
    vfs.write("/d/f", "two".getBytes(StandardCharsets.UTF_8)).join();
    assertThat(read("/d/f")).isEqualTo("two");
    vfs.write("/d/g", "three".getBytes(StandardCharsets.UTF_8)).join();
    assertThat(read("/d/g")).isEqualTo("three");
    vfs.move("/d/g", "/d/f", StandardCopyOption.REPLACE_EXISTING).join();
    assertThat(read("/d/f")).isEqualTo("three");
    vfs.move("/d", "/e").join();
    vfs.createDirectory("/d").join();
    vfs.write("/d/f", "four".getBytes(StandardCharsets.UTF_8)).join();
    assertThat(read("/d/f")).isEqualTo("four");
    assertThat(read("/e/f")).isEqualTo("three");
  }

  @Test
  void readAllBytes_afterInPlaceChangesByAnotherProcess_readsThemAtOnce() throws Exception {
    Files.createDirectory(root.resolve("d"));
    Files.writeString(root.resolve("d/f"), "one");
    vfs = watched();
    assertThat(read("/d/f")).isEqualTo("one");
    String longer = "x".repeat(100_000);
    sh("printf '%s' " + longer + " >> d/f"); // the same file grows past the size the VFS knows
    assertThat(read("/d/f")).isEqualTo("one" + longer);
    sh(": > d/f"); // truncated in place
    assertThat(read("/d/f")).isEmpty();
    sh("printf ab > d/f");
    assertThat(read("/d/f")).isEqualTo("ab");
  }

  @Test
  void readAllBytes_afterAnotherProcessReplacedTheFile_readsTheNewOneWithinTheBound()
      throws Exception {
    Files.createDirectory(root.resolve("d"));
    Files.writeString(root.resolve("d/f"), "one");
    vfs = watched();
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
  void readAllBytes_afterAnotherProcessRenamedTheDirectory_readsWhatThePathNamesNow()
      throws Exception {
    Files.createDirectory(root.resolve("d"));
    Files.writeString(root.resolve("d/f"), "one");
    vfs = watched();
    assertThat(read("/d/f")).isEqualTo("one");
    sh("mv d old && mkdir d && printf new > d/f");
    awaitContent("/d/f", "new");
    assertThat(read("/old/f")).isEqualTo("one");
  }
}
