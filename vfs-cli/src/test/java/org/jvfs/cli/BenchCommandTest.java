package org.jvfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvfs.bench.FailingFileSystems;
import org.jvfs.bench.MiniJson;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code jvfs bench}: bad input, and small real runs as table, JSON and chart. */
class BenchCommandTest {
  @TempDir Path tmp;

  private static final String[] SMALL = {"--files", "120", "--size", "64", "--warmup", "0"};

  private static String[] args(String... first) {
    String[] all = new String[first.length + SMALL.length + 2];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(SMALL, 0, all, first.length, SMALL.length);
    all[all.length - 2] = "--rounds";
    all[all.length - 1] = "1";
    return all;
  }

  private static void oneLine(CliRun run, int code, String line) {
    assertThat(run.errLines()).as(run.err()).containsExactly(line);
    assertThat(run.code()).isEqualTo(code);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownWorkload_namesItAndTheAcceptedOnes() {
    oneLine(
        CliRun.of("bench", "bogus"),
        Jvfs.USAGE,
        "jvfs: bench: unknown workload 'bogus'; accepted: smallfiles, lookup, nio, all (and"
            + " later random4k)");
  }

  @Test
  void plannedWorkloads_sayTheyAreNotAvailableYet() {
    oneLine(
        CliRun.of("bench", "random4k", "--json"),
        Jvfs.FAILED,
        "jvfs: the random4k workload (random 4 KiB reads of large files) is not available yet;"
            + " available: smallfiles, lookup, nio, all");
  }

  @Test
  void badRunnerOptions_oneLineFromTheRunnersParser() {
    oneLine(
        CliRun.of("bench", "lookup", "--files", "lots"),
        Jvfs.USAGE,
        "jvfs: bench: --files needs a whole number, not 'lots'");
    oneLine(
        CliRun.of("bench", "smallfiles", "--variants", "jdk-nope"),
        Jvfs.USAGE,
        "jvfs: bench: unknown variant of smallfiles: 'jdk-nope' (known: jdk-parallel,"
            + " jvfs-posix, jdk-vthreads, jdk-keptfd, jdk-readAllBytes, jdk-filechannel,"
            + " jdk-async, jvfs-posix-qd1, jvfs-aio, jvfs-aio-qd1, jdk-threads8,"
            + " jvfs-posix-threads8, jvfs-posix-loop, jvfs-memory)");
    oneLine(
        CliRun.of("bench", "smallfiles", "--storm"),
        Jvfs.USAGE,
        "jvfs: bench: --storm is an option of the lookup workload");
    oneLine(
        CliRun.of("bench", "lookup", "--storm=0"),
        Jvfs.USAGE,
        "jvfs: bench: --storm must be between 1 and 1000000, not 0");
    oneLine(
        CliRun.of("bench", "all", "--variants", "jdk-readAllBytes"),
        Jvfs.USAGE,
        "jvfs: bench: --variants names variants of one workload, not of all");
  }

  @Test
  void aFileForTheTree_oneLine() throws Exception {
    Path file = Files.createFile(tmp.resolve("plain"));
    CliRun run = CliRun.of(args("bench", "lookup", "--dir", file.toString()));
    assertThat(run.code()).isEqualTo(Jvfs.FAILED);
    assertThat(run.errLines())
        .last()
        .isEqualTo("jvfs: cannot make the tree in " + file + ": not a directory");
    assertThat(run.err()).doesNotContain("\tat ", "Exception");
  }

  @Test
  void unwritableDir_oneLine() throws Exception {
    try (FileSystem fs = FailingFileSystems.unwritable()) {
      CliRun run =
          CliRun.with(
              new Mounts(), p -> fs.getPath(p.toString()), false, args("bench", "--dir", "/t"));
      assertThat(run.code()).isEqualTo(Jvfs.FAILED);
      assertThat(run.errLines())
          .last()
          .isEqualTo("jvfs: cannot make the tree in /t: permission denied");
      assertThat(run.err()).doesNotContain("\tat ", "Exception");
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void diskFullWhileMakingTheTree_oneLine() throws Exception {
    try (FileSystem fs = FailingFileSystems.full(200)) {
      CliRun run =
          CliRun.with(
              new Mounts(), p -> fs.getPath(p.toString()), false, args("bench", "--dir", "/t"));
      assertThat(run.code()).isEqualTo(Jvfs.FAILED);
      assertThat(run.errLines())
          .last()
          .isEqualTo("jvfs: cannot make the tree in /t: /t/d000/f0003: no space left on device");
      assertThat(run.err()).doesNotContain("\tat ", "Exception");
    }
  }

  @Test
  void chartWhereNoDirectoryIs_failsBeforeTheRun() {
    Path chart = tmp.resolve("no/such/x.svg");
    oneLine(
        CliRun.of("bench", "lookup", "--chart", chart.toString()),
        Jvfs.FAILED,
        "jvfs: cannot write the chart to " + chart + ": no such directory " + chart.getParent());
  }

  @Test
  void table_hasEveryColumnTheRatioAndTheSmallSampleWarning() {
    CliRun run =
        CliRun.of(args("bench", "lookup", "--variants", "jdk-readAttributes,jvfs-lookupNow-hit"));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("lookup: 120 files of 64 bytes")
        .containsPattern("variant +ops/s +ns/op +p50 ns +p99 ns +CPU ns/op +x jdk-readAttributes")
        .containsPattern("jdk-readAttributes +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +1\\.00x")
        .containsPattern("jvfs-lookupNow-hit +[0-9]+ .*[0-9.]+x")
        .contains("warning: small sample: 1 measured round")
        .contains("warning: small sample: 120 operations per round");
    assertThat(run.err()).contains("tree ", "round 1/1");
  }

  @Test
  void storm_printsItsOwnTable() {
    CliRun run = CliRun.of(args("bench", "lookup", "--storm=100"));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("storm: 100 uncached lookups in flight")
        .contains("lookupNow p99.9 / ConcurrentHashMap.get p99.9 =")
        .contains("hot lookups turned into MISS:");
    oneLine(
        CliRun.of("bench", "lookup", "--storm", "--chart", "x.svg"),
        Jvfs.USAGE,
        "jvfs: bench: --chart draws workload tables; --storm has none");
  }

  @Test
  void json_parsesAndHasTheFigures() {
    CliRun run =
        CliRun.of(args("bench", "smallfiles", "--json", "--variants", "jdk-parallel,jvfs-memory"));
    assertThat(run.code()).as(run.err()).isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> report = (Map<String, Object>) MiniJson.parse(run.out().trim());
    assertThat(report.get("workload")).isEqualTo("smallfiles");
    assertThat(report.get("baseline")).isEqualTo("jdk-parallel");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results = (List<Map<String, Object>>) report.get("results");
    assertThat(results)
        .extracting(r -> r.get("variant"))
        .containsExactly("jdk-parallel", "jvfs-memory");
    for (Map<String, Object> r : results) {
      assertThat(r)
          .containsKeys("ops_per_s", "ns_per_op", "p50_ns", "p99_ns", "cpu_ns_per_op", "ratio");
      assertThat((Double) r.get("cpu_ns_per_op")).isPositive();
    }
    assertThat((List<?>) report.get("warnings")).isNotEmpty();
  }

  @Test
  void all_runsTheWorkloadsThatExist_jsonAndChart() throws Exception {
    Path chart = tmp.resolve("all.svg");
    CliRun run = CliRun.of(args("bench", "all", "--json", "--chart", chart.toString()));
    assertThat(run.code()).as(run.err()).isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> all = (Map<String, Object>) MiniJson.parse(run.out().trim());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> reports = (List<Map<String, Object>>) all.get("reports");
    assertThat(reports)
        .extracting(r -> r.get("workload"))
        .containsExactly("smallfiles", "lookup", "nio");
    assertThat(all.get("not_available")).isEqualTo(List.of("random4k"));
    int rows = 0;
    for (Map<String, Object> r : reports) {
      rows += ((List<?>) r.get("results")).size();
    }
    Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(chart.toFile());
    assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
    NodeList rects = svg.getElementsByTagName("rect");
    int bars = 0;
    for (int i = 0; i < rects.getLength(); i++) {
      if ("bar".equals(((Element) rects.item(i)).getAttribute("class"))) {
        bars++;
      }
    }
    assertThat(bars).isEqualTo(rows);
    assertThat(run.err()).contains("chart: " + chart);
  }

  @Test
  void nio_overAnExistingTree_table() throws Exception {
    Path doc = Files.createDirectories(tmp.resolve("doc/pkg"));
    Files.writeString(doc.resolve("README"), "read me");
    Files.writeString(doc.resolve("copyright"), "(c)");
    CliRun run =
        CliRun.of(
            "bench",
            "nio",
            "--tree",
            tmp.resolve("doc").toString(),
            "--warmup",
            "0",
            "--rounds",
            "1");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("nio: a tree of 2 files of various sizes")
        .containsPattern("exists-absent/jvfs-posix .*x")
        .containsPattern("channel-8k/jdk .* 1\\.00x");
    oneLine(
        CliRun.of("bench", "lookup", "--tree", "/tmp"),
        Jvfs.USAGE,
        "jvfs: bench: --tree is an option of the nio workload");
  }

  @Test
  void progressBar_onATerminal() {
    CliRun run =
        CliRun.with(
            new Mounts(),
            UnaryOperator.identity(),
            true,
            args("bench", "lookup", "--variants", "jdk-readAttributes"));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("\r").contains("[##############################] 100%");
    assertThat(run.err()).doesNotContain("\n");
  }
}
