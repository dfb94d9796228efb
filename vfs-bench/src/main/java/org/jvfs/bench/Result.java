package org.jvfs.bench;

/**
 * One variant's figures: the medians over the measured rounds.
 *
 * @param variant the variant's name
 * @param opsPerSecond operations per second of wall time
 * @param nsPerOp wall time per operation, {@code 1e9 / opsPerSecond}
 * @param p50Ns the median operation's latency, nanoseconds
 * @param p99Ns the 99th percentile latency, nanoseconds
 */
public record Result(String variant, double opsPerSecond, double nsPerOp, long p50Ns, long p99Ns) {

  /** Returns this variant's throughput relative to another's: above 1 means faster. */
  public double ratioTo(Result baseline) {
    return opsPerSecond / baseline.opsPerSecond;
  }
}
