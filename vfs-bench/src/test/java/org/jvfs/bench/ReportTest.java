package org.jvfs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static Report smallfiles(List<Result> results) {
    return new Report(
        "smallfiles",
        100,
        4096,
        64,
        2,
        "17.0.15 \"quoted\"",
        "Linux 6.1\\x",
        "posix",
        "0.50 1.00 2.00",
        "jdk-parallel",
        2,
        5,
        20.0,
        results,
        List.of("jvfs-memory: because\nreasons"));
  }

  private static final List<Result> RESULTS =
      List.of(
          new Result("jdk-parallel", 100_000, 10_000, 9000, 20_000),
          new Result("jdk-async", 50_000, 20_000, 30_000, 90_000),
          new Result("jvfs-posix", 200_000, 5_000, 60_000, 120_000),
          new Result("jvfs-posix-qd1", 125_000, 8_000, 7_500, 15_000),
          new Result("jdk-readAllBytes", 40_000, 25_000, 24_000, 30_000));

  @Test
  void json_hasEveryFieldAndTheRatio() {
    String json = smallfiles(RESULTS).toJson();
    assertThat(json).doesNotContain("\n");

    @SuppressWarnings("unchecked")
    Map<String, Object> o = (Map<String, Object>) MiniJson.parse(json);
    assertThat(o)
        .containsKeys("workload", "files", "size", "in_flight", "cpus", "jdk", "kernel", "results");
    assertThat(o.get("workload")).isEqualTo("smallfiles");
    assertThat(o.get("files")).isEqualTo(100.0);
    assertThat(o.get("size")).isEqualTo(4096.0);
    assertThat(o.get("in_flight")).isEqualTo(64.0);
    assertThat(o.get("cpus")).isEqualTo(2.0);
    assertThat(o.get("jdk")).isEqualTo("17.0.15 \"quoted\"");
    assertThat(o.get("kernel")).isEqualTo("Linux 6.1\\x");
    assertThat(o.get("load_avg")).isEqualTo("0.50 1.00 2.00");
    assertThat(o.get("skipped")).isEqualTo(List.of("jvfs-memory: because\nreasons"));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results = (List<Map<String, Object>>) o.get("results");
    assertThat(results).hasSize(5);
    for (Map<String, Object> r : results) {
      assertThat(r).containsKeys("variant", "ops_per_s", "ns_per_op", "p50_ns", "p99_ns");
    }
    Map<String, Object> posix = results.get(2);
    assertThat(posix.get("variant")).isEqualTo("jvfs-posix");
    assertThat(posix.get("ops_per_s")).isEqualTo(200_000.0);
    assertThat(posix.get("ns_per_op")).isEqualTo(5000.0);
    assertThat(posix.get("p50_ns")).isEqualTo(60_000.0);
    assertThat(posix.get("p99_ns")).isEqualTo(120_000.0);
    assertThat(posix.get("ratio")).isEqualTo(2.0);
  }

  @Test
  void tableShowsRatiosAndTargets() {
    String table = smallfiles(RESULTS).toTable();
    assertThat(table)
        .contains("x jdk-parallel")
        .contains("load average 0.50 1.00 2.00")
        .contains("CPU ns/op")
        .containsPattern("jdk-parallel +100000 +10000 +9000 +20000 +- +1\\.00x")
        .containsPattern("jdk-readAllBytes +40000 .* 0\\.40x")
        .containsPattern("jdk-async +50000 .* 0\\.50x")
        .containsPattern("jvfs-posix +200000 .* 2\\.00x")
        .contains("skipped jvfs-memory")
        .contains("jvfs-posix / jdk-parallel = 2.00x (goal >= 1.2x): met")
        .contains("jvfs-posix / jdk-readAllBytes = 5.00x (goal >= 1.0x): met")
        .contains("jvfs-posix / jdk-async = 4.00x (goal >= 3.0x): met")
        .contains("jvfs-posix-qd1 = 8.00 us per file (goal <= 5 us): MISSED");
  }

  @Test
  void table_speaksOfJvfsAlone() {
    assertThat(smallfiles(RESULTS).toTable().toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("issue")
        .doesNotContain("shared")
        .doesNotContain("note");
  }

  @Test
  void cpuPerOp_inTableAndJson() {
    Report r =
        smallfiles(List.of(new Result("jdk-parallel", 100_000, 10_000, 9000, 20_000, 7654.4)));
    assertThat(r.toTable()).containsPattern("jdk-parallel .* 7654 +1\\.00x");
    @SuppressWarnings("unchecked")
    Map<String, Object> o = (Map<String, Object>) MiniJson.parse(r.toJson());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results = (List<Map<String, Object>>) o.get("results");
    assertThat(results.get(0).get("cpu_ns_per_op")).isEqualTo(7654.4);
  }

  @Test
  void warnings_smallSampleAndLoadedHost() {
    // 100 files, 5 rounds, 2 cpus, load 0.50: only the operations per round and the round length.
    assertThat(smallfiles(RESULTS).warnings())
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).startsWith("small sample: 100 operations per round"))
        .anySatisfy(
            w -> assertThat(w).startsWith("small sample: a round of jvfs-posix lasts 0.5 ms"));
    Report loaded =
        new Report(
            "lookup",
            10_000,
            1,
            1,
            2,
            "j",
            "k",
            "posix",
            "4.54 7.64 8.54",
            "jdk-readAttributes",
            1,
            2,
            1.0,
            List.of(new Result("jdk-readAttributes", 1000, 1e6, 1, 1)),
            List.of());
    assertThat(loaded.warnings())
        .containsExactly(
            "small sample: 2 measured rounds; a median of fewer than 3 rounds is one noisy sample"
                + " (use --rounds 5 or more)",
            "loaded host: load average 4.54 is above its 2 processors; other work competed with"
                + " this run, so trust the ratios more than the absolute figures");
    assertThat(loaded.toTable()).contains("warning: loaded host: load average 4.54");
    @SuppressWarnings("unchecked")
    Map<String, Object> o = (Map<String, Object>) MiniJson.parse(loaded.toJson());
    assertThat((List<?>) o.get("warnings")).hasSize(2);
  }

  @Test
  void noTargetsWithoutPosixOrForLookup() {
    Report r = smallfiles(List.of(RESULTS.get(0), RESULTS.get(1)));
    assertThat(r.targets()).isEmpty();
    assertThat(r.toTable()).doesNotContain("goals");
    Report lookup =
        new Report(
            "lookup",
            1,
            1,
            1,
            1,
            "j",
            "k",
            "memory",
            "",
            "jdk-readAttributes",
            0,
            1,
            1.0,
            List.of(new Result("jdk-readAttributes", 1, 1e9, 1, 1)),
            List.of());
    assertThat(lookup.targets()).isEmpty();
  }

  @Test
  void noRatioWithoutTheBaseline() {
    Report r = smallfiles(List.of(RESULTS.get(1)));
    assertThat(r.toTable()).containsPattern("jdk-async .* -");
    @SuppressWarnings("unchecked")
    Map<String, Object> o = (Map<String, Object>) MiniJson.parse(r.toJson());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results = (List<Map<String, Object>>) o.get("results");
    assertThat(results.get(0)).doesNotContainKey("ratio");
  }

  private static Report nio(List<Result> results, int size) {
    return new Report(
        "nio",
        4144,
        size,
        1,
        2,
        "17",
        "Linux",
        "posix (probe)",
        "0.10 0.10 0.10",
        "jdk",
        1,
        5,
        20.0,
        results,
        List.of());
  }

  @Test
  void nio_eachRowComparedWithItsJdkRow_andItsGoals() {
    Report r =
        nio(
            List.of(
                new Result("walk/jdk", 1000, 1e6, 1, 1),
                new Result("walk/jvfs-posix", 500, 2e6, 1, 1),
                new Result("walk-read-1st/jdk", 100, 1e7, 1, 1),
                new Result("walk-read-1st/jvfs-posix", 100, 1.05e7, 1, 1),
                new Result("walk-read/jdk", 100, 1e7, 1, 1),
                new Result("walk-read/jvfs-posix", 100, 1e7, 1, 1),
                new Result("stat/jdk", 1e6, 1000, 1, 1),
                new Result("stat/jvfs-posix", 5e6, 200, 1, 1),
                new Result("channel-64k/jdk", 1e4, 1e5, 1, 1),
                new Result("channel-64k/jvfs-posix", 8e3, 1.25e5, 1, 1)),
            -1);
    String table = r.toTable();
    assertThat(table)
        .contains("nio: a tree of 4144 files of various sizes and a file of 10 MiB")
        .contains("x ROW/jdk")
        .containsPattern("walk/jdk +1000 .* 1\\.00x")
        .containsPattern("walk/jvfs-posix +500 .* 0\\.50x")
        .containsPattern("stat/jvfs-posix +5000000 .* 5\\.00x")
        .contains("walk-read-1st: jvfs-posix time = 1.05x jdk's (goal <= 1.1x): met")
        .contains("walk-read: jvfs-posix time = 1.00x jdk's (goal < 1.0x): MISSED")
        .contains("stat: jvfs-posix / jdk = 5.00x (goal >= 4.0x): met")
        .contains("channel-64k: jvfs-posix time = 1.25x jdk's (goal <= 1.1x): MISSED")
        .doesNotContain("walk: jvfs");
    @SuppressWarnings("unchecked")
    Map<String, Object> o = (Map<String, Object>) MiniJson.parse(r.toJson());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results = (List<Map<String, Object>>) o.get("results");
    assertThat(results.get(1).get("ratio")).isEqualTo(0.5);
    assertThat(results.get(7).get("ratio")).isEqualTo(5.0);
    assertThat(nio(List.of(new Result("walk/jvfs-posix", 1, 1e9, 1, 1)), 4096).toTable())
        .contains("a tree of 4144 files of 4096 bytes")
        .containsPattern("walk/jvfs-posix .* -");
  }

  @Test
  void quoteEscapesControlCharacters() {
    assertThat(Report.quote("a\"b\\c\td\u0001")).isEqualTo("\"a\\\"b\\\\c\\td\\u0001\"");
    assertThat(MiniJson.parse(Report.quote("x\u0001\r\n"))).isEqualTo("x\u0001\r\n");
  }
}
