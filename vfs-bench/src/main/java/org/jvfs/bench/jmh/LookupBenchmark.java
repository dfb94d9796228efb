package org.jvfs.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.jvfs.CoherencePolicy;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.bench.JvfsMount;
import org.jvfs.bench.Lookup;
import org.jvfs.bench.Tree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a cached {@link Vfs#lookupNow} on paths three names deep ({@code /t/dNNN/fNNNN}, as
 * the workload runner's {@code lookup}), against the JDK provider's {@code Files.readAttributes}
 * and {@code Files.exists} on the same files, and {@code ConcurrentHashMap.get} of the same path
 * strings as the floor. Each operation takes the next of {@value #FILES} paths in turn. Run with
 * {@code -prof gc} for the bytes allocated per operation.
 *
 * <ul>
 *   <li>{@code lookupNowHit}: a cached file, HIT.
 *   <li>{@code lookupNowAbsent}: a cached absent name beside a file ({@code /t/dNNN/aNNNN}),
 *       ABSENT.
 *   <li>{@code lookupNowAbsentMiddle}: a name in a cached absent directory ({@code /t/xNNN/fNNNN}),
 *       ABSENT.
 *   <li>{@code jdkReadAttributes}, {@code jdkExistsAbsent}: the JDK provider on the real files.
 *   <li>{@code chmGet}: a map from the same path strings to their results.
 * </ul>
 *
 * <p>The posix mount uses the WATCH policy with an attribute bound of an hour rather than the
 * default second, so that cached attribute snapshots do not expire during a measurement (a HIT
 * would turn into a MISS); its expiry is still checked on every lookup. The memory mount uses its
 * default, PRIVATE.
 *
 * <p>Run: {@code java -cp vfs-bench/target/vfs-bench.jar org.openjdk.jmh.Main LookupBenchmark -prof
 * gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LookupBenchmark {
  /** Paths of each kind; a power of two. */
  public static final int FILES = 1024;

  /** The backend: {@code memory} or {@code posix}. */
  @Param({"memory", "posix"})
  public String backend = "memory";

  private @Nullable Path dir;
  private @Nullable Vfs vfs;
  private @Nullable Tree tree;
  private final String[] paths = new String[FILES];
  private final String[] absent = new String[FILES];
  private final String[] absentMiddle = new String[FILES];
  private final ConcurrentHashMap<String, LookupResult> map = new ConcurrentHashMap<>();
  private int next;

  /** Makes the tree and the VFS over it, and warms its cache with every path. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path d = Files.createTempDirectory("jvfs-jmh-");
    dir = d;
    Tree t = Tree.prepare(d.resolve(Lookup.TOP), FILES, 0);
    tree = t;
    Vfs.Builder b = Vfs.builder();
    switch (backend) {
      case "memory" -> b.mount("/", JvfsMount.memory(t, Lookup.TOP).newBackend());
      case JvfsMount.POSIX ->
          b.mount(
              "/",
              JvfsMount.posix(d, 0, true, 0).newBackend(),
              CoherencePolicy.watch(Duration.ofHours(1)));
      default -> throw new IllegalArgumentException("unknown backend " + backend);
    }
    Vfs v = b.directCompletion().build();
    vfs = v;
    for (int i = 0; i < FILES; i++) {
      paths[i] = Lookup.path(i);
      absent[i] = Lookup.absentPath(i);
      absentMiddle[i] = Lookup.absentMiddlePath(i);
    }
    for (String[] kind : new String[][] {paths, absent, absentMiddle}) {
      for (int pass = 0; pass < 2; pass++) {
        for (String p : kind) {
          v.lookup(p).join();
        }
      }
      for (String p : kind) {
        LookupResult r = v.lookupNow(p);
        if (r.status() == LookupResult.Status.MISS) {
          throw new IllegalStateException(p + " is not cached after warming");
        }
        map.put(p, r);
      }
    }
  }

  /** Checks that every lookup still answers from the cache; a MISS would measure something else. */
  @TearDown(Level.Iteration)
  public void stillCached() {
    Vfs v = vfs();
    for (String[] kind : new String[][] {paths, absent, absentMiddle}) {
      for (String p : kind) {
        if (v.lookupNow(p).status() == LookupResult.Status.MISS) {
          throw new IllegalStateException(p + " fell out of the cache during the iteration");
        }
      }
    }
  }

  /** Closes the VFS and deletes the tree. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (vfs != null) {
      vfs.close();
    }
    if (dir != null) {
      Tree.deleteRecursively(dir);
    }
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) & (FILES - 1);
    return i;
  }

  private Vfs vfs() {
    Vfs v = vfs;
    if (v == null) {
      throw new IllegalStateException("not set up");
    }
    return v;
  }

  private Tree tree() {
    Tree t = tree;
    if (t == null) {
      throw new IllegalStateException("not set up");
    }
    return t;
  }

  /** {@link Vfs#lookupNow} of a cached file: HIT. */
  @Benchmark
  public LookupResult lookupNowHit() {
    return vfs().lookupNow(paths[nextIndex()]);
  }

  /** {@link Vfs#lookupNow} of a cached absent name in an existing directory: ABSENT. */
  @Benchmark
  public LookupResult lookupNowAbsent() {
    return vfs().lookupNow(absent[nextIndex()]);
  }

  /** {@link Vfs#lookupNow} of a name in a cached absent directory: ABSENT. */
  @Benchmark
  public LookupResult lookupNowAbsentMiddle() {
    return vfs().lookupNow(absentMiddle[nextIndex()]);
  }

  /** {@code Files.readAttributes} of a file on the JDK provider. */
  @Benchmark
  public BasicFileAttributes jdkReadAttributes() throws IOException {
    return Files.readAttributes(tree().path(nextIndex()), BasicFileAttributes.class);
  }

  /** {@code Files.exists} of an absent name beside a file on the JDK provider. */
  @Benchmark
  public boolean jdkExistsAbsent() {
    return Files.exists(tree().absentPath(nextIndex()));
  }

  /** {@code ConcurrentHashMap.get} of a path string: the floor of any lookup keyed by the path. */
  @Benchmark
  public @Nullable LookupResult chmGet() {
    return map.get(paths[nextIndex()]);
  }
}
