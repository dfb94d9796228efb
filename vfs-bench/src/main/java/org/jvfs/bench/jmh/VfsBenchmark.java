package org.jvfs.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.jvfs.AsyncFile;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.bench.JvfsMount;
import org.jvfs.bench.Tree;
import org.jvfs.spi.NodeAttributes;
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
 * Micro costs of a {@link Vfs} over a backend ({@code memory}, or {@code posix} when its module is
 * on the class path): a cached lookup hit, a cached negative hit, a stat with the cache off (every
 * component through the backend), an open and close, and a whole read of a small file. Each
 * operation takes the next of {@value #FILES} paths in turn, and waits for its future.
 *
 * <p>Run: {@code java -cp vfs-bench/target/vfs-bench.jar org.openjdk.jmh.Main VfsBenchmark} (add
 * {@code -p backend=memory} for one backend).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VfsBenchmark {
  /** Files in the benchmark's tree. */
  public static final int FILES = 1024;

  /** The backend: {@code memory} or {@code posix}. */
  @Param({"memory", "posix"})
  public String backend = "memory";

  /** Each file's size in bytes. */
  @Param({"4096"})
  public int size = 4096;

  private @Nullable Path dir;
  private @Nullable Vfs cached;
  private @Nullable Vfs uncached;
  private final String[] paths = new String[FILES];
  private final String[] absent = new String[FILES];
  private int next;

  /** Makes the tree and two VFSs over it, and warms the cached one's dentries. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path d = Files.createTempDirectory("jvfs-jmh-");
    dir = d;
    Tree tree = Tree.prepare(d, FILES, size);
    JvfsMount mount =
        switch (backend) {
          case "memory" -> JvfsMount.memory(tree);
          case JvfsMount.POSIX -> JvfsMount.posix(tree);
          default -> throw new IllegalArgumentException("unknown backend " + backend);
        };
    cached = mount.open(tree, Vfs.Builder.DEFAULT_MAX_IN_FLIGHT, true);
    uncached = mount.open(tree, Vfs.Builder.DEFAULT_MAX_IN_FLIGHT, false);
    for (int i = 0; i < FILES; i++) {
      paths[i] = "/" + Tree.relative(i);
      absent[i] = "/" + Tree.absentRelative(i);
      cached.lookup(paths[i]).join();
      cached.lookup(absent[i]).join();
    }
  }

  /** Closes the VFSs and deletes the tree. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (cached != null) {
      cached.close();
    }
    if (uncached != null) {
      uncached.close();
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

  private Vfs cached() {
    Vfs v = cached;
    if (v == null) {
      throw new IllegalStateException("not set up");
    }
    return v;
  }

  private Vfs uncached() {
    Vfs v = uncached;
    if (v == null) {
      throw new IllegalStateException("not set up");
    }
    return v;
  }

  /** {@link Vfs#lookupNow} of a cached file: a HIT. */
  @Benchmark
  public LookupResult lookupHit() {
    return cached().lookupNow(paths[nextIndex()]);
  }

  /** {@link Vfs#lookupNow} of a cached absent path: ABSENT from a negative dentry. */
  @Benchmark
  public LookupResult negativeHit() {
    return cached().lookupNow(absent[nextIndex()]);
  }

  /** {@link Vfs#stat} with the cache off: the walk goes to the backend. */
  @Benchmark
  public NodeAttributes statMiss() {
    return uncached().stat(paths[nextIndex()]).join();
  }

  /** {@link Vfs#open} of a cached path for reading, then close. */
  @Benchmark
  public boolean openClose() {
    AsyncFile f = cached().open(paths[nextIndex()]).join();
    f.close().join();
    return f.isOpen();
  }

  /** {@link Vfs#readAllBytes} of a small file whose path is cached. */
  @Benchmark
  public byte[] smallRead() {
    return cached().readAllBytes(paths[nextIndex()]).join();
  }
}
