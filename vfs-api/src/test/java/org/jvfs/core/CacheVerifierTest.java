package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jvfs.CoherencePolicy;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Name;
import org.jvfs.spi.OpenFlags;

class CacheVerifierTest {
  private final DentryCache cache =
      new DentryCache(true, 100, 100, Ticker.systemTicker(), Runnable::run);
  private final MountTable table = new MountTable();
  private final Backend backend = MemoryBackend.create();
  private final Mount mount = new Mount("/", backend, CoherencePolicy.PRIVATE, cache.newId());

  CacheVerifierTest() {
    table.add(java.util.List.of(), mount);
  }

  private void createBehindTheCachesBack(String name) throws Exception {
    backend
        .open(
            backend.root(),
            Name.of(name),
            OpenFlags.from(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE)),
            null)
        .toCompletableFuture()
        .join()
        .file()
        .close();
  }

  @Test
  void verify_agreeingCache_reportsNothing() throws Exception {
    createBehindTheCachesBack("f");
    cache.load(mount.root, Name.of("f"), () -> backend.lookup(backend.root(), Name.of("f"))).join();
    cache.load(mount.root, Name.of("g"), () -> backend.lookup(backend.root(), Name.of("g"))).join();
    assertThat(new CacheVerifier(cache, table).verify()).isEmpty();
  }

  @Test
  void verify_staleNegative_isReported() throws Exception {
    cache.load(mount.root, Name.of("f"), () -> backend.lookup(backend.root(), Name.of("f"))).join();
    createBehindTheCachesBack("f");
    assertThat(new CacheVerifier(cache, table).verify())
        .singleElement()
        .asString()
        .contains("negative")
        .contains("exists in the backend");
  }

  @Test
  void verify_stalePositive_isReported() throws Exception {
    createBehindTheCachesBack("f");
    cache.load(mount.root, Name.of("f"), () -> backend.lookup(backend.root(), Name.of("f"))).join();
    backend.remove(backend.root(), Name.of("f"), false).toCompletableFuture().join();
    assertThat(new CacheVerifier(cache, table).verify())
        .anySatisfy(p -> assertThat(p).contains("absent in the backend"));
  }
}
