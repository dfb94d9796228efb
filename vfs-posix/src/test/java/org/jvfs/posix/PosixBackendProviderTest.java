package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendProvider;
import org.jvfs.spi.Capability;

/** {@link PosixBackendProvider}: found by name, config keys and values checked with clear text. */
class PosixBackendProviderTest {
  private final Path root = TempRoot.create("posix-provider");
  private final PosixBackendProvider provider = new PosixBackendProvider();

  @AfterEach
  void delete() {
    TempRoot.delete(root);
  }

  private Map<String, Object> config(Object... keyValues) {
    Map<String, Object> m = new HashMap<>();
    m.put("root", root.toString());
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private void rejects(Map<String, Object> config, String message) {
    assertThatThrownBy(() -> provider.create(config).close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void serviceLoader_findsPosix() {
    assertThat(ServiceLoader.load(BackendProvider.class).stream().map(p -> p.get().name()))
        .contains("posix");
    assertThat(provider.name()).isEqualTo("posix");
  }

  @Test
  void everyKey_isApplied() throws Exception {
    try (Backend b =
        provider.create(
            config(
                "ioThreads",
                2,
                "queueCapacity",
                "16",
                "resolveBeneath",
                "walk",
                "maxOpenFiles",
                10,
                "probe",
                "false",
                "watch",
                false,
                "maxWatches",
                5))) {
      assertThat(((PosixBackend) b).resolveMode()).isEqualTo(ResolveMode.WALK);
      assertThat(b.capabilities()).doesNotContain(Capability.WATCH);
    }
  }

  @Test
  void unknownKey_isRefusedNamingTheKnownOnes() {
    rejects(config("iothreads", 2), "unknown posix backend setting: iothreads");
    rejects(config("bogus", 1), "known: ");
    // The open-file cache is gone (a kept descriptor cannot be checked to lie beneath the root
    // for less than an open costs): its settings are refused, not silently ignored.
    rejects(config("openFileCacheSize", 0), "unknown posix backend setting: openFileCacheSize");
    rejects(config("openFileExpiryMillis", 1), "unknown posix backend setting: openFileExpiry");
    // So is the walk fallback's directory-descriptor cache, for the same reason.
    rejects(config("dirFdCacheSize", 0), "unknown posix backend setting: dirFdCacheSize");
    rejects(config("dirFdExpiryMillis", 1), "unknown posix backend setting: dirFdExpiryMillis");
  }

  @Test
  void missingOrBadRoot_isRefused() {
    Map<String, Object> none = new HashMap<>();
    rejects(none, "needs root");
    rejects(Map.of("root", ""), "needs root");
    rejects(Map.of("root", 42), "needs root");
  }

  @Test
  void badValues_areRefusedNamingTheKey() {
    rejects(config("ioThreads", "many"), "ioThreads must be an integer: many");
    rejects(config("ioThreads", 1.5), "ioThreads must be an integer, not 1.5");
    rejects(config("ioThreads", 1L << 40), "ioThreads must be an integer");
    rejects(config("ioThreads", 0), "ioThreads (0) must be positive");
    rejects(config("queueCapacity", -1), "queueCapacity (-1) must be positive");
    rejects(config("maxOpenFiles", 0), "maxOpenFiles (0) must be positive");
    rejects(config("maxWatches", 0), "maxWatches (0) must be positive");
    rejects(config("watch", "yes"), "watch must be true or false, not yes");
    rejects(config("probe", 1), "probe must be true or false, not 1");
    rejects(config("resolveBeneath", "chroot"), "resolveBeneath must be openat2 or walk");
  }

  @Test
  void missingDirectory_isAnIoException() {
    assertThatThrownBy(() -> provider.create(Map.of("root", root + "/none")).close())
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("cannot open the root");
  }
}
