package org.jvfs.bench;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What one run measured, and how to print it: as a table with ratios against the baseline, or as
 * one JSON object.
 *
 * @param workload the workload's name
 * @param files number of files
 * @param size file size in bytes
 * @param inFlight operations in flight for the asynchronous variants
 * @param cpus available processors
 * @param jdk the Java runtime's version
 * @param kernel the operating system's name and version
 * @param backend the backend of the jvfs variants ({@code posix} or {@code memory})
 * @param loadAverage the 1, 5 and 15 minute load averages when the run began, or empty if unknown
 * @param baseline the name of the variant others are compared with
 * @param warmups unmeasured rounds
 * @param rounds measured rounds
 * @param timerNs the cost of one {@code System.nanoTime()} call, nanoseconds
 * @param results one per variant that ran
 * @param skipped variants that could not run here, each with its reason
 */
public record Report(
    String workload,
    int files,
    int size,
    int inFlight,
    int cpus,
    String jdk,
    String kernel,
    String backend,
    String loadAverage,
    String baseline,
    int warmups,
    int rounds,
    double timerNs,
    List<Result> results,
    List<String> skipped) {

  /** Canonical constructor; copies the lists. */
  public Report {
    results = List.copyOf(results);
    skipped = List.copyOf(skipped);
  }

  /** Returns the result of a variant, or null if it did not run. */
  public @Nullable Result result(String variant) {
    for (Result r : results) {
      if (r.variant().equals(variant)) {
        return r;
      }
    }
    return null;
  }

  /** Returns the report as one JSON object on one line. */
  public String toJson() {
    StringBuilder sb = new StringBuilder(256 + 160 * results.size());
    sb.append('{');
    field(sb, "workload").append(quote(workload)).append(',');
    field(sb, "files").append(files).append(',');
    field(sb, "size").append(size).append(',');
    field(sb, "in_flight").append(inFlight).append(',');
    field(sb, "cpus").append(cpus).append(',');
    field(sb, "jdk").append(quote(jdk)).append(',');
    field(sb, "kernel").append(quote(kernel)).append(',');
    field(sb, "backend").append(quote(backend)).append(',');
    field(sb, "load_avg").append(quote(loadAverage)).append(',');
    field(sb, "baseline").append(quote(baseline)).append(',');
    field(sb, "warmups").append(warmups).append(',');
    field(sb, "rounds").append(rounds).append(',');
    field(sb, "results").append('[');
    Result base = result(baseline);
    for (int i = 0; i < results.size(); i++) {
      Result r = results.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append('{');
      field(sb, "variant").append(quote(r.variant())).append(',');
      field(sb, "ops_per_s").append(number(r.opsPerSecond())).append(',');
      field(sb, "ns_per_op").append(number(r.nsPerOp())).append(',');
      field(sb, "p50_ns").append(r.p50Ns()).append(',');
      field(sb, "p99_ns").append(r.p99Ns());
      if (base != null) {
        sb.append(',');
        field(sb, "ratio").append(String.format(Locale.ROOT, "%.3f", r.ratioTo(base)));
      }
      sb.append('}');
    }
    sb.append("],");
    field(sb, "skipped").append('[');
    for (int i = 0; i < skipped.size(); i++) {
      sb.append(i > 0 ? "," : "").append(quote(skipped.get(i)));
    }
    sb.append("]}");
    return sb.toString();
  }

  /** Returns the report as a table with a header, ratios and the target checks. */
  public String toTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: %d files of %d bytes, %d in flight; %d cpus, JDK %s, %s; jvfs backend %s%n",
            workload,
            files,
            size,
            inFlight,
            cpus,
            jdk,
            kernel,
            backend));
    sb.append(
        String.format(
            Locale.ROOT,
            "%d warm-up + %d measured rounds, variants interleaved; medians over rounds;"
                + " per-op timing costs ~%.0f ns; load average %s%n%n",
            warmups,
            rounds,
            2 * timerNs,
            loadAverage.isEmpty() ? "unknown" : loadAverage));
    String ratioHeader = "x " + baseline;
    sb.append(
        String.format(
            Locale.ROOT,
            "%-24s %12s %10s %10s %10s  %s%n",
            "variant",
            "ops/s",
            "ns/op",
            "p50 ns",
            "p99 ns",
            ratioHeader));
    Result base = result(baseline);
    for (Result r : results) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-24s %12.0f %10.0f %10d %10d  %s%n",
              r.variant(),
              r.opsPerSecond(),
              r.nsPerOp(),
              r.p50Ns(),
              r.p99Ns(),
              base == null ? "-" : String.format(Locale.ROOT, "%.2fx", r.ratioTo(base))));
    }
    for (String s : skipped) {
      sb.append("skipped ").append(s).append(System.lineSeparator());
    }
    List<String> targets = targets();
    if (!targets.isEmpty()) {
      sb.append(System.lineSeparator()).append("targets (issue 4):").append(System.lineSeparator());
      for (String t : targets) {
        sb.append("  ").append(t).append(System.lineSeparator());
      }
    }
    return sb.toString();
  }

  /**
   * Returns the benchmark targets that this run can check, each as a line saying the
   * measured figure and whether it is met.
   */
  public List<String> targets() {
    if (!workload.equals(Workload.SMALLFILES.cliName())) {
      return List.of();
    }
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    Result posix = result("jvfs-posix");
    Result qd1 = result("jvfs-posix-qd1");
    Result readAll = result("jdk-readAllBytes");
    Result async = result("jdk-async");
    if (posix != null && readAll != null) {
      out.add(ratioTarget("jvfs-posix / jdk-readAllBytes", posix.ratioTo(readAll), 1.0));
    }
    if (posix != null && async != null) {
      out.add(ratioTarget("jvfs-posix / jdk-async", posix.ratioTo(async), 3.0));
    }
    if (qd1 != null) {
      out.add(
          String.format(
              Locale.ROOT,
              "jvfs-posix-qd1 = %.2f us per file (target <= 5 us): %s",
              qd1.nsPerOp() / 1000,
              qd1.nsPerOp() <= 5000 ? "met" : "MISSED"));
    }
    return out;
  }

  private static String ratioTarget(String what, double ratio, double target) {
    return String.format(
        Locale.ROOT,
        "%s = %.2fx (target >= %.1fx): %s",
        what,
        ratio,
        target,
        ratio >= target ? "met" : "MISSED");
  }

  private static StringBuilder field(StringBuilder sb, String name) {
    return sb.append(quote(name)).append(':');
  }

  private static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "null";
    }
    return String.format(Locale.ROOT, "%.1f", d);
  }

  /** Returns a JSON string literal of {@code s}. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
