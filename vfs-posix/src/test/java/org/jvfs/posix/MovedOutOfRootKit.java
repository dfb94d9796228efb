package org.jvfs.posix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Capability;
import org.jvfs.spi.Invalidations;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;

/**
 * Confinement against another process that moves things while the backend is in use: a file or a
 * directory moved out of the root (and then changed there), a directory renamed inside the root
 * before a file leaves it, the root itself renamed and a directory put back under the root's old
 * name. Whatever the backend remembers (descriptors, watches, node paths), nothing outside the real
 * root may ever be read, listed or changed through it, and the answer may not depend on whether a
 * watch event has been handled yet (docs/architecture.md, "Security model").
 *
 * <p>For every native backend: a subclass supplies {@link #open}, a backend confined to the given
 * root, and says whether it can watch. Where it can, the scenarios run with a watcher whose reports
 * the test can hold back ({@link HeldSink}), so that "before the event was handled" is a state the
 * test sets up, not a race it hopes to win. The moves are made by {@code mv}, another process.
 */
public abstract class MovedOutOfRootKit {
  /** How many reads are tried after each move: the issue saw 56 to 68 of 200 escape. */
  protected static final int READS = 200;

  private static final String APPENDED = "APPENDED-OUTSIDE";

  /** The directory holding {@link #root} and {@link #outside}. */
  protected Path base;

  /** The backend's root. */
  protected Path root;

  /** A directory beside the root, outside it. */
  protected Path outside;

  private @Nullable Backend backend;
  private @Nullable HeldSink sink;

  /** Opens a backend confined to {@code root}, watching off until {@link Backend#watch}. */
  protected abstract Backend open(Path root) throws IOException;

  @BeforeEach
  void makeTree() throws IOException {
    base = TempRoot.create("posix-moved");
    root = Files.createDirectory(base.resolve("root"));
    outside = Files.createDirectory(base.resolve("outside"));
    Files.createDirectories(root.resolve("d/sub"));
    Files.writeString(root.resolve("d/f"), "one");
  }

  @AfterEach
  void closeAndDelete() {
    if (sink != null) {
      sink.release();
    }
    if (backend != null) {
      backend.close();
    }
    TempRoot.delete(base);
  }

  private Backend backend() throws IOException {
    Backend b = open(root);
    backend = b;
    if (b.capabilities().contains(Capability.WATCH)) {
      HeldSink s = new HeldSink();
      b.watch(s);
      sink = s;
    }
    return b;
  }

  /** Runs {@code command} as another process and waits for it. */
  protected static void otherProcess(String... command) throws Exception {
    Process p = new ProcessBuilder(command).inheritIO().start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
  }

  private void sh(String script) throws Exception {
    otherProcess("sh", "-c", script);
  }

  static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Node dir(Backend b, Node parent, String name) throws Exception {
    NodeInfo info = get(b.lookup(parent, Name.of(name)));
    assertThat(info).as(name).isNotNull();
    return info.node();
  }

  private static String read(Backend b, Node dir, String name) throws Exception {
    return new String(get(b.readFile(dir, Name.of(name), Long.MAX_VALUE)), UTF_8);
  }

  /**
   * Reads {@code name} in {@code dir} {@value #READS} times, whole and through an open file: each
   * must fail, and none may return what was written after the file left the root.
   */
  private static void neverRead(Backend b, Node dir, String name) throws Exception {
    int served = 0;
    String seen = null;
    for (int i = 0; i < READS; i++) {
      try {
        seen = read(b, dir, name);
        served++;
      } catch (Exception e) {
        // Refused: the path names nothing beneath the root any more.
      }
    }
    assertThat(served).as("reads served after the move (last: %s)", seen).isZero();
    Throwable t = catchThrowable(() -> get(b.open(dir, Name.of(name), OpenFlags.READ, null)));
    assertThat(t).as("open after the move").isNotNull();
  }

