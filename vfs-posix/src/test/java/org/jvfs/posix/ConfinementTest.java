package org.jvfs.posix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.CoherencePolicy;
import org.jvfs.Vfs;
import org.jvfs.spi.Backend;

/**
 * A posix mount never lets a caller reach outside its root: {@code ..}, absolute and climbing
 * symbolic links, chains and loops, /proc magic links, a trailing slash on a link, NUL bytes; and
 * the error for an outside target does not tell whether it exists. Run for openat2 and for the
 * forced walk.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("A posix mount confines every path to its root (openat2)")
class ConfinementTest {
  private static final String SECRET = "SECRET";

  Path base;
  Path root;
  Path outside;
  Vfs vfs;

  String resolve() {
    return "openat2";
  }

  /** Opens the backend under test; the aio backend's kits override it. */
  Backend open(PosixOptions options) throws IOException {
    return PosixBackend.open(options);
  }

  @BeforeEach
  void setUp() throws IOException {
    base = TempRoot.create("posix-jail");
    root = Files.createDirectory(base.resolve("root"));
    outside = Files.createDirectory(base.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), SECRET);
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("a/b/inside.txt"), "inside");
    vfs =
        Vfs.builder()
            .caching(false)
            .mount(
                "/",
                open(PosixOptions.builder(root).resolveBeneath(resolve()).watch(false).build()),
                CoherencePolicy.PRIVATE)
            .build();
  }

  @AfterEach
  void tearDown() {
    vfs.close();
    TempRoot.delete(base);
  }

  private static Throwable failure(Supplier<CompletableFuture<?>> op) {
    Throwable t = catchThrowable(() -> op.get().join());
    assertThat(t).as("the operation must fail").isNotNull();
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private void assertNotReadable(String path) {
    Throwable t = failure(() -> vfs.readAllBytes(path));
    assertThat(t).as(path).isInstanceOf(NoSuchFileException.class).hasMessageContaining(path);
  }

  @Test
  void dotDot_inEveryPosition_staysInTheRoot() {
    for (String p :
        List.of(
            "/../outside/secret.txt",
            "/../../../outside/secret.txt",
            "/a/../../outside/secret.txt",
            "/a/b/../../../outside/secret.txt",
            "/a/b/../../../../../outside/secret.txt",
            "/a/../a/../../outside/secret.txt",
            "/..//..//outside//secret.txt",
            "../outside/secret.txt")) {
      assertNotReadable(p);
    }
    assertThat(new String(vfs.readAllBytes("/../a/b/../b/inside.txt").join(), UTF_8))
        .isEqualTo("inside");
  }

  @Test
  void absoluteSymlinks_resolveAtTheMountRoot() throws IOException {
    Files.createSymbolicLink(root.resolve("abs"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("absdir"), outside);
    Files.createSymbolicLink(root.resolve("a/slash"), Path.of("/"));
    assertNotReadable("/abs");
    assertNotReadable("/absdir/secret.txt");
    assertNotReadable("/a/slash" + outside + "/secret.txt");
  }

  @Test
  void relativeSymlinks_thatClimbOut_stopAtTheRoot() throws IOException {
    Files.createSymbolicLink(root.resolve("rel"), Path.of("../outside/secret.txt"));
    Files.createSymbolicLink(root.resolve("a/b/rel"), Path.of("../../../outside/secret.txt"));
    Files.createSymbolicLink(root.resolve("a/up"), Path.of("../../../../.."));
    assertNotReadable("/rel");
    assertNotReadable("/a/b/rel");
    assertNotReadable("/a/up/outside/secret.txt");
  }

  @Test
  void symlinkChainsAndLoops_areFollowedInsideOrRefused() throws IOException {
    Files.createSymbolicLink(root.resolve("c1"), Path.of("c2"));
    Files.createSymbolicLink(root.resolve("c2"), Path.of("a/c3"));
    Files.createSymbolicLink(root.resolve("a/c3"), Path.of("../../outside/secret.txt"));
    assertNotReadable("/c1");
    Files.createSymbolicLink(root.resolve("l1"), Path.of("l2"));
    Files.createSymbolicLink(root.resolve("l2"), Path.of("l1"));
    assertThat(failure(() -> vfs.readAllBytes("/l1"))).isInstanceOf(FileSystemLoopException.class);
  }

  @Test
  void procMagicLinks_insideTheRoot_leadNowhere() throws IOException {
    try (FileChannel held = FileChannel.open(outside.resolve("secret.txt"))) {
      int fd = newestDescriptorTo(outside.resolve("secret.txt"));
      Files.createSymbolicLink(root.resolve("procroot"), Path.of("/proc/self/root"));
      Files.createSymbolicLink(root.resolve("procfd"), Path.of("/proc/self/fd/" + fd));
      Files.createSymbolicLink(root.resolve("procexe"), Path.of("/proc/self/exe"));
      Files.createSymbolicLink(root.resolve("proccwd"), Path.of("/proc/self/cwd"));
      assertNotReadable("/procroot" + outside + "/secret.txt");
      assertNotReadable("/procfd");
      assertNotReadable("/procexe");
      assertNotReadable("/proccwd/pom.xml");
      assertThat(held.isOpen()).isTrue();
    }
  }

  private static int newestDescriptorTo(Path target) throws IOException {
    int found = -1;
    try (var s = Files.list(Path.of("/proc/self/fd"))) {
      for (Path p : s.toList()) {
        try {
          if (Files.readSymbolicLink(p).equals(target)) {
            found = Math.max(found, Integer.parseInt(p.getFileName().toString()));
          }
        } catch (IOException e) {
          // The listing's own descriptor is gone by now.
        }
      }
    }
    assertThat(found).as("a descriptor of %s", target).isNotNegative();
    return found;
  }

  @Test
  void trailingSlash_onASymlink_isResolvedInside() throws IOException {
    Files.createSymbolicLink(root.resolve("absdir"), outside);
    Files.createSymbolicLink(root.resolve("reldir"), Path.of("../outside"));
    for (String p : List.of("/absdir/", "/reldir/", "/absdir//", "/reldir/.")) {
      assertThat(failure(() -> vfs.list(p))).as(p).isInstanceOf(NoSuchFileException.class);
    }
    assertNotReadable("/reldir/secret.txt/");
  }

  @Test
  void nulBytes_areInvalidPaths() {
    for (String p : List.of("/a\u0000b", "/a/b/inside.txt\u0000", "/\u0000/../outside")) {
      Throwable t = catchThrowable(() -> vfs.readAllBytes(p).join());
      Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
      assertThat(c).as(p).isInstanceOf(InvalidPathException.class);
    }
    Throwable t = catchThrowable(() -> vfs.createSymbolicLink("/l", "x\u0000y").join());
    Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    assertThat(c).isInstanceOf(InvalidPathException.class);
    assertThat(root.resolve("l")).doesNotExist();
  }

  @Test
  void errorsForAnOutsideTarget_doNotTellWhetherItExists() throws IOException {
    Path link = root.resolve("x");
    Files.createSymbolicLink(link, Path.of("../outside/secret.txt"));
    Throwable present = failure(() -> vfs.readAllBytes("/x"));
    Throwable presentStat = failure(() -> vfs.stat("/x"));
    Files.delete(link);
    Files.createSymbolicLink(link, Path.of("../outside/missing.txt"));
    Throwable absent = failure(() -> vfs.readAllBytes("/x"));
    Throwable absentStat = failure(() -> vfs.stat("/x"));
    assertThat(present).hasSameClassAs(absent);
    assertThat(present.getMessage()).isEqualTo(absent.getMessage());
    assertThat(presentStat).hasSameClassAs(absentStat);
    assertThat(presentStat.getMessage()).isEqualTo(absentStat.getMessage());
    assertThat(present).isInstanceOf(FileSystemException.class);
  }
}
