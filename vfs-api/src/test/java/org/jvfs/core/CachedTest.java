package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CachedTest {
  private static final class Value extends Cached {}

  @Test
  void bump_growsTheVersion() {
    Value v = new Value();
    assertThat(v.version()).isZero();
    v.bump();
    v.bump();
    assertThat(v.version()).isEqualTo(2);
  }

  @Test
  void retire_isForGood() {
    Value v = new Value();
    v.bump();
    v.retire();
    v.bump();
    assertThat(v.version()).isEqualTo(Cached.RETIRED);
  }

  @Test
  void expireAfter_isNowPlusTtl_orNeverForMaxValue_andSaturates() {
    Value v = new Value();
    assertThat(v.deadline()).isEqualTo(Long.MAX_VALUE);
    v.expireAfter(100, 20);
    assertThat(v.deadline()).isEqualTo(120);
    v.expireAfter(100, Long.MAX_VALUE);
    assertThat(v.deadline()).isEqualTo(Long.MAX_VALUE);
    v.expireAfter(Long.MAX_VALUE - 5, 10);
    assertThat(v.deadline()).isEqualTo(Long.MAX_VALUE);
  }
}
