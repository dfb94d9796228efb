package org.jvfs.bench;

import java.util.List;
import java.util.Locale;

/** The workloads the runner knows, with their variant names and the baseline of each. */
public enum Workload {
  /** Read every file of a tree of small files whole. */
  SMALLFILES(
      "jdk-parallel",
      List.of(
          "jdk-parallel",
          "jvfs-posix",
          "jdk-vthreads",
          "jdk-keptfd",
          "jdk-readAllBytes",
          "jdk-filechannel",
          "jdk-async",
          "jvfs-posix-qd1",
          "jvfs-aio",
          "jvfs-aio-qd1",
          "jdk-threads8",
          "jvfs-posix-threads8",
          "jvfs-posix-loop",
          "jvfs-memory")),
  /** Stat every path of the tree, and as many absent paths. */
  LOOKUP(
      "jdk-readAttributes",
      List.of(
          "jdk-readAttributes",
          "jdk-exists-absent",
          "jvfs-stat-miss",
          "jvfs-stat-miss-qd1",
          "jvfs-lookupNow-hit",
          "jvfs-lookupNow-absent",
          "jvfs-lookupNow-absent-middle")),
  /**
   * The same java.nio calls on the JDK's provider and on a jvfs file system over the posix backend
   * (see {@link Nio}); each row's {@code jvfs-posix} result is compared with its {@code jdk} one.
   */
  NIO("jdk", List.of("jdk", "jvfs-posix"));

  private final String baseline;
  private final List<String> variants;

  Workload(String baseline, List<String> variants) {
    this.baseline = baseline;
    this.variants = variants;
  }

  /** Returns the name used on the command line and in the report, such as {@code smallfiles}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the variant every other one is compared with. */
  public String baseline() {
    return baseline;
  }

  /** Returns the names of every variant of this workload, in report order. */
  public List<String> variants() {
    return variants;
  }

  /**
   * Returns the workload of a command-line name.
   *
   * @throws UsageException if there is none
   */
  public static Workload of(String name) throws UsageException {
    for (Workload w : values()) {
      if (w.cliName().equals(name)) {
        return w;
      }
    }
    throw new UsageException("unknown workload: " + name + " (known: smallfiles, lookup, nio)");
  }
}