  @Test
  void fileMovedOutAndAppendedTo_isNeverRead_evenBeforeItsEventIsHandled() throws Exception {
    Backend b = backend();
    Node d = dir(b, b.root(), "d");
    assertThat(read(b, d, "f")).isEqualTo("one");
    holdEvents();
    Path moved = outside.resolve("f");
    sh("mv '" + root.resolve("d/f") + "' '" + moved + "' && printf " + APPENDED + " >> " + moved);
    neverRead(b, d, "f");
    assertThat(Files.readString(moved)).isEqualTo("one" + APPENDED);
  }

  @Test
  void directoryMovedOutAndItsFileAppendedTo_isNeverRead_evenBeforeItsEventIsHandled()
      throws Exception {
    Backend b = backend();
    Node d = dir(b, b.root(), "d");
    assertThat(read(b, d, "f")).isEqualTo("one");
    holdEvents();
    Path moved = outside.resolve("d");
    sh(
        "mv '"
            + root.resolve("d")
            + "' '"
            + moved
            + "' && printf "
            + APPENDED
            + " >> "
            + moved
            + "/f");
    neverRead(b, d, "f");
    assertThat(get(b.readDirectory(b.root()))).noneMatch(e -> e.name().toString().equals("d"));
  }

  @Test
  void directoryRenamedInsideByAnotherProcess_thenFileMovedOut_isNeverRead() throws Exception {
    Backend b = backend();
    renamedInsideThenMovedOut(
        b, () -> sh("mv '" + root.resolve("d") + "' '" + root.resolve("e") + "'"));
  }

  @Test
  void directoryRenamedInsideByTheBackend_thenFileMovedOut_isNeverRead() throws Exception {
    Backend b = backend();
    renamedInsideThenMovedOut(
        b, () -> get(b.rename(b.root(), Name.of("d"), b.root(), Name.of("e"), false)));
  }

  private interface Step {
    void run() throws Exception;
  }

  private void renamedInsideThenMovedOut(Backend b, Step rename) throws Exception {
    Node d = dir(b, b.root(), "d");
    assertThat(read(b, d, "f")).isEqualTo("one");
    rename.run();
    awaitReport("e");
    Node e = dir(b, b.root(), "e");
    assertThat(read(b, e, "f")).isEqualTo("one");
    Path moved = outside.resolve("f");
    sh("mv '" + root.resolve("e/f") + "' '" + moved + "' && printf " + APPENDED + " >> " + moved);
    awaitReport("f");
    neverRead(b, e, "f");
    neverRead(b, d, "f");
  }

  @Test
  void rootRenamed_andDirectoryPutUnderItsOldName_isNeverReached() throws Exception {
    Backend b = backend();
    Node d = dir(b, b.root(), "d");
    NodeInfo file = get(b.lookup(d, Name.of("f")));
    NodeInfo sub = get(b.lookup(d, Name.of("sub")));
    assertThat(get(b.readDirectory(d))).hasSize(2);
    assertThat(read(b, d, "f")).isEqualTo("one");
    holdEvents();
    Path real = base.resolve("real");
    sh(
        "mv '"
            + root
            + "' '"
            + real
            + "' && mkdir '"
            + root
            + "' && mv '"
            + real.resolve("d")
            + "' '"
            + root.resolve("d")
            + "'");
    // The backend's root is now base/real (its descriptor followed it); base/root/d is outside.
    everyOperationFails(b, d, file, sub, root.resolve("d"));
    assertThat(Files.exists(real.resolve("stolen"))).isFalse();
    assertThat(Files.exists(real.resolve("linked"))).isFalse();
  }

  @Test
  void directoryMovedOut_isNeverReached() throws Exception {
    Backend b = backend();
    Node d = dir(b, b.root(), "d");
    NodeInfo file = get(b.lookup(d, Name.of("f")));
    NodeInfo sub = get(b.lookup(d, Name.of("sub")));
    assertThat(get(b.readDirectory(d))).hasSize(2);
    holdEvents();
    otherProcess("mv", root.resolve("d").toString(), outside.resolve("d").toString());
    everyOperationFails(b, d, file, sub, outside.resolve("d"));
    assertThat(Files.exists(root.resolve("stolen"))).isFalse();
    assertThat(Files.exists(root.resolve("linked"))).isFalse();
  }

