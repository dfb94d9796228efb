package org.jvfs.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TapeTest {
  private static Tape tape(long... values) {
    return new Tape(values, List.of());
  }

  @Test
  void simplerThan_prefersShorter_thenLexicographicallySmaller() {
    assertThat(tape(9).simplerThan(tape(0, 0))).isTrue();
    assertThat(tape(0, 0).simplerThan(tape(9))).isFalse();
    assertThat(tape(1, 5).simplerThan(tape(2, 0))).isTrue();
    assertThat(tape(1, 5).simplerThan(tape(1, 5))).isFalse();
  }

  @Test
  void edits_returnChangedCopies() {
    Tape t = tape(1, 2, 3, 4);
    assertThat(t.without(1, 3)).containsExactly(1, 4);
    assertThat(t.zeroed(0, 2)).containsExactly(0, 0, 3, 4);
    assertThat(t.with(3, 7)).containsExactly(1, 2, 3, 7);
    assertThat(t.values()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void equals_comparesValuesAndSpans() {
    assertThat(tape(1, 2)).isEqualTo(tape(1, 2)).hasSameHashCodeAs(tape(1, 2));
    assertThat(tape(1, 2)).isNotEqualTo(tape(1, 3));
    assertThat(new Tape(new long[] {1}, List.of(new Tape.Span(0, 1, 0)))).isNotEqualTo(tape(1));
  }
}
