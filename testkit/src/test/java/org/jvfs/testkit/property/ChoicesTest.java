package org.jvfs.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoicesTest {

  @Test
  void generate_recordsWhatItDraws_andReplayReadsItBack() {
    Choices c = Choices.generate(7);
    long a = c.draw(10);
    long b = c.draw(1000);
    assertThat(c.generating()).isTrue();
    assertThat(c.tape().values()).containsExactly(a, b);

    Choices r = Choices.replay(c.tape());
    assertThat(r.generating()).isFalse();
    assertThat(r.exhausted()).isFalse();
    assertThat(r.draw(10)).isEqualTo(a);
    assertThat(r.draw(1000)).isEqualTo(b);
    assertThat(r.exhausted()).isTrue();
  }

  @Test
  void replay_pastTheEnd_drawsZeros() {
    Choices r = Choices.replay(new Tape(new long[] {3}, List.of()));
    assertThat(r.draw(5)).isEqualTo(3);
    assertThat(r.draw(5)).isZero();
    assertThat(r.draw(9)).isZero();
    assertThat(r.tape().values()).containsExactly(3, 0, 0);
  }

  @Test
  void replay_valueAboveTheBound_isLowered() {
    Choices r = Choices.replay(new Tape(new long[] {50}, List.of()));
    assertThat(r.draw(4)).isEqualTo(3);
  }

  @Test
  void draw_withPick_usesThePickWhileGenerating_only() {
    Choices c = Choices.generate(1);
    assertThat(c.draw(10, rnd -> 9)).isEqualTo(9);
    assertThatThrownBy(() -> c.draw(10, rnd -> 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside [0, 10)");
    assertThat(Choices.replay(Tape.EMPTY).draw(10, rnd -> 9)).isZero();
  }

  @Test
  void draw_nonPositiveBound_isRefused() {
    assertThatThrownBy(() -> Choices.generate(1).draw(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bound (0) must be positive");
  }

  @Test
  void spans_recordStartEndAndDepth() {
    Choices c = Choices.generate(3);
    c.beginSpan();
    c.draw(2);
    c.beginSpan();
    c.draw(2);
    c.draw(2);
    c.endSpan();
    c.endSpan();
    c.beginSpan();
    c.endSpan(); // empty spans are not kept
    assertThat(c.tape().spans()).containsExactly(new Tape.Span(1, 3, 1), new Tape.Span(0, 3, 0));
    assertThatThrownBy(c::endSpan).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void draw_endlessGenerator_overruns() {
    Choices c = Choices.generate(5);
    assertThatThrownBy(
            () -> {
              while (true) {
                c.draw(2);
              }
            })
        .isInstanceOf(Choices.Overrun.class)
        .hasMessageContaining("more than " + Choices.MAX_DRAWS);
  }
}
