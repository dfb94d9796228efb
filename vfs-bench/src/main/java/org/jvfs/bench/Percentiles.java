package org.jvfs.bench;

import java.util.Arrays;

/** Percentile and median arithmetic on latency samples. */
public final class Percentiles {
  private Percentiles() {}

  /**
   * Returns the nearest-rank percentile of sorted samples: the smallest sample such that at least
   * {@code p} percent of the samples are at or below it.
   *
   * @param sorted samples in ascending order
   * @param p the percentile, in (0, 100]
   * @throws IllegalArgumentException if there are no samples or {@code p} is out of range
   */
  public static long nearestRank(long[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /**
   * Returns the percentile of unsorted samples, sorting a copy.
   *
   * @see #nearestRank(long[], double)
   */
  public static long of(long[] samples, double p) {
    long[] copy = samples.clone();
    Arrays.sort(copy);
    return nearestRank(copy, p);
  }

  /**
   * Returns the median: the middle value, or the mean of the two middle values.
   *
   * @throws IllegalArgumentException if there are no values
   */
  public static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] copy = values.clone();
    Arrays.sort(copy);
    int mid = copy.length / 2;
    return copy.length % 2 == 1 ? copy[mid] : (copy[mid - 1] + copy[mid]) / 2;
  }

  /**
   * Returns the median of whole numbers, rounded down for an even count.
   *
   * @throws IllegalArgumentException if there are no values
   */
  public static long median(long[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    long[] copy = values.clone();
    Arrays.sort(copy);
    int mid = copy.length / 2;
    return copy.length % 2 == 1 ? copy[mid] : copy[mid - 1] + (copy[mid] - copy[mid - 1]) / 2;
  }
}
