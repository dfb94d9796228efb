package org.jvfs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner end to end on tiny trees: exit codes, usage, and a smoke run of each workload in which
 * every variant that can run here produces a result. No timing thresholds.
 */
class MainTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void unknownWorkloadIsAUsageError() {
    assertThat(run("bogus")).isEqualTo(2);
    assertThat(err()).contains("unknown workload: bogus").contains("usage: java -jar");
    assertThat(out()).isEmpty();
  }

  @Test
  void unknownFlagIsAUsageError() {
    assertThat(run("lookup", "--fast")).isEqualTo(2);
    assertThat(err()).contains("unknown option: --fast").contains("usage: java -jar");
  }

  @Test
  void helpGoesToStdout() {
    assertThat(run("--help")).isZero();
    assertThat(out()).contains("usage: java -jar", "smallfiles", "lookup", "--in-flight");
    assertThat(err()).isEmpty();
  }

  @Test
  void aFileWhereTheTreeShouldBeIsARunError() throws Exception {
    Path file = Files.createFile(tmp.resolve("plain"));
    assertThat(run("smallfiles", "--dir", file.toString(), "--files", "3")).isEqualTo(1);
    assertThat(err().lines())
        .endsWith("vfs-bench: cannot make the tree in " + file + ": not a directory")
        .noneMatch(line -> line.contains("\tat ") || line.contains("Exception"));
  }

  @Test
  void aTreeThatCannotBeMade_isOneLineWithoutAStackTrace() throws Exception {
    try (java.nio.file.FileSystem fs = FailingFileSystems.full(4096)) {
      Options options = Options.parse("smallfiles", "--files", "10", "--size", "1000");
      Options onFull = options.withDir(fs.getPath("/t"));
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> Main.measure(onFull, Progress.NONE, System.err))
          .isInstanceOf(TreeException.class)
          .satisfies(
              e ->
                  assertThat(Main.problem((Exception) e))
                      .isEqualTo(
                          "cannot make the tree in /t: /t/d000/f0004: no space left on device"));
    }
  }

  @Test
  void smallfilesSmoke() throws Exception {
    Map<String, Object> report = smoke("smallfiles");
    List<String> expected = new ArrayList<>(Workload.SMALLFILES.variants());
    if (!JvfsMount.posixAvailable()) {
      expected.removeAll(
          List.of("jvfs-posix", "jvfs-posix-qd1", "jvfs-posix-threads8", "jvfs-posix-loop"));
      assertThat(report.get("skipped").toString()).contains("jvfs-posix", "jvfs-posix-qd1");
    }
    if (Runtime.version().feature() < 21) {
      expected.remove("jdk-vthreads");
      assertThat(report.get("skipped").toString())
          .contains(
              "jdk-vthreads: not available on this JDK (" + System.getProperty("java.version"));
    }
    assertEveryVariantRan(report, expected);
    assertThat(tmp.resolve("tree/d000/f0049")).hasSize(512);
  }

  @Test
  void lookupSmoke() throws Exception {
    Map<String, Object> report = smoke("lookup");
    assertEveryVariantRan(report, Workload.LOOKUP.variants());
    assertThat(report.get("backend"))
        .isEqualTo(JvfsMount.posixAvailable() ? "posix (probe)" : "memory");
  }

  @Test
  void nioSmoke_everyRowOfBothSides() throws Exception {
    Map<String, Object> report = smoke("nio");
    List<String> expected = new ArrayList<>();
    for (String row : Nio.ROWS) {
      expected.add(row + "/jdk");
      if (JvfsMount.posixAvailable()) {
        expected.add(row + "/jvfs-posix");
      }
    }
    assertEveryVariantRan(report, expected);
    assertThat(tmp.resolve("tree/t/d000/f0049")).hasSize(512);
    assertThat(tmp.resolve("tree/large/10m")).hasSize(Nio.LARGE_SIZE);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results = (List<Map<String, Object>>) report.get("results");
    for (Map<String, Object> r : results) {
      assertThat(r).as(r.toString()).containsKey("ratio");
    }
  }

  @Test
  void nio_overAnExistingDirectory_leavesItAsItIs() throws Exception {
    Path doc = Files.createDirectories(tmp.resolve("doc/pkg/sub"));
    Files.writeString(doc.resolve("a.txt"), "alpha");
    Files.write(doc.getParent().resolve("b.gz"), new byte[70_000]);
    Files.createSymbolicLink(doc.resolve("link"), Path.of("/etc/hostname"));
    Files.createDirectories(tmp.resolve("doc/empty"));
    assertThat(
            run(
                "nio",
                "--tree",
                tmp.resolve("doc").toString(),
                "--dir",
                tmp.resolve("work").toString(),
                "--warmup",
                "0",
                "--rounds",
                "1",
                "--variants",
                "jdk,jvfs-posix"))
        .as(err())
        .isZero();
    assertThat(out())
        .contains("nio: a tree of 2 files of various sizes and a file of 10 MiB")
        .containsPattern("walk/jdk .* 1\\.00x")
        .containsPattern("walk-read-1st/jvfs-posix .*x")
        .contains("goals:");
    try (var walk = Files.walk(tmp.resolve("doc"))) {
      assertThat(walk.count()).isEqualTo(7); // doc, pkg, sub, a.txt, link, b.gz, empty
    }
  }

  @Test
  void nio_treeThatIsNoDirectory_oneLine() throws Exception {
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    assertThat(run("nio", "--tree", file.toString(), "--dir", tmp.resolve("w").toString()))
        .isEqualTo(Main.RUN_ERROR);
    assertThat(err().trim()).isEqualTo("vfs-bench: " + file + ": not a directory");
  }

  @Test
  void lookupTreeLiesInTheTopDirectory() {
    assertThat(smoke("lookup")).isNotNull();
    assertThat(tmp.resolve("tree").resolve(Lookup.TOP).resolve("d000/f0049")).hasSize(512);
  }

  @Test
  @SuppressWarnings("unchecked")
  void stormSmoke() {
    int code =
        run(
            "lookup",
            "--storm=200",
            "--dir",
            tmp.resolve("tree").toString(),
            "--files",
            "20",
            "--warmup",
            "0",
            "--rounds",
            "2",
            "--json");
    assertThat(code).as(err()).isZero();
    Map<String, Object> figures = (Map<String, Object>) MiniJson.parse(out().trim());
    assertThat(figures.get("workload")).isEqualTo("lookup-storm");
    assertThat(figures.get("in_flight")).isEqualTo(200.0);
    assertThat(figures.get("hot_paths")).isEqualTo(40.0);
    assertThat(figures.get("samples")).isEqualTo(2.0 * Storm.SAMPLES);
    assertThat((Double) figures.get("storm_per_s")).isPositive();
    assertThat((Double) figures.get("now_p999_ns"))
        .isGreaterThanOrEqualTo((Double) figures.get("now_p50_ns"));
    assertThat((Double) figures.get("chm_p999_ns"))
        .isGreaterThanOrEqualTo((Double) figures.get("chm_p50_ns"));
  }

  @Test
  void stormTable() {
    assertThat(run("lookup", "--storm=100", "--files", "10", "--warmup", "0", "--rounds", "1"))
        .as(err())
        .isZero();
    assertThat(out())
        .contains("storm: 100 uncached lookups in flight")
        .contains("lookupNow p99.9 / ConcurrentHashMap.get p99.9 =")
        .contains("hot lookups turned into MISS:");
  }

  @Test
  void tableRun() {
    assertThat(
            run(
                "lookup",
                "--files",
                "20",
                "--warmup",
                "0",
                "--rounds",
                "1",
                "--variants",
                "jdk-readAttributes,jvfs-lookupNow-absent"))
        .isZero();
    assertThat(out())
        .contains("lookup: 20 files of 4096 bytes")
        .containsPattern("jdk-readAttributes .* 1\\.00x")
        .doesNotContain("issue")
        .containsPattern("jvfs-lookupNow-absent .*x");
    assertThat(out()).doesNotContain("jdk-exists-absent");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> smoke(String workload) {
    Path dir = tmp.resolve("tree");
    int code =
        run(
            workload,
            "--dir",
            dir.toString(),
            "--files",
            "50",
            "--size",
            "512",
            "--in-flight",
            "4",
            "--io-threads",
            "2",
            "--warmup",
            "1",
            "--rounds",
            "2",
            "--json");
    assertThat(code).as(err()).isZero();
    Map<String, Object> report = (Map<String, Object>) MiniJson.parse(out().trim());
    assertThat(report.get("workload")).isEqualTo(workload);
    assertThat(report.get("files")).isEqualTo(50.0);
    assertThat(report.get("size")).isEqualTo(512.0);
    assertThat(report.get("in_flight")).isEqualTo(4.0);
    assertThat((Double) report.get("cpus")).isGreaterThanOrEqualTo(1.0);
    assertThat((String) report.get("jdk")).isNotBlank();
    assertThat((String) report.get("kernel")).isNotBlank();
    if (Files.isReadable(Path.of("/proc/loadavg"))) {
      assertThat((String) report.get("load_avg")).matches("[0-9.]+ [0-9.]+ [0-9.]+");
    }
    return report;
  }

  @SuppressWarnings("unchecked")
  private static void assertEveryVariantRan(Map<String, Object> report, List<String> expected) {
    List<Map<String, Object>> results = (List<Map<String, Object>>) report.get("results");
    assertThat(results).extracting(r -> r.get("variant")).containsExactlyElementsOf(expected);
    for (Map<String, Object> r : results) {
      assertThat((Double) r.get("ops_per_s")).as(r.toString()).isPositive();
      assertThat((Double) r.get("ns_per_op")).as(r.toString()).isPositive();
      assertThat((Double) r.get("p50_ns")).as(r.toString()).isPositive();
      assertThat((Double) r.get("p99_ns"))
          .as(r.toString())
          .isGreaterThanOrEqualTo((Double) r.get("p50_ns"));
    }
  }
}
