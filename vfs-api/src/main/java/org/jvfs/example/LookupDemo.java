package org.jvfs.example;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.PrintStream;
import org.jvfs.CacheStats;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;

/**
 * Mounts an in-memory backend, writes a small tree, and shows what {@link Vfs#lookupNow} answers
 * before and after the paths are looked up, then the cache's counters. Run it with {@code mvn -B -q
 * -pl vfs-api -am compile exec:java}.
 */
public final class LookupDemo {
  private LookupDemo() {}

  /** Runs the demo, printing to standard output. */
  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the demo, printing to {@code out}. */
  public static void run(PrintStream out) throws Exception {
    try (Vfs vfs = Vfs.builder().mount("/", MemoryBackend.create()).caching(true).build()) {
      vfs.createDirectories("/srv/www").join();
      vfs.write("/srv/www/index.html", "<h1>hello</h1>".getBytes(UTF_8)).join();
      vfs.write("/srv/www/style.css", "h1{}".getBytes(UTF_8)).join();

      String[] paths = {"/srv/www/index.html", "/srv/www/style.css", "/srv/www/missing.js"};
      out.println("lookupNow before any lookup (writes drop cached attributes):");
      show(out, vfs, paths);

      for (String p : paths) {
        vfs.lookup(p).join();
      }
      out.println("lookupNow after one lookup of each path (no IO, no blocking):");
      show(out, vfs, paths);

      vfs.delete("/srv/www/style.css").join();
      out.println("lookupNow after deleting style.css through the VFS:");
      show(out, vfs, paths);

      CacheStats s = vfs.cacheStats();
      out.printf(
          "cache: hits=%d negativeHits=%d misses=%d loads=%d evictions=%d inFlight=%d"
              + " dentries=%d negativeDentries=%d%n",
          s.hitCount(),
          s.negativeHitCount(),
          s.missCount(),
          s.loadCount(),
          s.evictionCount(),
          s.loadsInFlight(),
          s.positiveSize(),
          s.negativeSize());
    }
  }

  private static void show(PrintStream out, Vfs vfs, String[] paths) {
    for (String p : paths) {
      LookupResult r = vfs.lookupNow(p);
      String detail = r.isHit() ? " (" + r.attributes().size() + " bytes)" : "";
      out.printf("  %-22s %s%s%n", p, r.status(), detail);
    }
  }
}
