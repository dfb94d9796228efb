package org.jvfs.posix;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jvfs.AsyncFile;
import org.jvfs.CoherencePolicy;
import org.jvfs.Vfs;

/**
 * Measures whether the RESOLVE_CACHED probe pays: stat and open+close through a VFS with the cache
 * off (every lookup reaches the backend), probe on versus off, in one process and one run. Not a
 * test: run it by hand (see the README) and compare the ratios; machines here are noisy.
 */
public final class ProbeTiming {
  private ProbeTiming() {}

  /** Runs the measurement; prints ns per operation. */
  public static void main(String[] args) throws Exception {
    int files = 200;
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path root = TempRoot.create("probe-timing");
    try {
      Files.createDirectories(root.resolve("d/e"));
      for (int i = 0; i < files; i++) {
        Files.writeString(root.resolve("d/e/f" + i), "x");
      }
      for (int warm = 0; warm < 2; warm++) {
        for (boolean probe : new boolean[] {false, true}) {
          try (Vfs vfs =
              Vfs.builder()
                  .caching(false)
                  .directCompletion()
                  .mount(
                      "/",
                      PosixBackend.open(
                          PosixOptions.builder(root).probe(probe).watch(false).build()),
                      CoherencePolicy.PRIVATE)
                  .build()) {
            long t0 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
              for (int i = 0; i < files; i++) {
                vfs.stat("/d/e/f" + i).join();
              }
            }
            long stat = (System.nanoTime() - t0) / ((long) rounds * files);
            t0 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
              for (int i = 0; i < files; i++) {
                AsyncFile f = vfs.open("/d/e/f" + i).join();
                f.close().join();
              }
            }
            long open = (System.nanoTime() - t0) / ((long) rounds * files);
            if (warm == 1) {
              System.out.printf(
                  "probe=%-5s stat (cache off, 3 components): %6d ns/op   open+close: %6d ns/op%n",
                  probe, stat, open);
            }
          }
        }
      }
    } finally {
      TempRoot.delete(root);
    }
  }
}
