package org.jvfs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;

/**
 * The {@code lookup} workload: stat every file of the tree, and look up as many absent paths (each
 * beside a file, in an existing directory).
 *
 * <p>The jvfs variants run on the posix backend when it is on the class path, else on an in-memory
 * copy of the tree; the report names the backend.
 */
public final class Lookup {
  private Lookup() {}

  /**
   * Returns the backend the jvfs variants use: posix (with {@code ioThreads} IO threads, 0 for its
   * default) if its provider is on the class path, else memory.
   */
  public static JvfsMount mount(Tree tree, int ioThreads) {
    return mount(tree, ioThreads, false);
  }

  /** As {@link #mount(Tree, int)}, with the posix backend's {@code probe} setting. */
  public static JvfsMount mount(Tree tree, int ioThreads, boolean probe) {
    return JvfsMount.posixAvailable()
        ? JvfsMount.posix(tree, ioThreads, probe)
        : JvfsMount.memory(tree);
  }

  /**
   * Makes the variants the options ask for.
   *
   * @throws IOException if a VFS cannot be made
   */
  public static List<Variant> variants(Options options, Tree tree, JvfsMount mount)
      throws IOException {
    List<Variant> out = new ArrayList<>();
    String[] paths = new String[tree.files()];
    String[] absent = new String[tree.files()];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = "/" + Tree.relative(i);
      absent[i] = "/" + Tree.absentRelative(i);
    }
    int k = options.inFlight();
    for (String name : Workload.LOOKUP.variants()) {
      if (!options.wants(name)) {
        continue;
      }
      switch (name) {
        case "jdk-readAttributes" -> out.add(new ReadAttributes(tree));
        case "jdk-exists-absent" -> out.add(new ExistsAbsent(tree));
        case "jvfs-stat-miss" -> out.add(new StatMiss(name, mount, tree, paths, k));
        case "jvfs-stat-miss-qd1" -> out.add(new StatMiss(name, mount, tree, paths, 1));
        case "jvfs-lookupNow-hit" ->
            out.add(new LookupNow(name, warm(mount, tree, paths), paths, LookupResult.Status.HIT));
        case "jvfs-lookupNow-absent" ->
            out.add(
                new LookupNow(name, warm(mount, tree, absent), absent, LookupResult.Status.ABSENT));
        default -> throw new AssertionError(name);
      }
    }
    return out;
  }

  private static Vfs warm(JvfsMount mount, Tree tree, String[] paths) throws IOException {
    Vfs vfs = mount.open(tree, Vfs.Builder.DEFAULT_MAX_IN_FLIGHT);
    for (String p : paths) {
      vfs.lookup(p).join();
    }
    return vfs;
  }

  private abstract static class Base implements Variant {
    private final String name;
    private final int operations;

    Base(String name, int operations) {
      this.name = name;
      this.operations = operations;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int operations() {
      return operations;
    }
  }

  /** {@code Files.readAttributes(path, BasicFileAttributes.class)} of every file. */
  static final class ReadAttributes extends Base {
    private final Tree tree;

    ReadAttributes(Tree tree) {
      super("jdk-readAttributes", tree.files());
      this.tree = tree;
    }

    @Override
    public void run(long[] latencies) throws IOException {
      long total = 0;
      for (int i = 0; i < latencies.length; i++) {
        long start = System.nanoTime();
        total += Files.readAttributes(tree.path(i), BasicFileAttributes.class).size();
        latencies[i] = System.nanoTime() - start;
      }
      if (total != (long) tree.files() * tree.size()) {
        throw new IOException("sizes add up to " + total);
      }
    }
  }

  /** {@code Files.exists} of every absent path. */
  static final class ExistsAbsent extends Base {
    private final Tree tree;

    ExistsAbsent(Tree tree) {
      super("jdk-exists-absent", tree.files());
      this.tree = tree;
    }

    @Override
    public void run(long[] latencies) throws IOException {
      int found = 0;
      for (int i = 0; i < latencies.length; i++) {
        long start = System.nanoTime();
        if (Files.exists(tree.absentPath(i))) {
          found++;
        }
        latencies[i] = System.nanoTime() - start;
      }
      if (found != 0) {
        throw new IOException(found + " absent paths exist");
      }
    }
  }

  /**
   * {@link Vfs#stat} of every file with {@code k} in flight, on a VFS made fresh (its cache empty)
   * before each round: each stat goes to the backend. A directory's dentry is cached after the
   * first of its files, so each stat is one backend lookup of a name in a known directory.
   */
  static final class StatMiss extends Base {
    private final JvfsMount mount;
    private final Tree tree;
    private final String[] paths;
    private final int k;
    private @Nullable Vfs vfs;

    StatMiss(String name, JvfsMount mount, Tree tree, String[] paths, int k) {
      super(name, paths.length);
      this.mount = mount;
      this.tree = tree;
      this.paths = paths;
      this.k = k;
    }

    @Override
    public void beforeRound() throws IOException {
      close();
      vfs = mount.open(tree, k);
    }

    @Override
    public void run(long[] latencies) throws Exception {
      Vfs v = vfs;
      if (v == null) {
        throw new IllegalStateException("beforeRound was not called");
      }
      int size = tree.size();
      InFlight.run(
          paths.length,
          k,
          i ->
              v.stat(paths[i])
                  .thenApply(
                      a -> {
                        if (a.size() != size) {
                          throw new IllegalStateException(paths[i] + " has size " + a.size());
                        }
                        return a;
                      }),
          latencies);
    }

    @Override
    public void close() {
      Vfs v = vfs;
      vfs = null;
      if (v != null) {
        v.close();
      }
    }
  }

  /** {@link Vfs#lookupNow} of every path on a warm cache, expecting one status throughout. */
  static final class LookupNow extends Base {
    private final Vfs vfs;
    private final String[] paths;
    private final LookupResult.Status expected;

    LookupNow(String name, Vfs vfs, String[] paths, LookupResult.Status expected) {
      super(name, paths.length);
      this.vfs = vfs;
      this.paths = paths;
      this.expected = expected;
    }

    @Override
    public void run(long[] latencies) throws IOException {
      int wrong = 0;
      for (int i = 0; i < latencies.length; i++) {
        long start = System.nanoTime();
        if (vfs.lookupNow(paths[i]).status() != expected) {
          wrong++;
        }
        latencies[i] = System.nanoTime() - start;
      }
      if (wrong != 0) {
        throw new IOException(wrong + " lookups were not " + expected + " (cache evicted?)");
      }
    }

    @Override
    public void close() {
      vfs.close();
    }
  }
}
