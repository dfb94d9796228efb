package org.jvfs.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jvfs.CacheStats;
import org.jvfs.CoherencePolicy;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;

/**
 * The {@code lookup --storm} run: keeps a storm of uncached lookups in flight on one VFS (each of a
 * name never looked up before, absent, in a directory of the tree) while one measuring thread
 * samples {@link Vfs#lookupNow} of hot paths (the tree's files and the absent names beside them,
 * all cached) and {@link ConcurrentHashMap#get} on a map of the same keys, interleaved, each call
 * timed on its own. The storm's CPU and GC pressure hit both; the ratio of their p99.9 is what the
 * run is for, and every hot lookup the storm turned into a MISS is counted (a MISS is followed by a
 * {@link Vfs#lookup} of the path, as a server would do, so that it can be cached again).
 *
 * <p>The VFS mounts the backend with the WATCH policy and an attribute bound of an hour, so that
 * only the storm can turn a hot HIT into a MISS (under the default bound of a second, every file's
 * snapshot expires during the run). Its cache has the builder's default sizes. The posix backend
 * runs without its probe and with room in its queue for the whole storm, so that the lookups are
 * really in flight rather than answered on the storm's thread.
 */
public final class Storm {
  /** Samples of each call per round. */
  static final int SAMPLES = 200_000;

  /**
   * The most lookups the sampler keeps in flight to load again what turned into a MISS; beyond, a
   * MISS is only counted (so many MISSes would otherwise pass the VFS's bound on operations).
   */
  static final int MAX_RELOOKUPS = 512;

  private static final java.util.concurrent.atomic.AtomicInteger RELOOKUPS =
      new java.util.concurrent.atomic.AtomicInteger();

  private Storm() {}

  /**
   * One storm run's figures.
   *
   * @param inFlight the storm's lookups kept in flight
   * @param hotPaths the hot paths sampled
   * @param backend the backend's name
   * @param rounds per measured round: p50, p99, p99.9 of lookupNow then of the map, nanoseconds
   * @param misses hot lookups answered MISS during the measured rounds
   * @param samples hot lookups made during the measured rounds
   * @param stormPerSecond storm lookups completed per second while measuring
   * @param stats the VFS's cache counters at the end
   */
  public record Figures(
      int inFlight,
      int hotPaths,
      String backend,
      long[][] rounds,
      long misses,
      long samples,
      double stormPerSecond,
      CacheStats stats) {

    /** Returns the median over rounds of column {@code c} of {@link #rounds}. */
    public long median(int c) {
      long[] col = new long[rounds.length];
      for (int r = 0; r < rounds.length; r++) {
        col[r] = rounds[r][c];
      }
      return Percentiles.median(col);
    }

    /** Returns the table the runner prints. */
    public String toTable() {
      StringBuilder sb = new StringBuilder();
      sb.append(
          String.format(
              Locale.ROOT,
              "storm: %d uncached lookups in flight (%.0f/s), %d hot paths sampled, backend %s%n",
              inFlight,
              stormPerSecond,
              hotPaths,
              backend));
      sb.append(
          String.format(
              Locale.ROOT,
              "%-6s %10s %10s %10s   %10s %10s %10s%n",
              "round",
              "now p50",
              "now p99",
              "now p99.9",
              "chm p50",
              "chm p99",
              "chm p99.9"));
      for (int r = 0; r < rounds.length; r++) {
        long[] x = rounds[r];
        sb.append(
            String.format(
                Locale.ROOT,
                "%-6d %10d %10d %10d   %10d %10d %10d%n",
                r + 1,
                x[0],
                x[1],
                x[2],
                x[3],
                x[4],
                x[5]));
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "%-6s %10d %10d %10d   %10d %10d %10d%n",
              "median",
              median(0),
              median(1),
              median(2),
              median(3),
              median(4),
              median(5)));
      double ratio = (double) median(2) / Math.max(1, median(5));
      sb.append(
          String.format(
              Locale.ROOT,
              "lookupNow p99.9 / ConcurrentHashMap.get p99.9 = %.2fx (target <= 2x): %s%n",
              ratio,
              ratio <= 2 ? "met" : "MISSED"));
      sb.append(
          String.format(
              Locale.ROOT,
              "hot lookups turned into MISS: %d of %d (target 0): %s%n",
              misses,
              samples,
              misses == 0 ? "met" : "MISSED"));
      sb.append("cache at the end: ").append(stats).append(System.lineSeparator());
      return sb.toString();
    }

