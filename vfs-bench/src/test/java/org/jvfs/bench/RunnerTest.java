package org.jvfs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerTest {
  private final List<String> calls = new ArrayList<>();

  /** A variant that records its calls and reports a fixed latency for every operation. */
  private final class Fake implements Variant {
    private final String name;
    private final long latency;

    Fake(String name, long latency) {
      this.name = name;
      this.latency = latency;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int operations() {
      return 10;
    }

    @Override
    public void beforeRound() {
      calls.add("before " + name);
    }

    @Override
    public void run(long[] latencies) {
      calls.add("run " + name);
      java.util.Arrays.fill(latencies, latency);
      latencies[9] = latency * 100;
    }
  }

  @Test
  void warmsUpThenInterleavesRoundsStartingOneLaterEachTime() throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Runner runner = new Runner(1, 3, new PrintStream(progress, true, StandardCharsets.UTF_8));
    List<Result> results =
        runner.run(List.of(new Fake("a", 5), new Fake("b", 7), new Fake("c", 9)));

    List<String> runs = calls.stream().filter(c -> c.startsWith("run")).toList();
    assertThat(runs)
        .containsExactly(
            "run a", "run b", "run c", // warm-up
            "run a", "run b", "run c", // round 1
            "run b", "run c", "run a", // round 2
            "run c", "run a", "run b"); // round 3
    assertThat(calls.stream().filter(c -> c.startsWith("before"))).hasSize(12);
    assertThat(results).extracting(Result::variant).containsExactly("a", "b", "c");
    Result a = results.get(0);
    assertThat(a.p50Ns()).isEqualTo(5);
    assertThat(a.p99Ns()).isEqualTo(500);
    assertThat(a.opsPerSecond()).isPositive();
    assertThat(a.nsPerOp()).isEqualTo(1e9 / a.opsPerSecond());
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("warm-up 1/1", "round 1/3", "round 3/3");
  }

  @Test
  void progress_oneStepPerVariantRun_endingAtTheTotal() throws Exception {
    List<String> steps = new ArrayList<>();
    new Runner(1, 2, (stage, done, total) -> steps.add(stage + " " + done + "/" + total))
        .run(List.of(new Fake("a", 5), new Fake("b", 7)));
    assertThat(steps)
        .containsExactly(
            "warm-up 1/1 0/6",
            "warm-up 1/1 1/6",
            "round 1/2 2/6",
            "round 1/2 3/6",
            "round 2/2 4/6",
            "round 2/2 5/6",
            "round 2/2 6/6");
  }

  @Test
  void cpuPerOperation_measured() throws Exception {
    Variant busy =
        new Variant() {
          @Override
          public String name() {
            return "busy";
          }

          @Override
          public int operations() {
            return 1000;
          }

          @Override
          public void run(long[] latencies) {
            long sink = 0;
            for (int i = 0; i < 2_000_000; i++) {
              sink += Long.hashCode(sink ^ i);
            }
            java.util.Arrays.fill(latencies, sink == 42 ? 1 : 2);
          }
        };
    Result r = new Runner(0, 3, Progress.NONE).run(List.of(busy)).get(0);
    assertThat(r.cpuNsPerOp()).isPositive();
    // One thread busy: CPU time per op is about the wall time per op, not ten times it.
    assertThat(r.cpuNsPerOp()).isLessThan(r.nsPerOp() * 4);
  }

  @Test
  void aFailingVariantIsNamed() {
    Variant broken =
        new Variant() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public int operations() {
            return 1;
          }

          @Override
          public void run(long[] latencies) throws IOException {
            throw new IOException("no such thing");
          }
        };
    Runner runner =
        new Runner(
            0, 1, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThatThrownBy(() -> runner.run(List.of(broken)))
        .isInstanceOf(Runner.VariantException.class)
        .hasMessageContaining("broken failed")
        .hasMessageContaining("no such thing");
  }
}
