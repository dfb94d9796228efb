package org.jvfs.testkit;

import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.jvfs.CoherencePolicy;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Capability;
import org.jvfs.spi.ForwardingBackend;
import org.jvfs.spi.Invalidations;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;

/**
 * A measurement, not a check (it is no {@code *Test}, so the build does not run it): how often
 * lookups of 50 settled names in one directory hit the cache while other names in the same
 * directory change once per millisecond, through the VFS and as pushed invalidations. The settled
 * names exist in the backend before the VFS starts, so each must be loaded once while the others
 * change. Lookups and attribute reads take {@code -Djvfs.lookupMicros} (default 2000) in the
 * backend, as on a disk that must be read or a network file system; {@code -Djvfs.seconds} (default
 * 3) is how long each case runs. Run with:
 *
 * <pre>
 * mvn -B -q -pl vfs-api,testkit -am verify -Dtest=BusyDirectoryHitRate \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class BusyDirectoryHitRate {
  private static final int NAMES = 50;
  private static final long SECONDS = Long.getLong("jvfs.seconds", 3);
  private static final long LOOKUP_MICROS = Long.getLong("jvfs.lookupMicros", 2000);
  private static final OpenFlags CREATE =
      OpenFlags.from(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE));

  /** A memory backend whose lookups and attribute reads answer after a delay; it can be watched. */
  private static final class SlowBackend extends ForwardingBackend {
    final MemoryBackend delegate = MemoryBackend.create();
    final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "slow-backend");
              t.setDaemon(true);
              return t;
            });
    final AtomicReference<@Nullable Invalidations> sink = new AtomicReference<>();

    @Override
    protected Backend delegate() {
      return delegate;
    }

    @Override
    public Set<Capability> capabilities() {
      Set<Capability> c = EnumSet.copyOf(delegate.capabilities());
      c.remove(Capability.INLINE_COMPLETION);
      c.remove(Capability.NONBLOCKING_PROBE);
      c.add(Capability.WATCH);
      return c;
    }

    @Override
    public void watch(Invalidations invalidations) {
      sink.set(invalidations);
    }

    @Override
    public CompletionStage<@Nullable NodeInfo> lookup(Node dir, Name name) {
      return later(() -> delegate.lookup(dir, name));
    }

    @Override
    public CompletionStage<NodeAttributes> attributes(Node node) {
      return later(() -> delegate.attributes(node));
    }

    /** Reads the backend now (the answer is as of the call) and answers after the delay. */
    private <T> CompletionStage<T> later(Supplier<CompletionStage<T>> call) {
      CompletableFuture<T> answer = call.get().toCompletableFuture();
      CompletableFuture<T> out = new CompletableFuture<>();
      timer.schedule(
          () ->
              answer.whenComplete(
                  (v, e) -> {
                    if (e != null) {
                      out.completeExceptionally(e);
                    } else {
                      out.complete(v);
                    }
                  }),
          LOOKUP_MICROS,
          TimeUnit.MICROSECONDS);
      return out;
    }

    @Override
    public void close() {
      timer.shutdownNow();
      delegate.close();
    }
  }

  @Test
  void changesThroughTheVfs() throws Exception {
    measure(false);
  }

  @Test
  void changesPushedAsInvalidations() throws Exception {
    measure(true);
  }

  private static void measure(boolean pushed) throws Exception {
    SlowBackend backend = new SlowBackend();
    ScheduledExecutorService churn = Executors.newSingleThreadScheduledExecutor();
    try (Vfs vfs =
        Vfs.builder()
            .mount("/", backend, pushed ? CoherencePolicy.watch() : CoherencePolicy.PRIVATE)
            .directCompletion()
            .build()) {
      // The settled names were there before the VFS came (on disk, say): the cache starts cold.
      MemoryBackend disk = backend.delegate;
      Node busy =
          disk.createDirectory(disk.root(), Name.of("busy"), null)
              .toCompletableFuture()
              .join()
              .node();
      for (int i = 0; i < NAMES; i++) {
        disk.open(busy, Name.of("f" + i), CREATE, null)
            .thenCompose(o -> o.file().close())
            .toCompletableFuture()
            .join();
      }
      AtomicInteger changes = new AtomicInteger();
      churn.scheduleAtFixedRate(
          () -> {
            int i = changes.getAndIncrement();
            String name = "c" + (i / 2 % 16);
            if (pushed) {
              // Another process changes the directory; the backend reports it.
              if (i % 2 == 0) {
                disk.open(busy, Name.of(name), CREATE, null).thenCompose(o -> o.file().close());
              } else {
                disk.remove(busy, Name.of(name), false);
              }
              Invalidations sink = backend.sink.get();
              if (sink != null) {
                sink.changed(busy, Name.of(name));
              }
            } else if (i % 2 == 0) {
              vfs.write("/busy/" + name, new byte[] {2});
            } else {
              vfs.deleteIfExists("/busy/" + name);
            }
          },
          1,
          1,
          TimeUnit.MILLISECONDS);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
      long hits = 0;
      long reads = 0;
      int changesAtStart = changes.get();
      while (System.nanoTime() < end) {
        for (int i = 0; i < NAMES; i++) {
          String p = "/busy/f" + i;
          reads++;
          if (vfs.lookupNow(p).isHit()) {
            hits++;
          } else {
            vfs.lookup(p).join();
          }
        }
      }
      int changed = changes.get() - changesAtStart;
      churn.shutdownNow();
      churn.awaitTermination(10, TimeUnit.SECONDS);
      System.out.printf(
          "busy directory, %s: %d changes of other names in %d s (%.0f/s); lookups of %d settled"
              + " names, %d us each in the backend: %d reads, hit rate %.1f%%%n",
          pushed ? "pushed invalidations" : "changes through the VFS",
          changed,
          SECONDS,
          changed / (double) SECONDS,
          NAMES,
          LOOKUP_MICROS,
          reads,
          100.0 * hits / reads);
    }
  }
}
