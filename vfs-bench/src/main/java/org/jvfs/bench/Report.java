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

  /**
   * Returns the result {@code r} is compared with: for a result named {@code ROW/VARIANT} (the
   * {@code nio} workload's), {@code ROW/BASELINE}; else the baseline's. Null if it did not run.
   */
  public @Nullable Result baseOf(Result r) {
    int slash = r.variant().lastIndexOf('/');
    return slash < 0 ? result(baseline) : result(r.variant().substring(0, slash + 1) + baseline);
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
    for (int i = 0; i < results.size(); i++) {
      Result r = results.get(i);
      Result base = baseOf(r);
      if (i > 0) {
        sb.append(',');
      }
      sb.append('{');
      field(sb, "variant").append(quote(r.variant())).append(',');
      field(sb, "ops_per_s").append(number(r.opsPerSecond())).append(',');
      field(sb, "ns_per_op").append(number(r.nsPerOp())).append(',');
      field(sb, "p50_ns").append(r.p50Ns()).append(',');
      field(sb, "p99_ns").append(r.p99Ns()).append(',');
      field(sb, "cpu_ns_per_op").append(number(r.cpuNsPerOp()));
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
    sb.append("],");
    field(sb, "warnings").append('[');
    List<String> warnings = warnings();
    for (int i = 0; i < warnings.size(); i++) {
      sb.append(i > 0 ? "," : "").append(quote(warnings.get(i)));
    }
    sb.append("]}");
    return sb.toString();
  }

  /**
   * Returns the report as a table with a header, ratios against the baseline, the goals this run
   * can check, and the warnings ({@link #warnings()}).
   */
  public String toTable() {
    StringBuilder sb = new StringBuilder();
    boolean nio = workload.equals(Workload.NIO.cliName());
    String what =
        nio
            ? String.format(
                Locale.ROOT,
                "a tree of %d files of %s and a file of %d MiB",
                files,
                size < 0 ? "various sizes" : size + " bytes",
                Nio.LARGE_SIZE >> 20)
            : String.format(
                Locale.ROOT, "%d files of %d bytes, %d in flight", files, size, inFlight);
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: %s; %d cpus, JDK %s, %s; jvfs backend %s%n",
            workload,
            what,
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
    String ratioHeader = nio ? "x ROW/" + baseline : "x " + baseline;
    int width = 24;
    for (Result r : results) {
      width = Math.max(width, r.variant().length());
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%-" + width + "s %12s %10s %10s %10s %10s  %s%n",
            "variant",
            "ops/s",
            "ns/op",
            "p50 ns",
            "p99 ns",
            "CPU ns/op",
            ratioHeader));
    for (Result r : results) {
      Result base = baseOf(r);
      sb.append(
          String.format(
              Locale.ROOT,
              "%-" + width + "s %12.0f %10.0f %10d %10d %10s  %s%n",
              r.variant(),
              r.opsPerSecond(),
              r.nsPerOp(),
              r.p50Ns(),
              r.p99Ns(),
              Double.isNaN(r.cpuNsPerOp())
                  ? "-"
                  : String.format(Locale.ROOT, "%.0f", r.cpuNsPerOp()),
              base == null ? "-" : String.format(Locale.ROOT, "%.2fx", r.ratioTo(base))));
    }
    for (String s : skipped) {
      sb.append("skipped ").append(s).append(System.lineSeparator());
    }
    List<String> targets = targets();
    if (!targets.isEmpty()) {
      sb.append(System.lineSeparator()).append("goals:").append(System.lineSeparator());
      for (String t : targets) {
        sb.append("  ").append(t).append(System.lineSeparator());
      }
    }
    List<String> warnings = warnings();
    if (!warnings.isEmpty()) {
      sb.append(System.lineSeparator());
      for (String w : warnings) {
        sb.append("warning: ").append(w).append(System.lineSeparator());
      }
    }
    return sb.toString();
  }

  /** Fewer measured rounds than this make a median that is one noisy sample. */
  public static final int MIN_ROUNDS = 3;

  /** Fewer operations per round than this leave p99 resting on fewer than 10 samples. */
  public static final int MIN_OPERATIONS = 1000;

  /** A round shorter than this is at the mercy of one scheduler hiccup, nanoseconds. */
  public static final long MIN_ROUND_NS = 20_000_000L;

  /**
   * Returns why these figures deserve less trust, each as a line: a sample too small (fewer than
   * {@value #MIN_ROUNDS} measured rounds, fewer than {@value #MIN_OPERATIONS} operations per round,
   * rounds shorter than 20 ms) or a loaded host (a 1-minute load average above the number of
   * processors when the run began). Empty if none applies.
   */
  public List<String> warnings() {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    if (rounds < MIN_ROUNDS) {
      out.add(
          String.format(
              Locale.ROOT,
              "small sample: %d measured round%s; a median of fewer than %d rounds is one noisy"
                  + " sample (use --rounds 5 or more)",
              rounds,
              rounds == 1 ? "" : "s",
              MIN_ROUNDS));
    }
    if (files < MIN_OPERATIONS) {
      out.add(
          String.format(
              Locale.ROOT,
              "small sample: %d operations per round; p99 rests on fewer than 10 of them (use"
                  + " --files %d or more)",
              files,
              MIN_OPERATIONS));
    }
    Result shortest = null;
    for (Result r : results) {
      if (shortest == null || r.nsPerOp() < shortest.nsPerOp()) {
        shortest = r;
      }
    }
    // The nio rows do different numbers of operations, not one per file: no round length here.
    boolean perFile = !workload.equals(Workload.NIO.cliName());
    if (perFile && shortest != null && shortest.nsPerOp() * files < MIN_ROUND_NS) {
      out.add(
          String.format(
              Locale.ROOT,
              "small sample: a round of %s lasts %.1f ms, under %d ms; one scheduler hiccup moves"
                  + " it (use more --files)",
              shortest.variant(),
              shortest.nsPerOp() * files / 1e6,
              MIN_ROUND_NS / 1_000_000));
    }
    double load = oneMinuteLoad();
    if (load > cpus) {
      out.add(
          String.format(
              Locale.ROOT,
              "loaded host: load average %.2f is above its %d processor%s; other work competed"
                  + " with this run, so trust the ratios more than the absolute figures",
              load,
              cpus,
              cpus == 1 ? "" : "s"));
    }
    return out;
  }

  /** Returns the 1-minute load average this report began with, or NaN if unknown. */
  double oneMinuteLoad() {
    String[] f = loadAverage.trim().split("\\s+");
    try {
      return f.length > 0 && !f[0].isEmpty() ? Double.parseDouble(f[0]) : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * Returns the goals of the {@code smallfiles} workload that this run can check, each as a line
   * saying the measured figure and whether it is met.
   */
  public List<String> targets() {
    if (workload.equals(Workload.NIO.cliName())) {
      return nioTargets();
    }
    if (!workload.equals(Workload.SMALLFILES.cliName())) {
      return List.of();
    }
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    Result posix = result("jvfs-posix");
    Result qd1 = result("jvfs-posix-qd1");
    Result readAll = result("jdk-readAllBytes");
    Result async = result("jdk-async");
    Result parallel = result("jdk-parallel");
    if (posix != null && parallel != null) {
      out.add(ratioTarget("jvfs-posix / jdk-parallel", posix.ratioTo(parallel), 1.2));
    }
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
              "jvfs-posix-qd1 = %.2f us per file (goal <= 5 us): %s",
              qd1.nsPerOp() / 1000,
              qd1.nsPerOp() <= 5000 ? "met" : "MISSED"));
    }
    return out;
  }

  /**
   * The goals of the {@code nio} workload: jvfs's time at most 1.1x the JDK's for a first walk and
   * read and for chunked reads, under it for later walks and reads; at least 4x the JDK's speed for
   * stat and exists of cached paths.
   */
  private List<String> nioTargets() {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (String row : Nio.ROWS) {
      Result jvfs = result(row + "/jvfs-posix");
      Result jdk = result(row + "/" + baseline);
      if (jvfs == null || jdk == null) {
        continue;
      }
      double time = jvfs.nsPerOp() / jdk.nsPerOp();
      switch (row) {
        case "walk-read-1st", "stream-8k", "stream-64k", "channel-8k", "channel-64k" ->
            out.add(timeTarget(row, time, 1.1, true));
        case "walk-read" -> out.add(timeTarget(row, time, 1.0, false));
        case "stat", "exists-absent" ->
            out.add(ratioTarget(row + ": jvfs-posix / jdk", jvfs.ratioTo(jdk), 4.0));
        default -> {
          // walk: measured, no goal of its own
        }
      }
    }
    return out;
  }

  private static String timeTarget(String row, double time, double bound, boolean inclusive) {
    boolean met = inclusive ? time <= bound : time < bound;
    return String.format(
        Locale.ROOT,
        "%s: jvfs-posix time = %.2fx jdk's (goal %s %.1fx): %s",
        row,
        time,
        inclusive ? "<=" : "<",
        bound,
        met ? "met" : "MISSED");
  }

  private static String ratioTarget(String what, double ratio, double target) {
    return String.format(
        Locale.ROOT,
        "%s = %.2fx (goal >= %.1fx): %s",
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
