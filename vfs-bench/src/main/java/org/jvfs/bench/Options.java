package org.jvfs.bench;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The runner's parsed command line.
 *
 * @param workload the workload to run
 * @param dir the tree's directory, or null for a temporary one deleted at the end
 * @param files how many files the tree has
 * @param size each file's size in bytes
 * @param inFlight how many operations the asynchronous variants keep in flight
 * @param json whether to print one JSON object instead of a table
 * @param warmups how many unmeasured rounds run first
 * @param rounds how many measured rounds run; the median is reported
 * @param variants the variants to run, or empty for all of the workload's
 * @param ioThreads the posix backend's IO threads, or 0 for its default
 * @param posixProbe whether the posix backend answers on the caller's thread where nothing blocks
 *     (its {@code probe} setting)
 * @param storm for {@code lookup}: the uncached lookups a storm keeps in flight while {@code
 *     lookupNow} is sampled (see {@link Storm}), or 0 for the ordinary variants
 * @param tree for {@code nio}: an existing directory to walk, read and stat as it is, or null for
 *     the runner's tree
 * @param policy for {@code nio}: the jvfs mount's coherence policy in the form of the {@code
 *     coherencePolicy} env key ({@code watch}, {@code watch:PT1H}, {@code private}, {@code
 *     ttl:PT5S}), or null for the mount's default
 */