  /**
   * Every operation through {@code d} (and its entries {@code file} and {@code sub}), whose
   * directory now lies at {@code moved} outside the root, fails, and {@code moved} is untouched.
   */
  private static void everyOperationFails(
      Backend b, Node d, NodeInfo file, NodeInfo sub, Path moved) throws Exception {
    List<String> before = tree(moved);
    fails("lookup", () -> b.lookup(d, Name.of("f")));
    fails("readFile", () -> b.readFile(d, Name.of("f"), Long.MAX_VALUE));
    fails("readDirectory", () -> b.readDirectory(d));
    fails("createDirectory", () -> b.createDirectory(d, Name.of("x"), null));
    fails(
        "open(CREATE)",
        () ->
            b.open(
                d,
                Name.of("new"),
                OpenFlags.from(EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE)),
                null));
    fails("open(f)", () -> b.open(d, Name.of("f"), OpenFlags.READ, null));
    fails("remove", () -> b.remove(d, Name.of("f"), false));
    fails("rename out", () -> b.rename(d, Name.of("f"), b.root(), Name.of("stolen"), false));
    fails("rename in", () -> b.rename(b.root(), Name.of("none"), d, Name.of("planted"), false));
    fails("link", () -> b.link(d, Name.of("f"), b.root(), Name.of("linked")));
    fails("symlink", () -> b.createSymlink(d, Name.of("l"), "/etc"));
    fails("attributes", () -> b.attributes(file.node()));
    fails("readSymlink", () -> b.readSymlink(file.node()));
    fails(
        "setPermissions",
        () -> b.setPermissions(file.node(), PosixFilePermissions.fromString("rwxrwxrwx")));
    fails("setTimes", () -> b.setTimes(sub.node(), FileTime.fromMillis(0), null, null));
    assertThat(tree(moved)).as("the moved directory is untouched").isEqualTo(before);
    assertThat(Files.getPosixFilePermissions(moved.resolve("f")))
        .isNotEqualTo(PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  private static void fails(String what, Supplier<CompletionStage<?>> op) {
    Throwable t = catchThrowable(() -> get(op.get()));
    assertThat(t).as("%s must fail", what).isNotNull();
  }

  private static List<String> tree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p) + " " + p.toFile().lastModified()).sorted().toList();
    }
  }

  /**
   * Holds back the watcher's reports from now on (where the backend watches): makes a change the
   * watcher reports, and waits until the watcher is stuck delivering it, so that every later event
   * waits behind it until the test ends.
   */
  private void holdEvents() throws Exception {
    HeldSink s = sink;
    if (s == null) {
      return;
    }
    s.hold();
    Files.writeString(root.resolve("trigger"), "t");
    assertThat(s.held.await(10, TimeUnit.SECONDS)).as("the watcher holds a report").isTrue();
  }

  /** Waits until the watcher reported a change of an entry {@code name} (where it watches). */
  private void awaitReport(String name) throws InterruptedException {
    HeldSink s = sink;
    if (s == null) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      String n = s.reports.poll(100, TimeUnit.MILLISECONDS);
      if (name.equals(n)) {
        return;
      }
    }
    throw new AssertionError("no report of " + name);
  }

  /** A watch sink that records the names reported and, once held, blocks the watcher thread. */
  static final class HeldSink implements Invalidations {
    final LinkedBlockingQueue<String> reports = new LinkedBlockingQueue<>();
    final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean holding;

    void hold() {
      holding = true;
    }

    void release() {
      released.countDown();
    }

    @Override
    public void changed(Node dir, @Nullable Name name) {
      reports.add(name == null ? "" : name.toString());
      if (holding) {
        held.countDown();
        try {
          released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void overflow() {
      reports.add("(overflow)");
    }
  }
}
