package org.jvfs.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenTest {

  private static <T> List<T> sample(Gen<T> gen, long seed, int n) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(gen.next(Choices.generate(seed + i)));
    }
    return out;
  }

  /** Returns the value drawn from an empty tape: every choice zero, the simplest value. */
  private static <T> T simplest(Gen<T> gen) {
    return gen.next(Choices.replay(Tape.EMPTY));
  }

  @Test
  void next_sameSeed_givesTheSameValues() {
    Gen<List<Integer>> gen = Gen.ints(-5, 5).list(0, 10);
    assertThat(sample(gen, 42, 50)).isEqualTo(sample(gen, 42, 50));
    assertThat(sample(gen, 42, 50)).isNotEqualTo(sample(gen, 43, 50));
  }

  @Test
  void ints_stayInRange_andReachBothEnds() {
    List<Integer> values = sample(Gen.ints(-2, 2), 1, 500);
    assertThat(values).allSatisfy(v -> assertThat(v).isBetween(-2, 2));
    assertThat(values).contains(-2, 2);
    assertThat(simplest(Gen.ints(-2, 2))).isEqualTo(-2);
  }

  @Test
  void ints_fullRange_works() {
    assertThat(simplest(Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE)))
        .isEqualTo(Integer.MIN_VALUE);
    assertThat(sample(Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE), 3, 20))
        .doesNotHaveDuplicates();
  }

  @Test
  void ints_emptyRange_isRefused() {
    assertThatThrownBy(() -> Gen.ints(3, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min (3) above max (2)");
  }

  @Test
  void longs_tooWideRange_isRefused() {
    assertThatThrownBy(() -> Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too wide");
    assertThat(simplest(Gen.longs(7, 9))).isEqualTo(7L);
  }

  @Test
  void booleans_shrinkToFalse() {
    assertThat(sample(Gen.booleans(), 5, 100)).contains(true, false);
    assertThat(simplest(Gen.booleans())).isFalse();
  }

  @Test
  void of_picksEveryValue_andShrinksToTheFirst() {
    assertThat(sample(Gen.of("x", "y", "z"), 9, 200)).containsOnly("x", "y", "z");
    assertThat(simplest(Gen.of("x", "y", "z"))).isEqualTo("x");
    assertThatThrownBy(() -> Gen.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void frequency_followsTheWeights() {
    Gen<String> gen = Gen.frequency(Gen.weight(1, "rare"), Gen.weight(9, "common"));
    Map<String, Integer> counts = new HashMap<>();
    for (String s : sample(gen, 11, 10_000)) {
      counts.merge(s, 1, Integer::sum);
    }
    assertThat(counts.get("rare")).isBetween(800, 1200);
    assertThat(simplest(gen)).isEqualTo("rare");
    assertThatThrownBy(() -> Gen.weight(0, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weight (0) must be positive");
  }

  @Test
  void list_sizesSpanTheRange_andShrinkToTheMinimum() {
    List<List<Integer>> lists = sample(Gen.ints(0, 9).list(2, 5), 13, 400);
    assertThat(lists).allSatisfy(l -> assertThat(l).hasSizeBetween(2, 5));
    assertThat(lists.stream().map(List::size).distinct()).containsExactlyInAnyOrder(2, 3, 4, 5);
    assertThat(simplest(Gen.ints(0, 9).list(2, 5))).containsExactly(0, 0);
  }

  @Test
  void list_elementsAreSpans_soDeletingOneDropsTheElement() {
    Gen<List<Integer>> gen = Gen.ints(1, 9).list(0, 10);
    Choices c = Choices.generate(19);
    List<Integer> list = gen.next(c);
    for (long seed = 20; list.size() < 2; seed++) {
      c = Choices.generate(seed);
      list = gen.next(c);
    }
    Tape tape = c.tape();
    Tape.Span first = tape.spans().get(0);
    List<Integer> shorter =
        gen.next(Choices.replay(new Tape(tape.without(first.start(), first.end()), List.of())));
    assertThat(shorter).isEqualTo(list.subList(1, list.size()));
  }

  @Test
  void bytes_stayInRange() {
    List<byte[]> arrays = sample(Gen.bytes((byte) 'a', (byte) 'c', 1, 4), 23, 100);
    assertThat(arrays)
        .allSatisfy(
            a -> {
              assertThat(a.length).isBetween(1, 4);
              for (byte b : a) {
                assertThat(b).isBetween((byte) 'a', (byte) 'c');
              }
            });
    assertThat(simplest(Gen.bytes((byte) 'a', (byte) 'c', 1, 4))).containsExactly('a');
  }

  @Test
  void filter_keepsOnlyAccepted_andGivesUpOnAFilterThatRefusesAll() {
    assertThat(sample(Gen.ints(0, 9).filter(v -> v % 2 == 0), 29, 100))
        .allSatisfy(v -> assertThat(v % 2).isZero());
    assertThatThrownBy(() -> Gen.ints(0, 9).filter(v -> v > 100).next(Choices.generate(1)))
        .isInstanceOf(Choices.Overrun.class)
        .hasMessageContaining("refused 100 values");
  }

  @Test
  void combineAndSequence_drawInOrder() {
    Gen<String> pair = Gen.combine(Gen.of("a", "b"), Gen.ints(0, 3), (s, i) -> s + i);
    assertThat(simplest(pair)).isEqualTo("a0");
    Gen<String> triple =
        Gen.combine(Gen.of("a"), Gen.of("b"), Gen.booleans(), (x, y, z) -> x + y + z);
    assertThat(simplest(triple)).isEqualTo("abfalse");
    assertThat(simplest(Gen.sequence(List.of(Gen.constant(1), Gen.ints(5, 6)))))
        .containsExactly(1, 5);
  }

  @Test
  void map_andConstant() {
    int mapped = simplest(Gen.ints(3, 4).map(i -> i * 10));
    assertThat(mapped).isEqualTo(30);
    Choices c = Choices.generate(1);
    assertThat(Gen.constant("k").next(c)).isEqualTo("k");
    assertThat(c.tape().length()).isZero();
  }
}
