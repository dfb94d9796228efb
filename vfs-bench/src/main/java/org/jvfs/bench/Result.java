package org.jvfs.bench;

/**
 * One variant's figures: the medians over the measured rounds.
 *
 * @param variant the variant's name
 * @param opsPerSecond operations per second of wall time
 * @param nsPerOp wall time per operation, {@code 1e9 / opsPerSecond}
 * @param p50Ns the median operation's latency, nanoseconds
 * @param p99Ns the 99th percentile latency, nanoseconds
 * @param cpuNsPerOp the process's CPU time per operation (every thread: the variant's, the
 *     backend's, the JIT's and the collector's), nanoseconds; NaN if unknown
 */
public record Result(
    String variant,
    double opsPerSecond,
    double nsPerOp,
    long p50Ns,
    long p99Ns,
    double cpuNsPerOp) {

  /** Makes a result whose CPU time is unknown. */
  public Result(String variant, double opsPerSecond, double nsPerOp, long p50Ns, long p99Ns) {
    this(variant, opsPerSecond, nsPerOp, p50Ns, p99Ns, Double.NaN);
  }

  /** Returns this variant's throughput relative to another's: above 1 means faster. */
  public double ratioTo(Result baseline) {
    return opsPerSecond / baseline.opsPerSecond;
  }
}
