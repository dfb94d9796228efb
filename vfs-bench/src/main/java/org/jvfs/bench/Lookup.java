package org.jvfs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jvfs.CoherencePolicy;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;

/**
 * The {@code lookup} workload: stat every file of the tree, and look up as many absent paths (each
 * beside a file, in an existing directory), and as many whose middle directory is absent.
 *
 * <p>The tree lies in the directory {@value #TOP} of the VFS's root, so that the VFS's paths are
 * three names deep ({@code /t/dNNN/fNNNN}); the JDK's variants use the same files ({@code
 * DIR/t/dNNN/fNNNN}). The jvfs variants run on the posix backend (over {@code DIR}) when it is on
 * the class path, else on an in-memory copy of the tree; the report names the backend. The mount
 * has the backend's default coherence policy (WATCH for posix), but for the {@code lookupNow}
 * variants: WATCH's default bound on file attribute snapshots (a second) would expire snapshots
 * between the untimed warming before a round and the round's lookups, so they mount posix with
 * WATCH and an attribute bound of an hour (the expiry is still checked on every lookup).
 */
public final class Lookup {
  /** The directory of the VFS's root that holds the tree. */
  public static final String TOP = "t";

  private Lookup() {}

  /**
   * Returns the backend the jvfs variants use: posix (with {@code ioThreads} IO threads, 0 for its
   * default) if its provider is on the class path, else memory.
   */
  public static JvfsMount mount(Tree tree, int ioThreads) {
    return mount(tree, ioThreads, false);
  }

  /**
   * As {@link #mount(Tree, int)}, with the posix backend's {@code probe} setting. The mount's root
   * is the tree's parent directory, whose directory {@value #TOP} holds the tree.
   */
  public static JvfsMount mount(Tree tree, int ioThreads, boolean probe) {
    checkTop(tree);
    return JvfsMount.posixAvailable()
        ? JvfsMount.posix(tree.root().getParent(), ioThreads, probe, 0)
        : JvfsMount.memory(tree, TOP);
  }

  static void checkTop(Tree tree) {
    if (tree.root().getParent() == null || !tree.root().getFileName().toString().equals(TOP)) {
      throw new IllegalArgumentException("the lookup tree must be a directory " + TOP);
    }
  }

  /** Returns the VFS path of file {@code i}: {@code /t/dNNN/fNNNN}. */
  public static String path(int i) {
    return "/" + TOP + "/" + Tree.relative(i);
  }

  /** Returns the VFS path of the absent name beside file {@code i}: {@code /t/dNNN/aNNNN}. */
  public static String absentPath(int i) {
    return "/" + TOP + "/" + Tree.absentRelative(i);
  }

  /**
   * Returns a VFS path of file {@code i}'s name in an absent directory: {@code /t/xNNN/fNNNN},
   * whose middle directory {@code xNNN} does not exist.
   */
  public static String absentMiddlePath(int i) {
    return "/" + TOP + "/x" + Tree.relative(i).substring(1);
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
    String[] absentMiddle = new String[tree.files()];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = path(i);
      absent[i] = absentPath(i);
      absentMiddle[i] = absentMiddlePath(i);
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
            out.add(new LookupNow(name, open(mount, tree), paths, LookupResult.Status.HIT));
        case "jvfs-lookupNow-absent" ->
            out.add(new LookupNow(name, open(mount, tree), absent, LookupResult.Status.ABSENT));
        case "jvfs-lookupNow-absent-middle" ->
            out.add(
                new LookupNow(name, open(mount, tree), absentMiddle, LookupResult.Status.ABSENT));
        default -> throw new AssertionError(name);
      }
    }
    return out;
  }

  private static Vfs open(JvfsMount mount, Tree tree) throws IOException {
    long dentries = Math.max(Vfs.Builder.DEFAULT_MAX_DENTRIES, 2L * tree.files() + 1024);
    Vfs.Builder b = Vfs.builder().maximumDentries(dentries).maximumNegativeDentries(dentries);
    if (mount.backendName().equals(JvfsMount.POSIX)) {
      b.mount("/", mount.newBackend(), CoherencePolicy.watch(Duration.ofHours(1)));
    } else {
      b.mount("/", mount.newBackend());
    }
    return b.build();
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

  /**
   * {@link Vfs#lookupNow} of every path on a warm cache, expecting one status throughout. Before
   * each round (untimed) every path is looked up twice with {@link Vfs#lookup}, which loads what
   * the mount's policy let expire, and then once with {@code lookupNow}.
   */
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
    public void beforeRound() {
      for (int pass = 0; pass < 2; pass++) {
        for (String p : paths) {
          vfs.lookup(p).join();
        }
      }
      for (String p : paths) {
        vfs.lookupNow(p);
      }
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
