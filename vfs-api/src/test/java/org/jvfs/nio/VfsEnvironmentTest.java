package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.jvfs.CoherencePolicy;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendProvider;
import org.jvfs.spi.Capability;
import org.jvfs.spi.ForwardingBackend;
import org.jvfs.spi.Invalidations;

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

  @Test
  void build_maxInFlightBeyondAnInt_namesTheKeyTheValueAndTheRange() {
    assertThatThrownBy(() -> VfsEnvironment.build(Map.of("maxInFlight", Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "maxInFlight: bad value 9223372036854775807; accepted: a whole number (Long, Integer"
                + " or decimal String) from 1 to 2147483647 (Integer.MAX_VALUE)");
    assertThatThrownBy(() -> VfsEnvironment.build(Map.of("maxInFlight", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxInFlight: bad value \"0\"; accepted: a whole number");
  }

  @Test
  void build_badValues_nameTheKeyTheValueAndTheAcceptedForm() {
    Map<Map<String, ?>, String> cases =
        Map.of(
            Map.of("caching", "maybe"),
            "caching: bad value \"maybe\"; accepted: a Boolean, or \"true\" or \"false\"",
            Map.of("maximumDentries", "lots"),
            "maximumDentries: bad value \"lots\"; accepted: a whole number",
            Map.of("maximumDentries", 0),
            "maximumDentries: bad value 0; accepted: a whole number",
            Map.of("maximumNegativeDentries", -1L),
            "maximumNegativeDentries: bad value -1; accepted: a whole number",
            Map.of("maxInFlight", 2.5),
            "maxInFlight: bad value 2.5; accepted: a whole number",
            Map.of("completionExecutor", "pool"),
            "completionExecutor: bad value \"pool\"; accepted: a java.util.concurrent.Executor",
            Map.of("backend", 3),
            "backend: bad value 3; accepted: a backend name String",
            Map.of("backendConfig", "x"),
            "backendConfig: bad value \"x\"; accepted: a Map<String, ?>",
            Map.of("backend", "nosuch"),
            "backend: no jvfs backend named \"nosuch\" is installed; installed: ",
            Map.of("cacheing", true),
            "unknown jvfs env key: \"cacheing\"; known: backend, backendConfig, caching,");
    cases.forEach(
        (env, message) ->
            assertThatThrownBy(() -> VfsEnvironment.build(env))
                .as("%s", env)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message));
  }

  @Test
  void build_badTtl_saysIso8601() {
    assertThatThrownBy(() -> VfsEnvironment.build(Map.of("coherencePolicy", "ttl:5s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("coherencePolicy: bad value \"ttl:5s\"; accepted: ")
        .hasMessageContaining("\"ttl:<ISO-8601 duration>\" (e.g. \"ttl:PT5S\")");
  }

  @Test
  void policy_strings_parse() {
    String key = "coherencePolicy";
    assertThat(VfsEnvironment.policy(key, "watch")).isEqualTo(CoherencePolicy.watch());
    assertThat(VfsEnvironment.policy(key, " WATCH ")).isEqualTo(CoherencePolicy.watch());
    assertThat(VfsEnvironment.policy(key, "watch:PT0.5S"))
        .isEqualTo(CoherencePolicy.watch(Duration.ofMillis(500)));
    assertThat(VfsEnvironment.policy(key, "Private")).isEqualTo(CoherencePolicy.PRIVATE);
    assertThat(VfsEnvironment.policy(key, "ttl:PT5S"))
        .isEqualTo(CoherencePolicy.ttl(Duration.ofSeconds(5)));
    assertThat(VfsEnvironment.policy(key, "TTL:pt2m"))
        .isEqualTo(CoherencePolicy.ttl(Duration.ofMinutes(2)));
    CoherencePolicy p = CoherencePolicy.ttl(Duration.ofSeconds(3));
    assertThat(VfsEnvironment.policy(key, p)).isSameAs(p);
  }

  @Test
  void policy_badValue_namesTheKeyTheValueAndTheAcceptedForms() {
    for (Object bad : List.of("sometimes", "ttl:soon", "ttl:PT0S", "watch:-PT1S", "ttl", 42)) {
      assertThatThrownBy(() -> VfsEnvironment.build(Map.of("coherencePolicy", bad)))
          .as("%s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("coherencePolicy")
          .hasMessageContaining(bad instanceof String ? "\"" + bad + "\"" : String.valueOf(bad))
          .hasMessageContaining("\"watch\"")
          .hasMessageContaining("\"private\"")
          .hasMessageContaining("\"ttl:<ISO-8601 duration>\"");
    }
  }

  /** A provider of memory backends that say they can watch and record whether they were asked. */
  private static final class WatchingProvider implements BackendProvider {
    final AtomicReference<@Nullable Invalidations> sink = new AtomicReference<>();

    @Override
    public String name() {
      return "watching";
    }

    @Override
    public Backend create(Map<String, ?> config) {
      Backend memory = MemoryBackend.create();
      return new ForwardingBackend() {
        @Override
        protected Backend delegate() {
          return memory;
        }

        @Override
        public Set<Capability> capabilities() {
          Set<Capability> c = EnumSet.copyOf(memory.capabilities());
          c.add(Capability.WATCH);
          return c;
        }

        @Override
        public void watch(Invalidations invalidations) {
          sink.set(invalidations);
        }
      };
    }
  }

  @Test
  void build_noPolicy_givesAWatchingBackendWatch_asVfsBuilderMountDoes() throws Exception {
    WatchingProvider watching = new WatchingProvider();
    try (Vfs vfs = VfsEnvironment.build(Map.of("backend", "watching"), n -> watching)) {
      assertThat(watching.sink.get()).as("the backend was asked to watch").isNotNull();
    }
    WatchingProvider asked = new WatchingProvider();
    try (Vfs vfs =
        VfsEnvironment.build(
            Map.of("backend", "watching", "coherencePolicy", "watch"), n -> asked)) {
      assertThat(asked.sink.get()).isNotNull();
    }
    WatchingProvider refused = new WatchingProvider();
    try (Vfs vfs =
        VfsEnvironment.build(
            Map.of("backend", "watching", "coherencePolicy", "private"), n -> refused)) {
      assertThat(refused.sink.get()).isNull();
    }
  }

  @Test
  void build_watchOnABackendThatCannotWatch_isRefusedNamingTheKey() {
    assertThatThrownBy(() -> VfsEnvironment.build(Map.of("coherencePolicy", "watch")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("coherencePolicy")
        .hasMessageContaining("'memory' cannot");
  }
}
