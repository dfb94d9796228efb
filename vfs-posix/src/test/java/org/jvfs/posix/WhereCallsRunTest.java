package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.Capability;
import org.jvfs.spi.Invalidations;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.OpenFlags;
import org.jvfs.spi.Probe;

/**
 * The placement rule on a real backend ({@link Placement}, {@link PosixBackend}'s "Where calls
 * run"). Every IO thread is held busy while the calls are made, so that "done when it returns"
 * proves the call ran on the caller's thread, and "not done until the IO threads are released"
 * proves it went to the pool; nothing depends on timing.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("The posix backend runs each call where its rule says")
class WhereCallsRunTest {
  private static final int IO_THREADS = 2;

  private final Path root = TempRoot.create("posix-where");
  private final CountDownLatch release = new CountDownLatch(1);
  private @Nullable PosixBackend backend;

  @AfterEach
  void tearDown() {
    release.countDown();
    if (backend != null) {
      backend.close();
    }
    TempRoot.delete(root);
  }

  private PosixBackend open(PosixOptions.Builder options) throws Exception {
    Files.writeString(root.resolve("f"), "content");
    Files.write(root.resolve("big"), new byte[256 * 1024]);
    Files.createDirectory(root.resolve("d"));
    Files.writeString(root.resolve("d/g"), "g");
    Files.createSymbolicLink(root.resolve("link"), Path.of("f"));
    backend = PosixBackend.open(options.ioThreads(IO_THREADS).build());
    return backend;
  }

  /** Occupies every IO thread until {@link #release}. */
  private void holdIoThreads(PosixBackend b) throws InterruptedException {
    CountDownLatch busy = new CountDownLatch(IO_THREADS);
    for (int i = 0; i < IO_THREADS; i++) {
      b.posixRoot()
          .pool
          .submit(
              () -> {
                busy.countDown();
                return release.await(30, TimeUnit.SECONDS);
              });
    }
    assertThat(busy.await(10, TimeUnit.SECONDS)).as("every IO thread held").isTrue();
  }

  private static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static CompletableFuture<byte[]> read(PosixBackend b, Node dir, String name) {
    return b.readFile(dir, Name.of(name), Long.MAX_VALUE).toCompletableFuture();
  }

  private static CompletableFuture<Opened> open(PosixBackend b, String name, OpenFlags flags) {
    return b.open(b.root(), Name.of(name), flags, null).toCompletableFuture();
  }

  @Test
  void callsWithANonblockingForm_runOnTheCallersThread() throws Exception {
    PosixBackend b = open(PosixOptions.builder(root).watch(false));
    assertThat(b.capabilities()).contains(Capability.NONBLOCKING_PROBE);
    assertThat(get(b.lookup(b.root(), Name.of("none")))).isNull(); // now a negative dentry
    Node f = get(b.lookup(b.root(), Name.of("f"))).node();
    holdIoThreads(b);
    assertThat(read(b, b.root(), "f")).isCompletedWithValueMatching(c -> c.length == 7);
    assertThat(b.attributes(f).toCompletableFuture())
        .as("a node's attributes: openat2 RESOLVE_CACHED of its path, statx DONT_SYNC")
        .isCompletedWithValueMatching(a -> a.size() == 7 && a.isRegularFile());
    assertThat(b.probeLookup(b.root(), Name.of("f")).info()).isNotNull();
    assertThat(b.probeLookup(b.root(), Name.of("none")).isKnown()).as("absent").isTrue();
    CompletableFuture<Opened> opened = open(b, "f", OpenFlags.READ);
    assertThat(opened).isDone();
    opened.join().file().close();
  }

  @Test
  void stepsThatWouldBlock_andCallsWithoutANonblockingForm_goToThePool() throws Exception {
    PosixBackend b = open(PosixOptions.builder(root).watch(false));
    Node linkNode = get(b.lookup(b.root(), Name.of("link"))).node();
    holdIoThreads(b);
    Probe link = b.probeLookup(b.root(), Name.of("link"));
    assertThat(link.isKnown()).as("a link's target is read on an IO thread").isFalse();
    List<CompletableFuture<?>> pooled = new ArrayList<>();
    pooled.add(read(b, b.root(), "big")); // more than one nonblocking read
    pooled.add(
        open(
            b,
            "new",
            OpenFlags.from(EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE))));
    pooled.add(b.lookup(b.root(), Name.of("f")).toCompletableFuture());
    pooled.add(b.readDirectory(b.root()).toCompletableFuture());
    pooled.add(b.createDirectory(b.root(), Name.of("e"), null).toCompletableFuture());
    pooled.add(b.attributes(b.root()).toCompletableFuture());
    pooled.add(b.readSymlink(linkNode).toCompletableFuture());
    for (CompletableFuture<?> f : pooled) {
      assertThat(f).as("waits for an IO thread").isNotDone();
    }
    release.countDown();
    assertThat(get(pooled.get(0))).isEqualTo(new byte[256 * 1024]);
    ((Opened) get(pooled.get(1))).file().close();
    for (CompletableFuture<?> f : pooled) {
      get(f);
    }
  }

  @Test
  void withTheProbeOff_orUnderTheWalk_everyCallGoesToThePool() throws Exception {
    for (PosixOptions.Builder options :
        List.of(
            PosixOptions.builder(root).watch(false).probe(false),
            PosixOptions.builder(root).watch(false).resolveBeneath("walk"))) {
      TempRoot.delete(root);
      Files.createDirectories(root);
      PosixBackend b = open(options);
      assertThat(b.capabilities()).doesNotContain(Capability.NONBLOCKING_PROBE);
      CountDownLatch held = new CountDownLatch(1);
      CompletableFuture<Boolean> blocker =
          b.posixRoot().pool.submit(() -> held.await(30, TimeUnit.SECONDS));
      CompletableFuture<Boolean> blocker2 =
          b.posixRoot().pool.submit(() -> held.await(30, TimeUnit.SECONDS));
      CompletableFuture<byte[]> r = read(b, b.root(), "f");
      assertThat(r).isNotDone();
      assertThat(b.probeLookup(b.root(), Name.of("f")).isKnown()).isFalse();
      held.countDown();
      assertThat(get(r)).hasSize(7);
      get(blocker);
      get(blocker2);
      b.close();
    }
  }

  @Test
  void aDirectoryNotYetWatched_isWatchedOnAnIoThread_thenReadOnTheCallersThread() throws Exception {
    PosixBackend b = open(PosixOptions.builder(root));
    b.watch(
        new Invalidations() {
          @Override
          public void changed(Node dir, @Nullable Name name) {}

          @Override
          public void overflow() {}
        });
    Node d = get(b.lookup(b.root(), Name.of("d"))).node();
    holdIoThreads(b);
    CompletableFuture<byte[]> first = read(b, d, "g");
    assertThat(first).as("watching d takes inotify_add_watch").isNotDone();
    release.countDown();
    assertThat(get(first)).hasSize(1);
    assertThat(read(b, d, "g"))
        .as("d is watched now")
        .isCompletedWithValueMatching(c -> c.length == 1);
  }

  @Test
  void callsMadeOnAnIoThread_runThere() throws Exception {
    PosixBackend b = open(PosixOptions.builder(root).watch(false).probe(false));
    // Made on an IO thread, a call that went to the pool would wait behind the calling task.
    Boolean[] done =
        get(
            b.posixRoot()
                .pool
                .submit(
                    () ->
                        new Boolean[] {
                          read(b, b.root(), "big").isDone(),
                          b.lookup(b.root(), Name.of("f")).toCompletableFuture().isDone(),
                          b.createDirectory(b.root(), Name.of("e"), null)
                              .toCompletableFuture()
                              .isDone(),
                          b.probeLookup(b.root(), Name.of("link")).isKnown()
                        }));
    assertThat(done).containsOnly(true);
  }
}
