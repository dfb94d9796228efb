package org.jvfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CoherencePolicyTest {
  @Test
  void ttl_keepsItsBound() {
    CoherencePolicy p = CoherencePolicy.ttl(Duration.ofSeconds(2));
    assertThat(p.kind()).isEqualTo(CoherencePolicy.Kind.TTL);
    assertThat(p.ttl()).isEqualTo(Duration.ofSeconds(2));
    assertThat(p).isEqualTo(CoherencePolicy.ttl(Duration.ofSeconds(2)));
    assertThat(p.toString()).isEqualTo("TTL(PT2S)");
    assertThat(p.attributeTtl()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void ttl_notPositive_isRefused() {
    assertThatThrownBy(() -> CoherencePolicy.ttl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> CoherencePolicy.ttl(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void watch_boundsAttributesOfNonDirectories() {
    CoherencePolicy p = CoherencePolicy.watch();
    assertThat(p.kind()).isEqualTo(CoherencePolicy.Kind.WATCH);
    assertThat(p.ttl()).isNull();
    assertThat(p.attributeTtl()).isEqualTo(CoherencePolicy.DEFAULT_WATCH_ATTRIBUTE_TTL);
    assertThat(p.toString()).isEqualTo("WATCH(attributes PT1S)");
    CoherencePolicy shorter = CoherencePolicy.watch(Duration.ofMillis(250));
    assertThat(shorter.attributeTtl()).isEqualTo(Duration.ofMillis(250));
    assertThat(shorter).isNotEqualTo(p).isEqualTo(CoherencePolicy.watch(Duration.ofMillis(250)));
    assertThat(CoherencePolicy.watch(Duration.ofSeconds(1))).isSameAs(p);
    assertThatThrownBy(() -> CoherencePolicy.watch(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attributeTtl (PT0S) must be positive");
  }

  @Test
  void private_hasNoBound() {
    assertThat(CoherencePolicy.PRIVATE.ttl()).isNull();
    assertThat(CoherencePolicy.PRIVATE.attributeTtl()).isNull();
    assertThat(CoherencePolicy.PRIVATE.kind()).isEqualTo(CoherencePolicy.Kind.PRIVATE);
  }
}
