package org.jvfs.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs variants in rounds: warm-up rounds first, then measured rounds in which the variants take
 * turns, each round starting one variant later so that drift of the machine does not always favour
 * the same one. Reports, per variant, the median over the measured rounds.
 */
public final class Runner {
  private final int warmups;
  private final int rounds;
  private final PrintStream progress;

  /**
   * Makes a runner.
   *
   * @param warmups unmeasured rounds
   * @param rounds measured rounds, at least one
   * @param progress where to write a line per round
   */
  public Runner(int warmups, int rounds, PrintStream progress) {
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
    for (int w = 0; w < warmups; w++) {
      progress.printf("warm-up %d/%d%n", w + 1, warmups);
      for (Variant variant : variants) {
        once(variant);
      }
    }
    for (int r = 0; r < rounds; r++) {
      progress.printf("round %d/%d%n", r + 1, rounds);
      for (int j = 0; j < v; j++) {
        int index = (r + j) % v;
        Variant variant = variants.get(index);
        long[] latencies = new long[variant.operations()];
        long elapsed = Math.max(1, timed(variant, latencies));
        ops[index][r] = variant.operations() * 1e9 / elapsed;
        Arrays.sort(latencies);
        p50[index][r] = Percentiles.nearestRank(latencies, 50);
        p99[index][r] = Percentiles.nearestRank(latencies, 99);
      }
    }
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < v; i++) {
      double medianOps = Percentiles.median(ops[i]);
      results.add(
          new Result(
              variants.get(i).name(),
              medianOps,
              1e9 / medianOps,
              Percentiles.median(p50[i]),
              Percentiles.median(p99[i])));
    }
    return results;
  }

  private static void once(Variant variant) throws Exception {
    timed(variant, new long[variant.operations()]);
  }

  private static long timed(Variant variant, long[] latencies) throws Exception {
    variant.beforeRound();
    long start = System.nanoTime();
    try {
      variant.run(latencies);
    } catch (Exception e) {
      throw new VariantException(variant.name(), e);
    }
    return System.nanoTime() - start;
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
