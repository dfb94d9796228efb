package org.jvfs.aio.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link RingConfig}: defaults and the bounds the builder enforces. */
class RingConfigTest {
  @Test
  void defaults_keepTheInFlightBoundBelowTheCq() {
    RingConfig c = RingConfig.defaults();
    assertThat(c.entries()).isEqualTo(256);
    assertThat(c.cqEntries()).isEqualTo(512);
    assertThat(c.maxInFlight()).isEqualTo(512 - RingConfig.RESERVED_CQES);
  }

  @Test
  void maxInFlight_beyondTheCq_isRefused() {
    assertThatThrownBy(() -> RingConfig.builder().entries(8).cqEntries(16).maxInFlight(13).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxInFlight (13)");
    assertThat(
            RingConfig.builder()
                .entries(8)
                .cqEntries(16)
                .maxInFlight(64)
                .allowCqOverflowForTesting()
                .build()
                .maxInFlight())
        .isEqualTo(64);
  }

  @Test
  void entries_thatAreNoPowerOfTwo_areRefused() {
    assertThatThrownBy(() -> RingConfig.builder().entries(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entries (100)");
    assertThatThrownBy(() -> RingConfig.builder().entries(64).cqEntries(32).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cqEntries (32)");
    assertThatThrownBy(() -> RingConfig.builder().directFiles(3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RingConfig.builder().fixedBuffers(1, 1000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
