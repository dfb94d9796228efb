package org.jvfs.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs variants in rounds: warm-up rounds first, then measured rounds in which the variants take
 * turns, each round starting one variant later so that drift of the machine does not always favour
 * the same one. Reports, per variant, the median over the measured rounds of its throughput, its
 * latency percentiles and the process's CPU time per operation ({@link ProcessCpu}).
 */
public final class Runner {
  private final int warmups;
  private final int rounds;
  private final Progress progress;

  /**
   * Makes a runner that writes a line per round.
   *
   * @param warmups unmeasured rounds
   * @param rounds measured rounds, at least one
   * @param progress where to write a line per round
   */
  public Runner(int warmups, int rounds, PrintStream progress) {
    this(warmups, rounds, Progress.lines(progress));
  }

  /**
   * Makes a runner.
   *
   * @param warmups unmeasured rounds
   * @param rounds measured rounds, at least one
   * @param progress told of each round ({@code "warm-up 1/5"}, {@code "round 2/7"}) and of each
   *     variant's run in it, as steps of {@code (warmups + rounds) * variants}
   */
  public Runner(int warmups, int rounds, Progress progress) {
    if (warmups < 0 || rounds < 1) {
      throw new IllegalArgumentException("warmups >= 0 and rounds >= 1");
    }
    this.warmups = warmups;
    this.rounds = rounds;
    this.progress = progress;
  }

  /**
   * Runs the variants and returns their results, in the order given.
   *
   * @throws Exception if a variant fails
   */
  public List<Result> run(List<? extends Variant> variants) throws Exception {
    int v = variants.size();
    double[][] ops = new double[v][rounds];
    long[][] p50 = new long[v][rounds];
    long[][] p99 = new long[v][rounds];
    double[][] cpu = new double[v][rounds];
    long total = (long) (warmups + rounds) * v;
    long done = 0;
    long[] cpuUsed = new long[1];
    for (int w = 0; w < warmups; w++) {
      String stage = String.format(Locale.ROOT, "warm-up %d/%d", w + 1, warmups);
      for (Variant variant : variants) {
        progress.update(stage, done, total);
        once(variant, cpuUsed);
        done++;
      }
    }
    for (int r = 0; r < rounds; r++) {
      String stage = String.format(Locale.ROOT, "round %d/%d", r + 1, rounds);
      for (int j = 0; j < v; j++) {
        progress.update(stage, done, total);
        int index = (r + j) % v;
        Variant variant = variants.get(index);
        long[] latencies = new long[variant.operations()];
        long elapsed = Math.max(1, timed(variant, latencies, cpuUsed));
        ops[index][r] = variant.operations() * 1e9 / elapsed;
        cpu[index][r] = cpuUsed[0] < 0 ? Double.NaN : (double) cpuUsed[0] / variant.operations();
        Arrays.sort(latencies);
        p50[index][r] = Percentiles.nearestRank(latencies, 50);
        p99[index][r] = Percentiles.nearestRank(latencies, 99);
        done++;
      }
    }
    progress.update(String.format(Locale.ROOT, "round %d/%d", rounds, rounds), done, total);
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < v; i++) {
      double medianOps = Percentiles.median(ops[i]);
      results.add(
          new Result(
              variants.get(i).name(),
              medianOps,
              1e9 / medianOps,
              Percentiles.median(p50[i]),
              Percentiles.median(p99[i]),
              Percentiles.median(cpu[i])));
    }
    return results;
  }

  private static void once(Variant variant, long[] cpuUsed) throws Exception {
    timed(variant, new long[variant.operations()], cpuUsed);
  }

  /** Runs one round of the variant; returns its wall time and puts its CPU time (or -1) in cpu. */
  private static long timed(Variant variant, long[] latencies, long[] cpu) throws Exception {
    variant.beforeRound();
    long cpuStart = ProcessCpu.nanos();
    long start = System.nanoTime();
    try {
      variant.run(latencies);
    } catch (Exception e) {
      throw new VariantException(variant.name(), e);
    }
    long elapsed = System.nanoTime() - start;
    long cpuEnd = ProcessCpu.nanos();
    cpu[0] = cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart;
    return elapsed;
  }

  /** A variant's operation failed; the message names the variant. */
  public static final class VariantException extends Exception {
    /**
     * Makes one.
     *
     * @param variant the variant's name
     * @param cause what failed
     */
    public VariantException(String variant, Throwable cause) {
      super(variant + " failed: " + cause, cause);
    }
  }
}
