package org.jvfs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code nio} workload: the same {@code java.nio} calls on the JDK's own provider ({@code jdk})
 * and on a jvfs file system over the posix backend showing the same directories ({@code
 * jvfs-posix}), one row per kind of call:
 *
 * <ul>
 *   <li>{@code walk}: {@code Files.walk} of the tree; an operation is one path it gives.
 *   <li>{@code walk-read-1st}: {@code Files.walk}, keeping the regular files ({@code
 *       Files.isRegularFile} without following links), {@code Files.readAllBytes} of each; on a
 *       jvfs file system made afresh before each round (its caches empty). The JDK's provider has
 *       no cache of its own, so its row is the same calls as {@code walk-read}.
 *   <li>{@code walk-read}: the same on the jvfs file system the other rows share, warm.
 *   <li>{@code stat}: {@code Files.readAttributes(p, BasicFileAttributes.class)} of every file.
 *   <li>{@code exists-absent}: {@code Files.exists} of an absent name beside every file.
 *   <li>{@code stream-8k}, {@code stream-64k}: {@code Files.newInputStream} of a large file read to
 *       its end into an 8 KiB or 64 KiB array; an operation is one read.
 *   <li>{@code channel-8k}, {@code channel-64k}: {@code FileChannel.open} of the large file read to
 *       its end into an 8 KiB or 64 KiB direct buffer.
 * </ul>
 *
 * <p>A result is named {@code ROW/VARIANT}; its ratio is to {@code ROW/jdk}. Every row checks what
 * it read against what the JDK's provider found when the workload was set up.
 */
public final class Nio {
  /** The size of the large file of the chunked rows: 10 MiB. */
  public static final int LARGE_SIZE = 10 << 20;

  /** The large file's name, in its own directory. */
  static final String LARGE_NAME = "10m";

  /** The large file's directory, beside the runner's tree. */
  public static final String LARGE_DIR = "large";

  /** The rows, in report order. */
  public static final List<String> ROWS =
      List.of(
          "walk",
          "walk-read-1st",
          "walk-read",
          "stat",
          "exists-absent",
          "stream-8k",
          "stream-64k",
          "channel-8k",
          "channel-64k");

  /** A chunked row reads the large file this many times at least per round, for enough samples. */
  static final int MIN_CHUNKS = 1000;

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private Nio() {}

  /**
   * What the JDK's provider finds in the tree: every path {@code Files.walk} gives (relative to the
   * tree's directory), its regular files and their total size.
   *
   * @param root the directory walked
   * @param entries every path the walk gives, the root first, as names relative to it
   * @param files the regular files among them, not following links
   * @param bytes the total size of the files
   */
  public record Layout(Path root, List<String> entries, List<String> files, long bytes) {
    /** Canonical constructor; copies the lists. */
    public Layout {
      entries = List.copyOf(entries);
      files = List.copyOf(files);
    }