    /** Returns the figures as one JSON object. */
    public String toJson() {
      StringBuilder sb = new StringBuilder("{\"workload\":\"lookup-storm\"");
      sb.append(",\"in_flight\":").append(inFlight);
      sb.append(",\"hot_paths\":").append(hotPaths);
      sb.append(",\"backend\":").append(Report.quote(backend));
      sb.append(",\"storm_per_s\":").append(String.format(Locale.ROOT, "%.1f", stormPerSecond));
      sb.append(",\"misses\":").append(misses);
      sb.append(",\"samples\":").append(samples);
      String[] names = {"now_p50", "now_p99", "now_p999", "chm_p50", "chm_p99", "chm_p999"};
      for (int c = 0; c < names.length; c++) {
        sb.append(",\"").append(names[c]).append("_ns\":").append(median(c));
      }
      sb.append(",\"rounds\":").append(Arrays.deepToString(rounds).replace(" ", ""));
      return sb.append('}').toString();
    }
  }

  /**
   * Runs the storm over the tree and returns its figures.
   *
   * @param options the rounds, warm-ups and storm size
   * @param tree the lookup tree (in the directory {@value Lookup#TOP} of the mount's root)
   * @param progress where progress lines go
   * @throws Exception if the VFS cannot be made, a hot lookup answers wrongly, or a storm lookup
   *     fails
   */
  public static Figures run(Options options, Tree tree, PrintStream progress) throws Exception {
    Lookup.checkTop(tree);
    int storm = options.storm();
    JvfsMount mount =
        JvfsMount.posixAvailable()
            ? JvfsMount.posix(tree.root().getParent(), options.ioThreads(), false, 2 * storm)
            : JvfsMount.memory(tree, Lookup.TOP);
    Vfs vfs =
        Vfs.builder()
            .mount("/", mount.newBackend(), CoherencePolicy.watch(Duration.ofHours(1)))
            .directCompletion()
            .maxInFlight(storm + Vfs.Builder.DEFAULT_MAX_IN_FLIGHT)
            .build();
    try {
      int files = tree.files();
      String[] hot = new String[2 * files];
      LookupResult.Status[] expected = new LookupResult.Status[hot.length];
      for (int i = 0; i < files; i++) {
        hot[2 * i] = Lookup.path(i);
        expected[2 * i] = LookupResult.Status.HIT;
        hot[2 * i + 1] = Lookup.absentPath(i);
        expected[2 * i + 1] = LookupResult.Status.ABSENT;
      }
      ConcurrentHashMap<String, LookupResult> map = new ConcurrentHashMap<>();
      for (int pass = 0; pass < 2; pass++) {
        for (String p : hot) {
          vfs.lookup(p).join();
        }
      }
      for (int i = 0; i < hot.length; i++) {
        LookupResult r = vfs.lookupNow(hot[i]);
        if (r.status() != expected[i]) {
          throw new IOException(
              hot[i] + " is " + r.status() + " after warming, not " + expected[i]);
        }
        map.put(hot[i], r);
      }
      Lanes lanes = new Lanes(vfs, tree.directories(), storm);
      lanes.start();
      try {
        Thread.sleep(500);
        for (int w = 0; w < options.warmups(); w++) {
          progress.printf("storm warm-up %d/%d%n", w + 1, options.warmups());
          sample(vfs, map, hot, expected, new long[2][SAMPLES]);
        }
        long[][] rounds = new long[options.rounds()][];
        long misses = 0;
        long completedBefore = lanes.completed.sum();
        long startNanos = System.nanoTime();
        for (int r = 0; r < rounds.length; r++) {
          progress.printf("storm round %d/%d%n", r + 1, rounds.length);
          long[][] lat = new long[2][SAMPLES];
          misses += sample(vfs, map, hot, expected, lat);
          rounds[r] = new long[6];
          for (int s = 0; s < 2; s++) {
            Arrays.sort(lat[s]);
            rounds[r][3 * s] = Percentiles.nearestRank(lat[s], 50);
            rounds[r][3 * s + 1] = Percentiles.nearestRank(lat[s], 99);
            rounds[r][3 * s + 2] = Percentiles.nearestRank(lat[s], 99.9);
          }
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double perSecond = (lanes.completed.sum() - completedBefore) / seconds;
        lanes.stop();
        return new Figures(
            storm,
            hot.length,
            mount.backendName(),
            rounds,
            misses,
            (long) SAMPLES * rounds.length,
            perSecond,
            vfs.cacheStats());
      } finally {
        lanes.stop();
      }
    } finally {
      vfs.close();
    }
  }

  /**
   * Samples both calls {@link #SAMPLES} times, alternating which goes first, into {@code lat[0]}
   * (lookupNow) and {@code lat[1]} (the map); returns the hot lookups answered MISS.
   */
  private static long sample(
      Vfs vfs,
      ConcurrentHashMap<String, LookupResult> map,
      String[] hot,
      LookupResult.Status[] expected,
      long[][] lat)
      throws IOException {
    long misses = 0;
    int n = hot.length;
    for (int j = 0; j < SAMPLES; j++) {
      int i = j % n;
      String p = hot[i];
      long t0;
      long t1;
      LookupResult r;
      if ((j & 1) == 0) {
        t0 = System.nanoTime();
        r = vfs.lookupNow(p);
        t1 = System.nanoTime();
        lat[0][j] = t1 - t0;
        t0 = System.nanoTime();
        LookupResult m = map.get(p);
        t1 = System.nanoTime();
        lat[1][j] = t1 - t0;
        check(m != null, p);
      } else {
        t0 = System.nanoTime();
        LookupResult m = map.get(p);
        t1 = System.nanoTime();
        lat[1][j] = t1 - t0;
        check(m != null, p);
        t0 = System.nanoTime();
        r = vfs.lookupNow(p);
        t1 = System.nanoTime();
        lat[0][j] = t1 - t0;
      }
      if (r.status() == LookupResult.Status.MISS) {
        misses++;
        if (RELOOKUPS.get() < MAX_RELOOKUPS) {
          RELOOKUPS.incrementAndGet();
          vfs.lookup(p).whenComplete((v, e) -> RELOOKUPS.decrementAndGet());
        }
      } else if (r.status() != expected[i]) {
        throw new IOException(p + " is " + r.status() + ", not " + expected[i]);
      }
    }
    return misses;
  }

  private static void check(boolean ok, String path) throws IOException {
    if (!ok) {
      throw new IOException("the map lost " + path);
    }
  }

  /**
   * The storm: lanes that each look up a new absent name as soon as their previous lookup
   * completed, on whatever thread completed it, until stopped.
   */
  private static final class Lanes {
    private final Vfs vfs;
    private final int directories;
    private final int count;
    private final AtomicLong names = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final LongAdder completed = new LongAdder();
    private final CountDownLatch ended;
    private volatile boolean stopping;

    Lanes(Vfs vfs, int directories, int count) {
      this.vfs = vfs;
      this.directories = directories;
      this.count = count;
      this.ended = new CountDownLatch(count);
    }

    /**
     * Starts the lanes from a thread of their own: on a backend that answers inline (memory) a lane
     * never leaves the thread that started it.
     */
    void start() {
      Thread t =
          new Thread(
              () -> {
                for (int i = 0; i < count; i++) {
                  lane();
                }
              },
              "storm");
      t.setDaemon(true);
      t.start();
    }

    private void lane() {
      while (true) {
        if (stopping || failure.get() != null) {
          ended.countDown();
          return;
        }
        long n = names.getAndIncrement();
        String path =
            String.format(Locale.ROOT, "/%s/d%03d/s%09d", Lookup.TOP, (int) (n % directories), n);
        CompletableFuture<LookupResult> f = vfs.lookup(path);
        if (f.isDone()) {
          finish(f);
          continue;
        }
        f.whenComplete(
            (r, e) -> {
              finish(f);
              lane();
            });
        return;
      }
    }

    private void finish(CompletableFuture<LookupResult> f) {
      completed.increment();
      try {
        if (f.join().status() != LookupResult.Status.ABSENT) {
          failure.compareAndSet(null, new IOException("a storm name exists"));
        }
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      }
    }

    /** Stops the lanes and waits for every lookup in flight; throws the first failure. */
    void stop() throws Exception {
      stopping = true;
      if (!ended.await(60, TimeUnit.SECONDS)) {
        throw new IOException("the storm did not drain in 60 s");
      }
      Throwable t = failure.get();
      if (t != null) {
        throw new IOException("a storm lookup failed: " + t, t);
      }
    }
  }
}
