package org.jvfs.posix;

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
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;

/**
 * A directory the backend has used, moved out of the root by another process: no operation through
 * the backend's node of it may reach it in its new place. Every operation fails, and the moved
 * directory is unchanged. For openat2 and the forced walk: both resolve every directory from the
 * root descriptor and keep none.
 */
@DisplayName("A cached directory descriptor moved out of the root is never used")
class CachedDirectoryEscapeTest {
  private final Path base = TempRoot.create("posix-escape");

  @AfterEach
  void delete() {
    TempRoot.delete(base);
  }

  private static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
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

  private static void otherProcess(String... command) throws Exception {
    Process p = new ProcessBuilder(command).inheritIO().start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"openat2", "walk"})
  void operationsThroughMovedDescriptor_neverReachIt(String resolve) throws Exception {
    Path root = Files.createDirectory(base.resolve("root"));
    Path outside = Files.createDirectory(base.resolve("outside"));
    Files.createDirectories(root.resolve("d/sub"));
    Files.writeString(root.resolve("d/file"), "secret");
    try (PosixBackend b =
        PosixBackend.open(
            PosixOptions.builder(root).resolveBeneath(resolve).watch(false).build())) {
      Node d = get(b.lookup(b.root(), Name.of("d"))).node();
      // Warm the cache: these lease d's descriptor.
      assertThat(get(b.readDirectory(d))).hasSize(2);
      NodeInfo file = get(b.lookup(d, Name.of("file")));
      NodeInfo sub = get(b.lookup(d, Name.of("sub")));
      assertThat(file).isNotNull();
      assertThat(sub).isNotNull();
      // Every resolution starts at the root: nothing is held to be misled by.
      assertThat(b.heldDescriptors()).as("no descriptor kept").isZero();

      otherProcess("mv", root.resolve("d").toString(), outside.resolve("d").toString());
      Path moved = outside.resolve("d");
      List<String> before = tree(moved);

      fails("lookup", () -> b.lookup(d, Name.of("file")));
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
      fails("open(file)", () -> b.open(d, Name.of("file"), OpenFlags.READ, null));
      fails("remove", () -> b.remove(d, Name.of("file"), false));
      fails("rename out", () -> b.rename(d, Name.of("file"), b.root(), Name.of("stolen"), false));
      fails("rename in", () -> b.rename(b.root(), Name.of("none"), d, Name.of("planted"), false));
      fails("link", () -> b.link(d, Name.of("file"), b.root(), Name.of("linked")));
      fails("symlink", () -> b.createSymlink(d, Name.of("l"), "/etc"));
      fails("attributes", () -> b.attributes(file.node()));
      fails("readSymlink", () -> b.readSymlink(file.node()));
      fails(
          "setPermissions",
          () -> b.setPermissions(file.node(), PosixFilePermissions.fromString("rwxrwxrwx")));
      fails("setTimes", () -> b.setTimes(sub.node(), FileTime.fromMillis(0), null, null));

      assertThat(tree(moved)).as("the moved directory is untouched").isEqualTo(before);
      assertThat(Files.getPosixFilePermissions(moved.resolve("file")))
          .isNotEqualTo(PosixFilePermissions.fromString("rwxrwxrwx"));
      assertThat(Files.exists(root.resolve("stolen"))).isFalse();
      assertThat(Files.exists(root.resolve("linked"))).isFalse();
    }
  }
}