    /**
     * Walks {@code root} with the JDK's provider.
     *
     * @throws IOException if the walk fails, or if it finds no regular file
     */
    public static Layout of(Path root) throws IOException {
      List<String> entries = new ArrayList<>();
      List<String> files = new ArrayList<>();
      long bytes = 0;
      try (Stream<Path> walk = Files.walk(root)) {
        for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
          Path p = it.next();
          String rel = root.relativize(p).toString();
          entries.add(rel);
          BasicFileAttributes a =
              Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (a.isRegularFile()) {
            files.add(rel);
            bytes += a.size();
          }
        }
      }
      if (files.isEmpty()) {
        throw new IOException(root + ": no regular file to read");
      }
      return new Layout(root, entries, files, bytes);
    }
  }

  /**
   * Writes the large file in {@code dir} if it is not there with its size, and returns its path.
   *
   * @throws IOException if it cannot
   */
  public static Path prepareLarge(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path large = dir.resolve(LARGE_NAME);
    if (Files.isRegularFile(large, LinkOption.NOFOLLOW_LINKS) && Files.size(large) == LARGE_SIZE) {
      return large;
    }
    byte[] block = new byte[1 << 16];
    for (int i = 0; i < block.length; i++) {
      block[i] = (byte) (i * 31 + 7);
    }
    try (OutputStream out = Files.newOutputStream(large)) {
      for (int n = 0; n < LARGE_SIZE; n += block.length) {
        out.write(block);
      }
    }
    return large;
  }

  /**
   * Makes the rows of the variants the options ask for, each row's {@code jdk} result first.
   *
   * @param options which variants
   * @param layout the tree to walk, read and stat
   * @param large the large file of the chunked rows
   * @param skipped where a variant that cannot run here is named, with the reason
   * @throws IOException if a file system cannot be made
   */
  public static List<Variant> variants(
      Options options, Layout layout, Path large, List<String> skipped) throws IOException {
    List<Side> sides = new ArrayList<>();
    if (options.wants("jdk")) {
      sides.add(new Side("jdk", null, layout, large));
    }
    if (options.wants("jvfs-posix")) {
      if (JvfsMount.posixAvailable()) {
        sides.add(new Side("jvfs-posix", options, layout, large));
      } else {
        skipped.add("jvfs-posix: no \"posix\" BackendProvider on the class path");
      }
    }
    List<Variant> out = new ArrayList<>();
    for (String row : ROWS) {
      for (Side side : sides) {
        out.add(side.row(row));
      }
    }
    return out;
  }

  /**
   * One provider's view of the tree and of the large file: the JDK's own paths, or paths of jvfs
   * file systems over the posix backend rooted at the tree and at the large file's directory.
   */
  static final class Side {
    final String name;
    private final @Nullable Options options;
    private final Layout layout;
    private final Path realLarge;
    private final FileSystem treeFs;
    private final FileSystem largeFs;
    private final Path[] files;
    private final Path[] absent;
    private boolean closed;

    Side(String name, @Nullable Options options, Layout layout, Path realLarge) throws IOException {
      this.name = name;
      this.options = options;
      this.layout = layout;
      this.realLarge = realLarge;
      this.treeFs = options == null ? FileSystems.getDefault() : newFileSystem(layout.root());
      this.largeFs =
          options == null ? FileSystems.getDefault() : newFileSystem(realLarge.getParent());
      this.files = new Path[layout.files().size()];
      this.absent = new Path[files.length];
      Path root = root(treeFs);
      for (int i = 0; i < files.length; i++) {
        files[i] = resolve(root, layout.files().get(i));
        absent[i] = files[i].resolveSibling(files[i].getFileName() + ".absent");
      }
    }

    /** Returns the tree's directory in {@code fs}. */
    Path root(FileSystem fs) {
      return fs == FileSystems.getDefault() ? layout.root() : fs.getPath("/");
    }

    Path large() {
      return largeFs == FileSystems.getDefault()
          ? realLarge
          : largeFs.getPath("/" + realLarge.getFileName());
    }

    private static Path resolve(Path root, String relative) {
      return relative.isEmpty() ? root : root.resolve(relative);
    }

    /** Makes a jvfs file system over the posix backend rooted at {@code dir}. */
    FileSystem newFileSystem(Path dir) throws IOException {
      Map<String, Object> config = new java.util.HashMap<>();
      config.put("root", dir.toString());
      config.put("probe", options == null || options.posixProbe());
      if (options != null && options.ioThreads() > 0) {
        config.put("ioThreads", options.ioThreads());
      }
      Map<String, Object> env = new java.util.HashMap<>();
      env.put("backend", JvfsMount.POSIX);
      env.put("backendConfig", config);
      if (options != null && options.policy() != null) {
        env.put("coherencePolicy", options.policy());
      }
      return FileSystems.newFileSystem(
          URI.create("jvfs://nio-bench-" + SEQUENCE.incrementAndGet()), env);
    }

    Variant row(String row) {
      String full = row + "/" + name;
      return switch (row) {
        case "walk" -> new Walk(full, this);
        case "walk-read-1st" -> new WalkRead(full, this, true);
        case "walk-read" -> new WalkRead(full, this, false);
        case "stat" -> new Stat(full, this);
        case "exists-absent" -> new ExistsAbsent(full, this);
        case "stream-8k" -> new Chunks(full, this, 8 << 10, false);
        case "stream-64k" -> new Chunks(full, this, 64 << 10, false);
        case "channel-8k" -> new Chunks(full, this, 8 << 10, true);
        case "channel-64k" -> new Chunks(full, this, 64 << 10, true);
        default -> throw new AssertionError(row);
      };
    }

    /** Closes the jvfs file systems; the variants of the side's first row call this. */
    void close() {
      if (closed || treeFs == FileSystems.getDefault()) {
        return;
      }
      closed = true;
      closeQuietly(treeFs);
      closeQuietly(largeFs);
    }
  }

  static void closeQuietly(@Nullable FileSystem fs) {
    if (fs == null) {
      return;
    }
    try {
      fs.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A row of one side. */
  abstract static class Row implements Variant {
    final String name;
    final Side side;

    Row(String name, Side side) {
      this.name = name;
      this.side = side;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void close() {
      side.close();
    }
  }

  /** {@code Files.walk} of the tree, an operation per path given. */
  static final class Walk extends Row {
    Walk(String name, Side side) {
      super(name, side);
    }

    @Override
    public int operations() {
      return side.layout.entries().size();
    }

    @Override
    public void run(long[] latencies) throws IOException {
      int n = 0;
      long last = System.nanoTime();
      try (Stream<Path> walk = Files.walk(side.root(side.treeFs))) {
        for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
          it.next();
          long now = System.nanoTime();
          if (n < latencies.length) {
            latencies[n] = now - last;
          }
          n++;
          last = now;
        }
      }
      if (n != latencies.length) {
        throw new IOException(
            "walked " + n + " paths, the JDK's provider walked " + latencies.length);
      }
    }
  }

  /**
   * {@code Files.walk}, {@code Files.isRegularFile} (not following links) of each path, {@code
   * Files.readAllBytes} of each regular file; an operation is one file, from the previous file's
   * end to the end of its read. The first-pass variant reads through a jvfs file system made before
   * the round.
   */
  static final class WalkRead extends Row {
    private final boolean fresh;
    private @Nullable FileSystem own;

    WalkRead(String name, Side side, boolean fresh) {
      super(name, side);
      this.fresh = fresh && side.options != null;
    }

    @Override
    public int operations() {
      return side.layout.files().size();
    }

    @Override
    public void beforeRound() throws IOException {
      if (fresh) {
        closeQuietly(own);
        own = null;
        own = side.newFileSystem(side.layout.root());
      }
    }

    @Override
    public void run(long[] latencies) throws IOException {
      FileSystem fs = own != null ? own : side.treeFs;
      int n = 0;
      long bytes = 0;
      long last = System.nanoTime();
      try (Stream<Path> walk = Files.walk(side.root(fs))) {
        for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
          Path p = it.next();
          if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            continue;
          }
          bytes += Files.readAllBytes(p).length;
          long now = System.nanoTime();
          if (n < latencies.length) {
            latencies[n] = now - last;
          }
          n++;
          last = now;
        }
      }
      if (n != latencies.length || bytes != side.layout.bytes()) {
        throw new IOException(
            "read "
                + n
                + " files, "
                + bytes
                + " bytes; the JDK's provider found "
                + latencies.length
                + " files, "
                + side.layout.bytes()
                + " bytes");
      }
    }

    @Override
    public void close() {
      closeQuietly(own);
      own = null;
      super.close();
    }
  }

  /** {@code Files.readAttributes} of every file. */
  static final class Stat extends Row {
    Stat(String name, Side side) {
      super(name, side);
    }

    @Override
    public int operations() {
      return side.files.length;
    }

    @Override
    public void run(long[] latencies) throws IOException {
      long bytes = 0;
      Path[] files = side.files;
      for (int i = 0; i < files.length; i++) {
        long start = System.nanoTime();
        BasicFileAttributes a =
            Files.readAttributes(files[i], BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        latencies[i] = System.nanoTime() - start;
        bytes += a.size();
      }
      if (bytes != side.layout.bytes()) {
        throw new IOException(
            "stat gave " + bytes + " bytes in all; the JDK's provider " + side.layout.bytes());
      }
    }
  }

  /** {@code Files.exists} of an absent name beside every file. */
  static final class ExistsAbsent extends Row {
    ExistsAbsent(String name, Side side) {
      super(name, side);
    }

    @Override
    public int operations() {
      return side.absent.length;
    }

    @Override
    public void run(long[] latencies) throws IOException {
      Path[] absent = side.absent;
      for (int i = 0; i < absent.length; i++) {
        long start = System.nanoTime();
        boolean exists = Files.exists(absent[i]);
        latencies[i] = System.nanoTime() - start;
        if (exists) {
          throw new IOException(absent[i] + " exists");
        }
      }
    }
  }

  /**
   * The large file read to its end in chunks, through {@code Files.newInputStream} into an array or
   * {@code FileChannel.open} into a direct buffer, as many times as make {@value #MIN_CHUNKS}
   * chunks; an operation is one read call.
   */
  static final class Chunks extends Row {
    private final int chunk;
    private final boolean channel;
    private final int passes;
    private final byte[] array;
    private final ByteBuffer buffer;

    Chunks(String name, Side side, int chunk, boolean channel) {
      super(name, side);
      this.chunk = chunk;
      this.channel = channel;
      int perPass = LARGE_SIZE / chunk;
      this.passes = (MIN_CHUNKS + perPass - 1) / perPass;
      this.array = new byte[channel ? 0 : chunk];
      this.buffer = ByteBuffer.allocateDirect(channel ? chunk : 0);
    }

    @Override
    public int operations() {
      return passes * (LARGE_SIZE / chunk);
    }

    @Override
    public void run(long[] latencies) throws IOException {
      Path large = side.large();
      int op = 0;
      for (int pass = 0; pass < passes; pass++) {
        long bytes = 0;
        if (channel) {
          try (FileChannel ch = FileChannel.open(large, StandardOpenOption.READ)) {
            while (true) {
              buffer.clear();
              long start = System.nanoTime();
              int n = ch.read(buffer);
              long end = System.nanoTime();
              if (n < 0) {
                break;
              }
              if (op < latencies.length) { // more only if a read came back short
                latencies[op] = end - start;
              }
              op++;
              bytes += n;
            }
          }
        } else {
          try (InputStream in = Files.newInputStream(large)) {
            while (true) {
              long start = System.nanoTime();
              int n = in.read(array);
              long end = System.nanoTime();
              if (n < 0) {
                break;
              }
              if (op < latencies.length) { // more only if a read came back short
                latencies[op] = end - start;
              }
              op++;
              bytes += n;
            }
          }
        }
        if (bytes != LARGE_SIZE) {
          throw new IOException("read " + bytes + " bytes of a file of " + LARGE_SIZE);
        }
      }
    }
  }
}
