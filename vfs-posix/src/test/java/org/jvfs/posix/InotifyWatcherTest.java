package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Invalidations;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;

/**
 * {@link InotifyWatcher}: events mapped to (directory, name) by the directory's identity, watches
 * given up and directories that cannot be watched reported unwatched by node, IN_IGNORED, close.
 * Reports are recorded as {@code changed <ino> <name>}, {@code unwatched <ino>} and {@code
 * overflow}.
 */
@ExtendWith(FdLeakCheck.class)
class InotifyWatcherTest {
  private final PosixNative nat = PosixNative.get();
  private final Path dir = TempRoot.create("posix-inotify");
  private final List<String> reports = new CopyOnWriteArrayList<>();
  private final List<Integer> fds = new ArrayList<>();
  private final Invalidations sink =
      new Invalidations() {
        @Override
        public void changed(Node d, @Nullable Name name) {
          reports.add("changed " + ((PosixNode) d).ino + " " + (name == null ? "-" : name));
        }

        @Override
        public void unwatched(Node d) {
          reports.add("unwatched " + ((PosixNode) d).ino);
        }

        @Override
        public void overflow() {
          reports.add("overflow");
        }
      };

  private @Nullable InotifyWatcher watcher;

  @AfterEach
  void tearDown() throws InterruptedException {
    InotifyWatcher w = watcher;
    if (w != null) {
      w.close();
      await("the watcher thread to end", w::isTerminatedForTest);
    }
    for (int fd : fds) {
      nat.close(fd);
    }
    TempRoot.delete(dir);
  }

  private InotifyWatcher watcher(int maxWatches) throws Exception {
    return watcher(maxWatches, InotifyWatcher.KERNEL);
  }

  private InotifyWatcher watcher(int maxWatches, InotifyWatcher.AddWatch add) throws Exception {
    watcher = new InotifyWatcher(sink, maxWatches, add);
    return watcher;
  }

  /**
   * Returns an O_PATH descriptor of {@code rel}, closed after the test. (A directory's inode, and
   * so its watch, outlives its deletion while a descriptor holds it.)
   */
  private int open(String rel) {
    int fd =
        nat.openat(
            Linux.AT_FDCWD,
            dir.resolve(rel).toString().getBytes(StandardCharsets.UTF_8),
            Linux.O_PATH | Linux.O_DIRECTORY | Linux.O_CLOEXEC,
            0);
    assertThat(fd).isNotNegative();
    fds.add(fd);
    return fd;
  }

  /** Returns the node of {@code rel} (the root for ""), as the backend makes it. */
  private PosixNode node(String rel) {
    Statx s = new Statx();
    byte[] p = dir.resolve(rel).toString().getBytes(StandardCharsets.UTF_8);
    assertThat(nat.statx(Linux.AT_FDCWD, p, Linux.AT_SYMLINK_NOFOLLOW, 0x7ff, s)).isZero();
    return new PosixNode(s.dev, s.ino, rel.getBytes(StandardCharsets.UTF_8));
  }

  /** Makes directories before anything is watched, so that their creation raises no event. */
  private void mkdirs(String... rels) throws Exception {
    for (String rel : rels) {
      Files.createDirectories(dir.resolve(rel));
    }
  }

