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
  void private_hasNoBound() {
    assertThat(CoherencePolicy.PRIVATE.ttl()).isNull();
    assertThat(CoherencePolicy.PRIVATE.kind()).isEqualTo(CoherencePolicy.Kind.PRIVATE);
  }
}
