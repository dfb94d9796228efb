package org.jvfs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.jvfs.bench.Main;
import org.jvfs.bench.Options;
import org.jvfs.bench.Problems;
import org.jvfs.bench.Progress;
import org.jvfs.bench.Report;
import org.jvfs.bench.UsageException;
import org.jvfs.bench.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jvfs bench [WORKLOAD] [options]}: the workload runner of vfs-bench ({@link Main#measure})
 * with a progress bar, its table (ops/s, ns/op, p50, p99, CPU per op, ratio to the baseline, goals
 * and warnings), {@code --json}, and {@code --chart FILE.svg}. The runner's own options are passed
 * to it as they are and checked by it ({@link Options#parse}), so the two command lines cannot
 * drift apart.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure jvfs against the JDK's file APIs, side by side in one process and one run.",
      "Workloads: smallfiles (read every file of a tree whole), lookup (stat every file, and as"
          + " many absent paths), nio (the same java.nio calls on the JDK's provider and on a"
          + " jvfs file system: walk, read every file, stat, exists, chunked reads of a large"
          + " file), all (every workload there is). random4k is not available yet."
    })
final class BenchCommand implements Callable<Integer> {
  /** Workloads planned but not in jvfs yet, each with what it will measure. */
  static final Map<String, String> PLANNED =
      Map.of("random4k", "random 4 KiB reads of large files");

  private final Context context;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "WORKLOAD",
      defaultValue = "smallfiles",
      description = "smallfiles (default), lookup, nio or all")
  String workload = "smallfiles";

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @Option(
      names = "--chart",
      paramLabel = "FILE.svg",
      description = "also write the table as an SVG bar chart")
  @Nullable Path chart;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "use (and keep) the tree in DIR; default: a temporary one, deleted at the end")
  @Nullable String dir;

  @Option(
      names = "--files",
      paramLabel = "N",
      description = "files in the tree, 100 per directory (default " + Options.DEFAULT_FILES + ")")
  @Nullable String files;

  @Option(
      names = "--size",
      paramLabel = "BYTES",
      description = "size of each file (default " + Options.DEFAULT_SIZE + ")")
  @Nullable String size;

  @Option(
      names = "--in-flight",
      paramLabel = "K",
      description =
          "operations in flight for the asynchronous variants (default "
              + Options.DEFAULT_IN_FLIGHT
              + ")")
  @Nullable String inFlight;

  @Option(
      names = "--warmup",
      paramLabel = "W",
      description = "unmeasured rounds first (default " + Options.DEFAULT_WARMUPS + ")")
  @Nullable String warmup;

  @Option(
      names = "--rounds",
      paramLabel = "R",
      description =
          "measured rounds; medians are reported (default " + Options.DEFAULT_ROUNDS + ")")
  @Nullable String rounds;

  @Option(
      names = "--variants",
      paramLabel = "A,B",
      description = "run only these variants (of one workload)")
  @Nullable String variants;

  @Option(
      names = "--io-threads",
      paramLabel = "T",
      description = "IO threads of the posix backend (default: the backend's)")
  @Nullable String ioThreads;

  @Option(
      names = "--no-posix-probe",
      description = "the posix backend without its nonblocking probe: every call on its IO pool")
  boolean noPosixProbe;

  @Option(
      names = "--tree",
      paramLabel = "DIR",
      description =
          "nio only: walk, read and stat the existing directory DIR as it is (not made, not"
              + " changed) instead of the runner's tree")
  @Nullable String tree;

  @Option(
      names = "--policy",
      paramLabel = "P",
      description =
          "nio only: the jvfs mount's coherence policy: watch (the default for posix), watch:PT1H,"
              + " private, ttl:PT5S")
  @Nullable String policy;

  @Option(
      names = "--storm",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "N",
      description =
          "lookup only: keep N (default "
              + Options.DEFAULT_STORM
              + ") uncached lookups in flight while measuring lookupNow's tail latency")
  @Nullable String storm;

  BenchCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    List<Workload> chosen = workloads();
    if (storm != null) {
      return storm(chosen);
    }
    if (chart != null) {
      checkWritable(chart);
    }
    List<Report> reports = new ArrayList<>();
    for (Workload w : chosen) {
      Options options = options(w);
      if (context.interactive()) {
        ProgressBar bar = new ProgressBar(context.err());
        try {
          reports.add(Main.measure(options, bar, context.err()));
        } finally {
          bar.clear();
        }
      } else {
        reports.add(Main.measure(options, Progress.lines(context.err()), context.err()));
      }
    }
    print(reports);
    if (chart != null) {
      try {
        Files.writeString(chart, SvgChart.of(reports));
      } catch (IOException e) {
        throw new CliException("cannot write the chart to " + chart + ": " + Problems.reason(e));
      }
      context.err().println("chart: " + chart);
    }
    return Jvfs.OK;
  }

  /** Runs {@code lookup --storm}: its figures are a table of their own, with no chart. */
  private int storm(List<Workload> chosen) throws Exception {
    if (chart != null) {
      throw new CliException("bench: --chart draws workload tables; --storm has none", Jvfs.USAGE);
    }
    if (chosen.size() != 1) {
      throw new CliException("bench: --storm is an option of the lookup workload", Jvfs.USAGE);
    }
    org.jvfs.bench.Storm.Figures figures = Main.storm(options(chosen.get(0)), context.err());
    context.out().println(json ? figures.toJson() : figures.toTable());
    return Jvfs.OK;
  }

  /** Returns the workloads the argument names. */
  List<Workload> workloads() throws CliException {
    if (workload.equals("all")) {
      if (variants != null) {
        throw new CliException(
            "bench: --variants names variants of one workload, not of all", Jvfs.USAGE);
      }
      return List.of(Workload.values());
    }
    String planned = PLANNED.get(workload);
    if (planned != null) {
      throw new CliException(
          "the "
              + workload
              + " workload ("
              + planned
              + ") is not available yet; available: "
              + available()
              + ", all");
    }
    try {
      return List.of(Workload.of(workload));
    } catch (UsageException e) {
      throw new CliException(
          "bench: unknown workload '"
              + workload
              + "'; accepted: "
              + available()
              + ", all (and later "
              + String.join(", ", new java.util.TreeSet<>(PLANNED.keySet()))
              + ")",
          Jvfs.USAGE);
    }
  }

  private static String available() {
    List<String> names = new ArrayList<>();
    for (Workload w : Workload.values()) {
      names.add(w.cliName());
    }
    return String.join(", ", names);
  }

  /** Passes the runner's options to its parser, which checks them. */
  private Options options(Workload w) throws CliException {
    List<String> args = new ArrayList<>(List.of(w.cliName()));
    add(args, "--dir", dir);
    add(args, "--files", files);
    add(args, "--size", size);
    add(args, "--in-flight", inFlight);
    add(args, "--warmup", warmup);
    add(args, "--rounds", rounds);
    add(args, "--variants", variants);
    add(args, "--io-threads", ioThreads);
    // With all, the nio options go to nio alone; else the runner refuses them for another.
    if (w == Workload.NIO || !workload.equals("all")) {
      add(args, "--tree", tree);
      add(args, "--policy", policy);
    }
    if (noPosixProbe) {
      args.add("--no-posix-probe");
    }
    if (storm != null) {
      args.add(storm.isEmpty() ? "--storm" : "--storm=" + storm);
    }
    Options o;
    try {
      o = Options.parse(args.toArray(String[]::new));
    } catch (UsageException e) {
      throw new CliException("bench: " + e.getMessage(), Jvfs.USAGE);
    }
    if (o == null || o.dir() == null) {
      return o;
    }
    return o.withDir(context.benchDir().apply(o.dir()));
  }

  private static void add(List<String> args, String flag, @Nullable String value) {
    if (value != null) {
      args.add(flag + "=" + value);
    }
  }

  private void print(List<Report> reports) {
    List<String> notRun = new ArrayList<>(new java.util.TreeSet<>(PLANNED.keySet()));
    boolean all = workload.equals("all");
    if (json) {
      if (!all) {
        context.out().println(reports.get(0).toJson());
        return;
      }
      StringBuilder sb = new StringBuilder("{\"reports\":[");
      for (int i = 0; i < reports.size(); i++) {
        sb.append(i > 0 ? "," : "").append(reports.get(i).toJson());
      }
      sb.append("],\"not_available\":[");
      for (int i = 0; i < notRun.size(); i++) {
        sb.append(i > 0 ? "," : "").append('"').append(notRun.get(i)).append('"');
      }
      context.out().println(sb.append("]}"));
      return;
    }
    for (int i = 0; i < reports.size(); i++) {
      if (i > 0) {
        context.out().println();
      }
      context.out().print(reports.get(i).toTable());
    }
    if (all) {
      context.out().println();
      context.out().println("not run: " + String.join(", ", notRun) + " (not available yet)");
    }
  }

  /** Fails before a long run, not after it, if the chart cannot be written where asked. */
  private static void checkWritable(Path chart) throws CliException {
    Path parent = chart.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new CliException(
          "cannot write the chart to " + chart + ": no such directory " + parent);
    }
    if (Files.isDirectory(chart)) {
      throw new CliException("cannot write the chart to " + chart + ": it is a directory");
    }
    if (!Files.isWritable(parent) && !Files.isWritable(chart)) {
      throw new CliException("cannot write the chart to " + chart + ": permission denied");
    }
  }
}
