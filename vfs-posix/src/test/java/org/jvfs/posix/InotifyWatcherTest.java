package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.spi.Invalidations;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;

/** {@link InotifyWatcher}: events mapped to (directory, name), overflow, close. */
class InotifyWatcherTest {
  private final PosixNative nat = PosixNative.get();
  private final Path dir = TempRoot.create("posix-inotify");
  private final List<String> changes = new CopyOnWriteArrayList<>();
  private final AtomicInteger overflows = new AtomicInteger();
  private final Invalidations sink =
      new Invalidations() {
        @Override
        public void changed(Node d, @Nullable Name name) {
          changes.add(((PosixNode) d).toString() + "|" + (name == null ? "-" : name.toString()));
        }

        @Override
        public void overflow() {
          overflows.incrementAndGet();
        }
      };

  @AfterEach
  void delete() {
    TempRoot.delete(dir);
  }

  private int open(Path p) {
    int fd =
        nat.openat(
            Linux.AT_FDCWD,
            p.toString().getBytes(StandardCharsets.UTF_8),
            Linux.O_PATH | Linux.O_DIRECTORY | Linux.O_CLOEXEC,
            0);
    assertThat(fd).isNotNegative();
    return fd;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(end);
      Thread.sleep(5);
    }
  }

  @Test
  void changes_areReportedWithTheirName() throws Exception {
    PosixNode node = new PosixNode(1, 2, new byte[0]);
    int fd = open(dir);
    InotifyWatcher w = new InotifyWatcher(sink, 10);
    try {
      w.ensureWatched(node, fd);
      w.ensureWatched(node, fd);
      assertThat(w.watchCount()).isEqualTo(1);
      String prefix = node + "|";
      Files.writeString(dir.resolve("created"), "x");
      await("create", () -> changes.contains(prefix + "created"));
      Files.move(dir.resolve("created"), dir.resolve("moved"));
      await("move", () -> changes.contains(prefix + "moved"));
      Files.delete(dir.resolve("moved"));
      await("delete", () -> changes.stream().filter((prefix + "moved")::equals).count() >= 2);
      assertThat(overflows).hasValue(0);
    } finally {
      w.close();
      nat.close(fd);
    }
    await("the watcher thread to end", w::isTerminated);
  }

  @Test
  void beyondMaxWatches_withOnlyTheRootToGiveUp_reportsOverflow() throws Exception {
    Path a = Files.createDirectory(dir.resolve("a"));
    int rootFd = open(dir);
    int aFd = open(a);
    InotifyWatcher w = new InotifyWatcher(sink, 1);
    try {
      w.ensureWatched(new PosixNode(1, 1, new byte[0]), rootFd);
      w.ensureWatched(new PosixNode(1, 2, "a".getBytes(StandardCharsets.UTF_8)), aFd);
      assertThat(w.watchCount()).isEqualTo(1);
      assertThat(overflows).hasValue(1);
    } finally {
      w.close();
      nat.close(aFd);
      nat.close(rootFd);
    }
  }

  @Test
  void atTheCap_theOldestDirectoryIsGivenUp_andReportedChangedInItsParent() throws Exception {
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    int rootFd = open(dir);
    int aFd = open(a);
    int bFd = open(b);
    PosixNode root = new PosixNode(1, 1, new byte[0]);
    PosixNode na = new PosixNode(1, 2, "a".getBytes(StandardCharsets.UTF_8));
    PosixNode nb = new PosixNode(1, 3, "b".getBytes(StandardCharsets.UTF_8));
    InotifyWatcher w = new InotifyWatcher(sink, 2);
    try {
      w.ensureWatched(root, rootFd);
      w.ensureWatched(na, aFd);
      w.ensureWatched(nb, bFd);
      assertThat(w.watchCount()).isEqualTo(2);
      assertThat(w.isWatched(na)).as("a, the oldest but the root, given up").isFalse();
      assertThat(w.isWatched(root)).isTrue();
      assertThat(w.isWatched(nb)).isTrue();
      assertThat(changes).as("a reported changed in the root").contains(root + "|a");
      assertThat(overflows).hasValue(0);
      Files.writeString(a.resolve("x"), "x");
      Files.writeString(b.resolve("y"), "y");
      await("b's event", () -> changes.contains(nb + "|y"));
      assertThat(changes).as("a is no longer watched").doesNotContain(na + "|x");
      // Watching a again gives up b.
      w.ensureWatched(na, aFd);
      assertThat(w.isWatched(na)).isTrue();
      assertThat(w.isWatched(nb)).isFalse();
      assertThat(changes).contains(root + "|b");
    } finally {
      w.close();
      nat.close(bFd);
      nat.close(aFd);
      nat.close(rootFd);
    }
  }

  @Test
  void afterClose_nothingIsWatched() throws Exception {
    int fd = open(dir);
    InotifyWatcher w = new InotifyWatcher(sink, 10);
    w.close();
    w.ensureWatched(new PosixNode(1, 1, new byte[0]), fd);
    nat.close(fd);
    assertThat(w.watchCount()).isZero();
    await("the watcher thread to end", w::isTerminated);
  }
}
