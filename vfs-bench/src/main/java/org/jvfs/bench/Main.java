package org.jvfs.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload runner's entry point: {@code java -jar vfs-bench.jar WORKLOAD [--dir D] [--files N]
 * [--size BYTES] [--in-flight K] [--json]}; see {@link Options#USAGE}. Exits 0 on success, 1 if a
 * variant failed, 2 for a bad command line.
 */
public final class Main {
  /** Exit code for a bad command line. */
  public static final int USAGE_ERROR = 2;

  /** Exit code for a failed run. */
  public static final int RUN_ERROR = 1;

  private Main() {}

  /**
   * Runs the runner and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs the runner without exiting: the report goes to {@code out}, progress and errors to {@code
   * err}.
   *
   * @param args the command line
   * @param out where the table or the JSON goes
   * @param err where progress, usage and errors go
   * @return the exit code: 0, {@link #RUN_ERROR} or {@link #USAGE_ERROR}
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (UsageException e) {
      err.println("vfs-bench: " + e.getMessage());
      err.print(Options.USAGE);
      return USAGE_ERROR;
    }
    if (options == null) {
      out.print(Options.USAGE);
      return 0;
    }
    try {
      if (options.storm() > 0) {
        Storm.Figures figures = storm(options, err);
        out.println(options.json() ? figures.toJson() : figures.toTable());
        return 0;
      }
      Report report = measure(options, err);
      out.println(options.json() ? report.toJson() : report.toTable());
      return 0;
    } catch (Runner.VariantException e) {
      // Not the user's mistake: the whole trace is what a bug report needs.
      err.println("vfs-bench: " + e.getMessage());
      e.printStackTrace(err);
      return RUN_ERROR;
    } catch (Exception e) {
      err.println("vfs-bench: " + problem(e));
      return RUN_ERROR;
    }
  }

  /**
   * Returns one line saying why a run could not start or go on, for a failure that is not a
   * variant's: a tree that cannot be made ({@link TreeException}), a backend that cannot open it.
   */
  public static String problem(Exception e) {
    if (e instanceof TreeException) {
      return e.getMessage();
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
      return f.getFile() + ": " + Problems.reason(f);
    }
    return Problems.reason(e);
  }

  /**
   * Prepares the tree, runs the workload's variants, and returns the report.
   *
   * @param options what to run
   * @param progress where progress lines go
   * @throws TreeException if the tree cannot be made
   * @throws Runner.VariantException if a variant fails
   * @throws Exception if a backend cannot be made
   */
  public static Report measure(Options options, PrintStream progress) throws Exception {
    return measure(options, Progress.lines(progress), progress);
  }

  /**
   * Prepares the tree, runs the workload's variants, and returns the report.
   *
   * @param options what to run
   * @param progress told of the tree's files and of the rounds
   * @param notes where the rare line that is not progress goes (a variant that failed to close)
   * @throws TreeException if the tree cannot be made
   * @throws Runner.VariantException if a variant fails
   * @throws Exception if a backend cannot be made
   */
  public static Report measure(Options options, Progress progress, PrintStream notes)
      throws Exception {
    Path dir = options.dir();
    boolean temporary = dir == null;
    Path root;
    if (temporary) {
      try {
        root = Files.createTempDirectory("jvfs-bench-");
      } catch (IOException e) {
        throw new TreeException(
            Path.of(System.getProperty("java.io.tmpdir")),
            "cannot make a temporary directory for the tree in "
                + System.getProperty("java.io.tmpdir")
                + ": "
                + Problems.reason(e)
                + " (use --dir)",
            e);
      }
    } else {
      root = dir;
    }
    try {
      if (options.workload() == Workload.NIO) {
        return nio(options, root, progress, notes);
      }
      String load = loadAverage();
      Tree tree =
          Tree.prepare(
              options.workload() == Workload.LOOKUP ? root.resolve(Lookup.TOP) : root,
              options.files(),
              options.size(),
              progress);
      List<String> skipped = new ArrayList<>();
      List<Variant> variants = new ArrayList<>();
      String backend;
      try {
        if (options.workload() == Workload.SMALLFILES) {
          backend = JvfsMount.posixAvailable() ? JvfsMount.POSIX : "memory (posix absent)";
          if (JvfsMount.posixAvailable()) {
            backend += options.posixProbe() ? " (probe)" : " (no probe)";
          }
          variants.addAll(SmallFiles.variants(options, tree, skipped));
        } else {
          JvfsMount mount = Lookup.mount(tree, options.ioThreads(), options.posixProbe());
          backend = mount.backendName();
          if (backend.equals(JvfsMount.POSIX)) {
            backend += options.posixProbe() ? " (probe)" : " (no probe)";
          }
          variants.addAll(Lookup.variants(options, tree, mount));
        }
        double timer = timerCost();
        List<Result> results =
            new Runner(options.warmups(), options.rounds(), progress).run(variants);
        return new Report(
            options.workload().cliName(),
            options.files(),
            options.size(),
            options.inFlight(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            System.getProperty("os.name") + " " + System.getProperty("os.version"),
            backend,
            load,
            options.workload().baseline(),
            options.warmups(),
            options.rounds(),
            timer,
            results,
            skipped);
      } finally {
        closeAll(variants, notes);
      }
    } finally {
      if (temporary) {
        Tree.deleteRecursively(root);
      }
    }
  }

  /** Runs the nio workload with the runner's tree in {@code root/t} or over {@code --tree}. */
  private static Report nio(Options options, Path root, Progress progress, PrintStream notes)
      throws Exception {
    String load = loadAverage();
    Path treeDir = options.tree();
    if (treeDir == null) {
      treeDir =
          Tree.prepare(root.resolve(Lookup.TOP), options.files(), options.size(), progress).root();
    } else if (!Files.isDirectory(treeDir)) {
      throw new TreeException(treeDir, treeDir + ": not a directory", null);
    }
    Nio.Layout layout = Nio.Layout.of(treeDir);
    Path large = Nio.prepareLarge(root.resolve(Nio.LARGE_DIR));
    List<String> skipped = new ArrayList<>();
    List<Variant> variants = new ArrayList<>();
    try {
      variants.addAll(Nio.variants(options, layout, large, skipped));
      double timer = timerCost();
      List<Result> results =
          new Runner(options.warmups(), options.rounds(), progress).run(variants);
      return new Report(
          options.workload().cliName(),
          layout.files().size(),
          options.tree() == null ? options.size() : -1,
          options.inFlight(),
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
          System.getProperty("os.name") + " " + System.getProperty("os.version"),
          JvfsMount.POSIX
              + (options.posixProbe() ? " (probe)" : " (no probe)")
              + (options.policy() == null ? "" : ", policy " + options.policy()),
          load,
          options.workload().baseline(),
          options.warmups(),
          options.rounds(),
          timer,
          results,
          skipped);
    } finally {
      closeAll(variants, notes);
    }
  }

  /**
   * Prepares the lookup tree and runs the storm (see {@link Storm}).
   *
   * @param options what to run
   * @param progress where progress lines go
   * @throws Exception if the tree cannot be made or the storm fails
   */
  public static Storm.Figures storm(Options options, PrintStream progress) throws Exception {
    Path dir = options.dir();
    boolean temporary = dir == null;
    Path root = temporary ? Files.createTempDirectory("jvfs-bench-") : dir;
    try {
      progress.printf(
          "tree %s/%s: %d files of %d bytes; load average %s%n",
          root, Lookup.TOP, options.files(), options.size(), loadAverage());
      Tree tree = Tree.prepare(root.resolve(Lookup.TOP), options.files(), options.size());
      return Storm.run(options, tree, progress);
    } finally {
      if (temporary) {
        Tree.deleteRecursively(root);
      }
    }
  }

  private static void closeAll(List<Variant> variants, PrintStream progress) {
    for (Variant v : variants) {
      try {
        v.close();
      } catch (Exception e) {
        progress.println("closing " + v.name() + ": " + e);
      }
    }
  }

  /** Returns the first three fields of {@code /proc/loadavg}, or empty where there is none. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Returns the mean cost of one {@code System.nanoTime()} call, nanoseconds. */
  static double timerCost() {
    int n = 200_000;
    long sink = 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sink += System.nanoTime();
    }
    long elapsed = System.nanoTime() - start;
    if (sink == 42) {
      throw new AssertionError("unlikely");
    }
    return (double) elapsed / n;
  }
}
