package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.jvfs.CoherencePolicy;
import org.jvfs.Vfs;

class VfsEnvironmentTest {

  @Test
  void build_empty_cachedMemoryVfs() throws Exception {
    try (Vfs vfs = VfsEnvironment.build(Map.of())) {
      vfs.write("/f", new byte[] {1}).join();
      vfs.lookup("/f").join();
      assertThat(vfs.lookupNow("/f").isHit()).isTrue();
    }
  }

  @Test
  void build_cachingOff_neverHitsFromCache() throws Exception {
    try (Vfs vfs = VfsEnvironment.build(Map.of("caching", false))) {
      vfs.write("/f", new byte[] {1}).join();
      vfs.lookup("/f").join();
      assertThat(vfs.lookupNow("/f").isHit()).isFalse();
    }
  }

  @Test
  void build_executorAndPolicyUsed() throws Exception {
    AtomicInteger ran = new AtomicInteger();
    java.util.concurrent.Executor ex =
        r -> {
          ran.incrementAndGet();
          r.run();
        };
    try (Vfs vfs =
        VfsEnvironment.build(
            Map.of(
                "completionExecutor",
                ex,
                "coherencePolicy",
                CoherencePolicy.ttl(java.time.Duration.ofSeconds(5))))) {
      assertThat(vfs.isOpen()).isTrue();
    }
  }

  @Test
  void build_badValues_rejected() {
    assertThatThrownBy(() -> VfsEnvironment.build(Map.of("caching", "maybe")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VfsEnvironment.build(Map.of("maximumDentries", "lots")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VfsEnvironment.build(Map.of("maximumDentries", 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VfsEnvironment.build(Map.of("coherencePolicy", "ttl:soon")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VfsEnvironment.build(Map.of("completionExecutor", "pool")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VfsEnvironment.build(Map.of("backendConfig", Map.of("x", 1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VfsEnvironment.build(Map.of("backend", 3)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
