package org.jvfs.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.jvfs.bench.JvfsMount;
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
 * The {@code java.nio} calls real libraries make, on the JDK's own provider ({@code jdk}) and on a
 * jvfs file system over the posix backend ({@code jvfs-posix}) showing the same tree of {@value
 * #FILES} files of {@value #SIZE} bytes, the paths made once and used again (as a library keeps
 * them): {@code Files.readAttributes}, {@code Files.exists} of a file and of an absent name beside
 * it, {@code Files.size}, and {@code Files.newInputStream} of a small file read to its end. Each
 * operation takes the next path in turn. Run with {@code -prof gc} for the bytes allocated per
 * operation.
 *
 * <p>The jvfs file system uses the mount's default coherence policy (WATCH for posix) unless {@code
 * policy} names another, in the form of the {@code coherencePolicy} env key.
 *
 * <p>Run: {@code java -cp vfs-bench/target/vfs-bench.jar org.openjdk.jmh.Main NioBenchmark -prof
 * gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NioBenchmark {
  /** Files in the tree; a power of two. */
  public static final int FILES = 1024;

  /** Each file's size. */
  public static final int SIZE = 4096;

  private static final AtomicLong SEQUENCE = new AtomicLong();

  /** The provider: {@code jdk} or {@code jvfs-posix}. */
  @Param({"jdk", "jvfs-posix"})
  public String provider = "jdk";

  /** The jvfs mount's coherence policy, as the env key takes it; empty for the default. */
  @Param({""})
  public String policy = "";

  private @Nullable Path dir;
  private @Nullable FileSystem fs;
  private final Path[] files = new Path[FILES];
  private final Path[] absent = new Path[FILES];
  private final byte[] buffer = new byte[8192];
  private int next;

  /** Makes the tree and, for jvfs, the file system over it; warms it with every path. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path d = Files.createTempDirectory("jvfs-jmh-nio-");
    dir = d;
    Tree tree = Tree.prepare(d, FILES, SIZE);
    Path root = d;
    if (provider.equals("jvfs-posix")) {
      Map<String, Object> env = new java.util.HashMap<>();
      env.put("backend", JvfsMount.POSIX);
      env.put("backendConfig", Map.of("root", d.toString()));
      if (!policy.isEmpty()) {
        env.put("coherencePolicy", policy);
      }
      FileSystem f =
          FileSystems.newFileSystem(
              URI.create("jvfs://nio-jmh-" + SEQUENCE.incrementAndGet()), env);
      fs = f;
      root = f.getPath("/");
    } else if (!provider.equals("jdk")) {
      throw new IllegalArgumentException("unknown provider " + provider);
    }
    for (int i = 0; i < FILES; i++) {
      files[i] = root.resolve(Tree.relative(i));
      absent[i] = root.resolve(Tree.absentRelative(i));
      if (!Files.exists(files[i]) || Files.exists(absent[i])) {
        throw new IllegalStateException(files[i] + " or " + absent[i] + " is not as made");
      }
    }
    if (Files.size(tree.path(0)) != SIZE) {
      throw new IllegalStateException("the tree's files are not " + SIZE + " bytes");
    }
  }

  /** Closes the file system and deletes the tree. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (fs != null) {
      fs.close();
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

  /** {@code Files.readAttributes(p, BasicFileAttributes.class)} of a file. */
  @Benchmark
  public BasicFileAttributes readAttributes() throws IOException {
    return Files.readAttributes(files[nextIndex()], BasicFileAttributes.class);
  }

  /** {@code Files.exists} of a file. */
  @Benchmark
  public boolean exists() {
    return Files.exists(files[nextIndex()]);
  }

  /** {@code Files.exists} of an absent name beside a file. */
  @Benchmark
  public boolean existsAbsent() {
    return Files.exists(absent[nextIndex()]);
  }

  /** {@code Files.size} of a file. */
  @Benchmark
  public long size() throws IOException {
    return Files.size(files[nextIndex()]);
  }

  /** {@code Files.newInputStream} of a file read to its end into an 8 KiB array, and closed. */
  @Benchmark
  public int newInputStreamRead() throws IOException {
    int total = 0;
    try (InputStream in = Files.newInputStream(files[nextIndex()])) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
      }
    }
    if (total != SIZE) {
      throw new IOException("read " + total + " bytes of " + SIZE);
    }
    return total;
  }
}