public record Options(
    Workload workload,
    @Nullable Path dir,
    int files,
    int size,
    int inFlight,
    boolean json,
    int warmups,
    int rounds,
    Set<String> variants,
    int ioThreads,
    boolean posixProbe,
    int storm,
    @Nullable Path tree,
    @Nullable String policy) {

  /** Default number of files. */
  public static final int DEFAULT_FILES = 10_000;

  /** Default file size: 4 KiB. */
  public static final int DEFAULT_SIZE = 4096;

  /** Default operations in flight. */
  public static final int DEFAULT_IN_FLIGHT = 64;

  /** Lookups a storm keeps in flight by default. */
  public static final int DEFAULT_STORM = 10_000;

  /** Default unmeasured rounds. */
  public static final int DEFAULT_WARMUPS = 5;

  /** Default measured rounds. */
  public static final int DEFAULT_ROUNDS = 7;

  /** The usage text printed for a bad command line and for {@code --help}. */
  public static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar vfs-bench.jar WORKLOAD [options]",
          "",
          "workloads:",
          "  smallfiles   read every file of the tree whole",
          "               variants: jdk-parallel (baseline: Files.readAllBytes in a",
          "                         parallelStream), jvfs-posix (each file opened and",
          "                         closed, K in flight), jdk-vthreads (readAllBytes on",
          "                         virtual threads, K in flight; JDK 21 and later),",
          "                         jdk-keptfd (channels opened once, read positionally on",
          "                         as many threads as the posix backend's IO threads),",
          "                         jdk-readAllBytes, jdk-filechannel, jdk-async,",
          "                         jvfs-posix-qd1, jvfs-memory,",
          "                         jvfs-aio, jvfs-aio-qd1 (io_uring: each file opened,",
          "                         read whole and closed in one linked submission),",
          "                         jdk-threads8, jvfs-posix-threads8 (8 threads, each",
          "                         waiting for every read: readAllBytes, .join()),",
          "                         jvfs-posix-loop (one event-loop thread, K in flight,",
          "                         every completion delivered to it)",
          "  lookup       stat every file of the tree, and as many absent paths",
          "               variants: jdk-readAttributes (baseline), jdk-exists-absent,",
          "                         jvfs-stat-miss, jvfs-stat-miss-qd1, jvfs-lookupNow-hit,",
          "                         jvfs-lookupNow-absent, jvfs-lookupNow-absent-middle",
          "               (paths /t/dNNN/fNNNN, three names deep; the tree in DIR/t)",
          "  nio          the same java.nio calls on the JDK's provider and on a jvfs file",
          "               system over the posix backend, a row each: walk, walk-read-1st",
          "               (walk, readAllBytes of every file, on a fresh jvfs file system),",
          "               walk-read (warm), stat (readAttributes), exists-absent,",
          "               stream-8k, stream-64k (newInputStream of a 10 MiB file),",
          "               channel-8k, channel-64k (FileChannel); variants: jdk (baseline",
          "               of each row), jvfs-posix (the tree in DIR/t, the large file",
          "               DIR/large/10m)",
          "",
          "options:",
          "  --dir D          use (and keep) the tree in D, making missing files; default: a",
          "                   temporary directory, deleted at the end",
          "  --files N        number of files, 100 per directory DIR/dNNN/fNNNN (default "
              + DEFAULT_FILES
              + ")",
          "  --size BYTES     size of each file (default " + DEFAULT_SIZE + ")",
          "  --in-flight K    operations in flight for the asynchronous variants (default "
              + DEFAULT_IN_FLIGHT
              + ")",
          "  --warmup W       unmeasured rounds before measuring (default " + DEFAULT_WARMUPS + ")",
          "  --rounds R       measured rounds, interleaving the variants; the median is reported",
          "                   (default " + DEFAULT_ROUNDS + ")",
          "  --variants A,B   run only these variants",
          "  --io-threads T   IO threads of the posix backend (default: the backend's)",
          "  --posix-probe    the posix backend's probe (on by default): lookups, whole-file",
          "                   reads and plain opens first try on the caller's thread in",
          "                   their nonblocking form, then go to the IO pool",
          "  --no-posix-probe the posix backend without the probe: every call on the IO pool",
          "  --storm[=N]      lookup only: keep N (default "
              + DEFAULT_STORM
              + ") uncached lookups of new absent",
          "                   names in flight while sampling lookupNow of hot paths and",
          "                   ConcurrentHashMap.get of the same keys (p50/p99/p99.9, and the",
          "                   hot lookups the storm turned into MISS)",
          "  --tree T         nio only: walk, read and stat the existing directory T as it is",
          "                   (not made, not changed) instead of the runner's tree",
          "  --policy P       nio only: the jvfs mount's coherence policy: watch (the default",
          "                   for posix: attribute snapshots used for a second), watch:PT1H",
          "                   (for an hour), private, ttl:PT5S",
          "  --json           print one JSON object instead of a table",
          "  --help           print this text",
          "");

  /** Canonical constructor; copies the variant set. */
  public Options {
    variants = Set.copyOf(variants);
  }

  /**
   * Parses a command line.
   *
   * @param args the arguments after the jar
   * @return the options, or null if {@code --help} was asked for
   * @throws UsageException for a missing or unknown workload, an unknown flag, a missing or bad
   *     value
   */
  public static @Nullable Options parse(String... args) throws UsageException {
    Workload workload = null;
    Path dir = null;
    int files = DEFAULT_FILES;
    int size = DEFAULT_SIZE;
    int inFlight = DEFAULT_IN_FLIGHT;
    int warmups = DEFAULT_WARMUPS;
    int rounds = DEFAULT_ROUNDS;
    int ioThreads = 0;
    boolean json = false;
    boolean posixProbe = true;
    int storm = 0;
    Path tree = null;
    String policy = null;
    List<String> variants = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String flag = arg;
      String inline = null;
      if (arg.startsWith("--") && arg.indexOf('=') > 0) {
        flag = arg.substring(0, arg.indexOf('='));
        inline = arg.substring(arg.indexOf('=') + 1);
      }
      switch (flag) {
        case "--help", "-h" -> {
          return null;
        }
        case "--json" -> {
          if (inline != null) {
            throw new UsageException("--json takes no value");
          }
          json = true;
        }
        case "--posix-probe" -> {
          if (inline != null) {
            throw new UsageException("--posix-probe takes no value");
          }
          posixProbe = true;
        }
        case "--storm" ->
            storm = inline == null ? DEFAULT_STORM : number(flag, inline, 1, 1_000_000);
        case "--no-posix-probe" -> {
          if (inline != null) {
            throw new UsageException("--no-posix-probe takes no value");
          }
          posixProbe = false;
        }
        case "--dir",
            "--files",
            "--size",
            "--in-flight",
            "--warmup",
            "--rounds",
            "--variants",
            "--io-threads",
            "--tree",
            "--policy" -> {
          String value;
          if (inline != null) {
            value = inline;
          } else if (i + 1 < args.length) {
            value = args[++i];
          } else {
            throw new UsageException(flag + " needs a value");
          }
          switch (flag) {
            case "--dir" -> dir = path(flag, value);
            case "--tree" -> tree = path(flag, value);
            case "--policy" -> policy = value;
            case "--files" -> files = number(flag, value, 1, 10_000_000);
            case "--size" -> size = number(flag, value, 0, 64 << 20);
            case "--in-flight" -> inFlight = number(flag, value, 1, 65_536);
            case "--warmup" -> warmups = number(flag, value, 0, 1000);
            case "--rounds" -> rounds = number(flag, value, 1, 1000);
            case "--io-threads" -> ioThreads = number(flag, value, 1, 1024);
            default -> variants.addAll(List.of(value.split(",", -1)));
          }
        }
        default -> {
          if (arg.startsWith("-")) {
            throw new UsageException("unknown option: " + arg);
          }
          if (workload != null) {
            throw new UsageException("one workload only; unexpected argument: " + arg);
          }
          workload = Workload.of(arg);
        }
      }
    }
    if (workload == null) {
      throw new UsageException("missing workload (smallfiles, lookup or nio)");
    }
    if (tree != null && workload != Workload.NIO) {
      throw new UsageException("--tree is an option of the nio workload");
    }
    if (policy != null && workload != Workload.NIO) {
      throw new UsageException("--policy is an option of the nio workload");
    }
    if (storm > 0 && workload != Workload.LOOKUP) {
      throw new UsageException("--storm is an option of the lookup workload");
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String v : variants) {
      String name = v.trim();
      if (!workload.variants().contains(name)) {
        throw new UsageException(
            "unknown variant of "
                + workload.cliName()
                + ": '"
                + name
                + "' (known: "
                + String.join(", ", workload.variants())
                + ")");
      }
      chosen.add(name);
    }
    return new Options(
        workload,
        dir,
        files,
        size,
        inFlight,
        json,
        warmups,
        rounds,
        chosen,
        ioThreads,
        posixProbe,
        storm,
        tree,
        policy);
  }

  /** Returns these options with the tree in {@code newDir}. */
  public Options withDir(@Nullable Path newDir) {
    return new Options(
        workload,
        newDir,
        files,
        size,
        inFlight,
        json,
        warmups,
        rounds,
        variants,
        ioThreads,
        posixProbe,
        storm,
        tree,
        policy);
  }

  /** Returns true if the variant of this name is to run. */
  public boolean wants(String variant) {
    return variants.isEmpty() || variants.contains(variant);
  }

  private static Path path(String flag, String value) throws UsageException {
    if (value.isEmpty()) {
      throw new UsageException(flag + " needs a directory path");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(flag + ": bad path: " + e.getMessage());
    }
  }

  private static int number(String flag, String value, int min, int max) throws UsageException {
    int n;
    try {
      n = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " needs a whole number, not '" + value + "'");
    }
    if (n < min || n > max) {
      throw new UsageException(flag + " must be between " + min + " and " + max + ", not " + n);
    }
    return n;
  }
}
