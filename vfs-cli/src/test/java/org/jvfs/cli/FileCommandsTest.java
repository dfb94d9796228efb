package org.jvfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ls}, {@code stat}, {@code cat}, {@code tree}, {@code find} and {@code du} on the memory
 * mount's sample tree and on a posix temp directory holding the same tree, which must look alike
 * through both (so the two parameterized runs share their expectations).
 */
class FileCommandsTest {
  @TempDir Path tmp;

  private String posix;

  @BeforeEach
  void sameTreeOnDisk() throws IOException {
    for (var e : Mounts.SAMPLE.entrySet()) {
      Path p = tmp.resolve(e.getKey().substring(1));
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
    Files.createSymbolicLink(
        tmp.resolve(Mounts.SAMPLE_LINK.substring(1)), Path.of(Mounts.SAMPLE_LINK_TARGET));
    posix = "posix:" + tmp;
  }

  private String spec(String kind) {
    return kind.equals("memory") ? "memory" : posix;
  }

  private static CliRun ok(String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.code()).as(run.err()).isZero();
    return run;
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "posix"})
  void ls_rootAndSubdirectory(String kind) {
    assertThat(ok("ls", spec(kind)).outLines()).containsExactly("README.txt", "docs", "src");
    assertThat(ok("ls", spec(kind), "/docs").outLines())
        .containsExactly("empty.txt", "guide.txt", "latest");
    List<String> longForm = ok("ls", spec(kind), "/docs", "-l").outLines();
    assertThat(longForm.get(0))
        .matches("-[rwx-]{9} +0 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d empty.txt");
    assertThat(longForm.get(2)).startsWith("l").endsWith(" latest -> guide.txt");
    assertThat(ok("ls", spec(kind), "/README.txt").outLines()).containsExactly("/README.txt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "posix"})
  void stat_fileAndLink(String kind) {
    List<String> lines = ok("stat", spec(kind), "/docs/guide.txt").outLines();
    assertThat(lines)
        .contains("path: /docs/guide.txt", "kind: file", "size: " + size("/docs/guide.txt"));
    assertThat(lines).anyMatch(l -> l.startsWith("permissions: "));
    assertThat(lines).anyMatch(l -> l.startsWith("modified: "));
    assertThat(ok("stat", spec(kind), "/docs/latest").outLines())
        .contains("kind: symlink", "target: guide.txt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "posix"})
  void cat_bytesAsTheyAre(String kind) {
    assertThat(ok("cat", spec(kind), "/src/Main.java").out())
        .isEqualTo(Mounts.SAMPLE.get("/src/Main.java"));
    assertThat(ok("cat", spec(kind), "/docs/latest").out())
        .isEqualTo(Mounts.SAMPLE.get("/docs/guide.txt"));
    assertThat(ok("cat", spec(kind), "/docs/empty.txt").out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "posix"})
  void tree_drawnWithCounts(String kind) {
    assertThat(ok("tree", spec(kind)).outLines())
        .containsExactly(
            "/",
            "├── README.txt",
            "├── docs",
            "│   ├── empty.txt",
            "│   ├── guide.txt",
            "│   └── latest -> guide.txt",
            "└── src",
            "    ├── Main.java",
            "    └── util",
            "        └── Names.java",
            "",
            "3 directories, 6 files");
    assertThat(ok("tree", spec(kind), "/src", "-L", "1").outLines())
        .containsExactly("/src", "├── Main.java", "└── util", "", "1 directory, 1 file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "posix"})
  void find_byNameAndType(String kind) {
    assertThat(ok("find", spec(kind)).outLines())
        .containsExactly(
            "/",
            "/README.txt",
            "/docs",
            "/docs/empty.txt",
            "/docs/guide.txt",
            "/docs/latest",
            "/src",
            "/src/Main.java",
            "/src/util",
            "/src/util/Names.java");
    assertThat(ok("find", spec(kind), "--name", "*.java").outLines())
        .containsExactly("/src/Main.java", "/src/util/Names.java");
    assertThat(ok("find", spec(kind), "/docs", "--type", "l").outLines())
        .containsExactly("/docs/latest");
    assertThat(ok("find", spec(kind), "--type", "d").outLines())
        .containsExactly("/", "/docs", "/src", "/src/util");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "posix"})
  void du_apparentSizes(String kind) {
    long docs = size("/docs/guide.txt") + Mounts.SAMPLE_LINK_TARGET.length();
    long util = size("/src/util/Names.java");
    long src = size("/src/Main.java") + util;
    long total = size("/README.txt") + docs + src;
    assertThat(ok("du", spec(kind)).outLines())
        .containsExactly(docs + "\t/docs", util + "\t/src/util", src + "\t/src", total + "\t/");
    assertThat(ok("du", spec(kind), "-s", "/src").outLines()).containsExactly(src + "\t/src");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "posix", "auto"})
  void stats_printsHitsAndMisses(String kind) {
    String spec = kind.equals("auto") ? "auto:" + tmp : spec(kind);
    CliRun run = ok("tree", spec, "--stats");
    List<String> err = run.errLines();
    assertThat(err).hasSize(kind.equals("auto") ? 2 : 1);
    assertThat(err.get(err.size() - 1))
        .matches(
            "cache of the (memory|posix|aio) mount: \\d+ hits, \\d+ negative hits, [1-9]\\d* misses,"
                + " [1-9]\\d* backend lookups, \\d+ evictions; holds [1-9]\\d* dentries,"
                + " \\d+ negative");
    if (kind.equals("auto")) {
      assertThat(err.get(0)).startsWith("auto picked " + BackendChoice.auto().backend() + ": ");
    }
  }

  @Test
  void du_human() {
    assertThat(DuCommand.human(512)).isEqualTo("512");
    assertThat(DuCommand.human(1536)).isEqualTo("1.5K");
    assertThat(DuCommand.human(12L << 20)).isEqualTo("12M");
  }

  private static long size(String path) {
    return Mounts.SAMPLE.get(path).getBytes(StandardCharsets.UTF_8).length;
  }
}