  /**
   * Watches the directory {@code rel} through a descriptor closed at once, as the backend does, and
   * returns its node.
   */
  private PosixNode watch(InotifyWatcher w, String rel) throws Exception {
    PosixNode n = node(rel);
    int fd = open(rel);
    w.ensureWatched(n, fd);
    nat.close(fds.remove(fds.size() - 1));
    return n;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(end);
      Thread.sleep(5);
    }
  }

  private void awaitReport(String report) throws InterruptedException {
    await(report, () -> reports.contains(report));
  }

  /**
   * Makes a change in the watched directory {@code rel} and waits for its report: every event the
   * kernel queued before it has been handled then.
   */
  private void drain(InotifyWatcher w, String rel, PosixNode node) throws Exception {
    String marker = "marker" + reports.size();
    Files.writeString(dir.resolve(rel).resolve(marker), "m");
    awaitReport("changed " + node.ino + " " + marker);
  }

  @Test
  void changes_areReportedWithTheirName() throws Exception {
    InotifyWatcher w = watcher(10);
    PosixNode root = watch(w, "");
    w.ensureWatched(root, open(""));
    assertThat(w.watchCountForTest()).isEqualTo(1);
    String prefix = "changed " + root.ino + " ";
    Files.writeString(dir.resolve("created"), "x");
    awaitReport(prefix + "created");
    Files.move(dir.resolve("created"), dir.resolve("moved"));
    awaitReport(prefix + "moved");
    Files.delete(dir.resolve("moved"));
    await("delete", () -> reports.stream().filter((prefix + "moved")::equals).count() >= 2);
    assertThat(reports).doesNotContain("overflow");
  }

  @Test
  void atTheCap_theOldestDirectoryIsGivenUp_andReportedUnwatchedByNode() throws Exception {
    mkdirs("a/b", "c");
    InotifyWatcher w = watcher(3);
    PosixNode root = watch(w, "");
    PosixNode a = watch(w, "a");
    PosixNode b = watch(w, "a/b");
    assertThat(reports).isEmpty();
    PosixNode c = watch(w, "c");
    assertThat(w.watchCountForTest()).isEqualTo(3);
    assertThat(w.isWatched(a)).as("a, the oldest but the root, given up").isFalse();
    assertThat(w.isWatched(b)).as("its subdirectory stays until its turn").isTrue();
    assertThat(w.isWatched(root)).isTrue();
    assertThat(w.isWatched(c)).isTrue();
    assertThat(reports).containsExactly("unwatched " + a.ino);
    Files.writeString(dir.resolve("a/x"), "x");
    drain(w, "c", c);
    assertThat(reports).as("a is no longer watched").doesNotContain("changed " + a.ino + " x");
    // Watching a again gives up b, the oldest now.
    w.ensureWatched(a, open("a"));
    assertThat(w.isWatched(a)).isTrue();
    assertThat(w.isWatched(b)).isFalse();
    assertThat(reports).endsWith("unwatched " + b.ino).doesNotContain("overflow");
  }

  @Test
  void aDirectoryRenamedByAnotherProcess_isReportedUnderItsNode_andGivenUpByIt() throws Exception {
    mkdirs("p/a", "r");
    InotifyWatcher w = watcher(3);
    PosixNode root = watch(w, "");
    PosixNode a = watch(w, "p/a");
    Files.move(dir.resolve("p/a"), dir.resolve("q"));
    Files.writeString(dir.resolve("q/new"), "n");
    awaitReport("changed " + a.ino + " new");
    watch(w, "p");
    PosixNode r = watch(w, "r");
    // a, renamed to q, was the oldest: it is given up by its identity, not by its old name.
    assertThat(w.isWatched(a)).isFalse();
    assertThat(w.isWatched(node("q"))).isFalse();
    assertThat(w.isWatched(r)).isTrue();
    assertThat(reports).contains("unwatched " + a.ino).doesNotContain("overflow");
    assertThat(w.isWatched(root)).isTrue();
  }

  @Test
  void beyondMaxWatches_withOnlyTheRootToGiveUp_theDirectoryIsReportedUnwatched() throws Exception {
    mkdirs("a");
    InotifyWatcher w = watcher(1);
    PosixNode root = watch(w, "");
    PosixNode a = watch(w, "a");
    assertThat(w.watchCountForTest()).isEqualTo(1);
    assertThat(w.isWatched(root)).isTrue();
    assertThat(w.isWatched(a)).isFalse();
    assertThat(reports).containsExactly("unwatched " + a.ino);
    // Tried again, and reported again, on every call that looks into it.
    w.ensureWatched(a, open("a"));
    assertThat(reports).containsExactly("unwatched " + a.ino, "unwatched " + a.ino);
  }

  @Test
  void eaccesFromTheKernel_reportsThatDirectoryUnwatched_andNothingElse() throws Exception {
    Set<PosixNode> denied = ConcurrentHashMap.newKeySet();
    InotifyWatcher w =
        watcher(
            10,
            (ifd, d, path, mask) ->
                denied.contains(d)
                    ? -Errno.EACCES.code()
                    : InotifyWatcher.KERNEL.add(ifd, d, path, mask));
    mkdirs("a", "b");
    PosixNode root = watch(w, "");
    PosixNode b = watch(w, "b");
    PosixNode a = node("a");
    denied.add(a);
    w.ensureWatched(a, open("a"));
    assertThat(w.isWatched(a)).isFalse();
    assertThat(w.isWatched(b)).isTrue();
    assertThat(w.watchCountForTest()).isEqualTo(2);
    assertThat(reports).containsExactly("unwatched " + a.ino);
    // Once the kernel lets it be watched (its mode changed, say), it is.
    denied.clear();
    w.ensureWatched(a, open("a"));
    assertThat(w.isWatched(a)).isTrue();
    Files.writeString(dir.resolve("a/x"), "x");
    awaitReport("changed " + a.ino + " x");
    assertThat(reports).filteredOn(r -> !r.startsWith("changed")).hasSize(1);
    assertThat(w.isWatched(root)).isTrue();
  }

  @Test
  void aDescriptorOfAnotherDirectoryThanTheNode_isNotWatched() throws Exception {
    InotifyWatcher w = watcher(10);
    watch(w, "");
    Files.createDirectory(dir.resolve("a"));
    PosixNode a = node("a");
    // Another process renames a away and makes a new a: the node's path names the new one.
    Files.move(dir.resolve("a"), dir.resolve("old"));
    Files.createDirectory(dir.resolve("a"));
    w.ensureWatched(a, open("a"));
    assertThat(w.isWatched(a)).isFalse();
    assertThat(w.isWatched(node("a"))).isFalse();
    assertThat(reports).contains("unwatched " + a.ino);
  }

  @Test
  void aWatchedDirectoryDeletedByAnotherProcess_isReportedUnwatched_andCanBeWatchedAfresh()
      throws Exception {
    mkdirs("a");
    InotifyWatcher w = watcher(10);
    PosixNode root = watch(w, "");
    PosixNode a = watch(w, "a");
    Files.delete(dir.resolve("a"));
    awaitReport("unwatched " + a.ino); // IN_DELETE_SELF, then IN_IGNORED
    assertThat(w.isWatched(a)).isFalse();
    assertThat(w.watchCountForTest()).isEqualTo(1);
    // A new directory (perhaps with the old inode number) is watched, and its events reported.
    Files.createDirectory(dir.resolve("a"));
    PosixNode a2 = watch(w, "a");
    assertThat(w.isWatched(a2)).isTrue();
    Files.writeString(dir.resolve("a/x"), "x");
    awaitReport("changed " + a2.ino + " x");
    assertThat(w.isWatched(root)).isTrue();
  }

  @Test
  void theIgnoredEventOfAWatchGivenUp_doesNotUnwatchItsDirectoryWatchedAgain() throws Exception {
    mkdirs("a", "b");
    InotifyWatcher w = watcher(2);
    PosixNode root = watch(w, "");
    PosixNode a = watch(w, "a");
    PosixNode b = watch(w, "b"); // gives up a: its IN_IGNORED is queued
    PosixNode a2 = watch(w, "a"); // gives up b, watches a again under a new descriptor
    assertThat(a2).isEqualTo(a);
    drain(w, "", root); // the IN_IGNORED events of a's and b's old watches were read
    assertThat(w.isWatched(a)).isTrue();
    Files.createDirectory(dir.resolve("a/x"));
    awaitReport("changed " + a.ino + " x");
    assertThat(reports)
        .filteredOn(r -> !r.startsWith("changed " + root.ino))
        .containsExactly("unwatched " + a.ino, "unwatched " + b.ino, "changed " + a.ino + " x");
  }

  @Test
  void aNameThatIsNotUtf8_forgetsItsWholeDirectory() throws Exception {
    InotifyWatcher w = watcher(10);
    PosixNode root = watch(w, "");
    Process p =
        new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'bad\\377')\"")
            .directory(dir.toFile())
            .start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    awaitReport("unwatched " + root.ino);
    assertThat(w.isWatched(root)).as("still watched").isTrue();
    assertThat(reports).noneMatch(r -> r.startsWith("changed " + root.ino + " bad"));
    Process rm = new ProcessBuilder("sh", "-c", "rm bad*").directory(dir.toFile()).start();
    assertThat(rm.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void afterClose_nothingIsWatched() throws Exception {
    InotifyWatcher w = watcher(10);
    w.close();
    w.ensureWatched(node(""), open(""));
    assertThat(w.watchCountForTest()).isZero();
    await("the watcher thread to end", w::isTerminatedForTest);
  }
}
