package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FootprintTest {
  private static final class Value extends Cached {}

  @Test
  void add_recordsValuesVersionsAndTheEarliestDeadline() {
    Footprint f = new Footprint();
    Value a = new Value();
    a.bump();
    Value b = new Value();
    b.expireAfter(10, 5);
    assertThat(f.add(a)).isTrue();
    assertThat(f.add(b)).isTrue();
    assertThat(f.values()).containsExactly(a, b);
    assertThat(f.versions()).containsExactly(1L, 0L);
    assertThat(f.deadline()).isEqualTo(15);
  }

  @Test
  void add_retired_isRefusedAndNotRecorded() {
    Footprint f = new Footprint();
    Value a = new Value();
    a.retire();
    assertThat(f.add(a)).isFalse();
    assertThat(f.size()).isZero();
  }

  @Test
  void add_manyValues_grows() {
    Footprint f = new Footprint();
    for (int i = 0; i < 100; i++) {
      f.add(new Value());
    }
    assertThat(f.size()).isEqualTo(100);
    assertThat(f.values()).hasSize(100);
    assertThat(f.deadline()).isEqualTo(Long.MAX_VALUE);
  }
}
