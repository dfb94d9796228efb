package org.jvfs.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShrinkerTest {

  /** Fails (returns the replayed tape) when the values drawn as a list of 0..9 sum above 20. */
  private static Tape sumAbove20(long[] values) {
    Choices c = Choices.replay(new Tape(values, List.of()));
    List<Integer> l = Gen.ints(0, 9).list(0, 10).next(c);
    return l.stream().mapToInt(i -> i).sum() > 20 ? c.tape() : null;
  }

  @Test
  void shrink_dropsElementsAndLowersChoices_toALocalMinimum() {
    Choices c = Choices.generate(0);
    List<Integer> start = List.of(9, 9, 9, 9, 9);
    for (int v : start) {
      c.beginSpan();
      c.draw(2, r -> 1);
      c.draw(10, r -> v);
      c.endSpan();
    }
    c.beginSpan();
    c.draw(2, r -> 0);
    c.endSpan();
    Tape failing = c.tape();
    assertThat(sumAbove20(failing.values())).isNotNull();

    Shrinker s =
        new Shrinker(failing, ShrinkerTest::sumAbove20, 1000, TimeUnit.SECONDS.toNanos(10));
    Tape best = s.shrink();
    List<Integer> shrunk = Gen.ints(0, 9).list(0, 10).next(Choices.replay(best));
    assertThat(shrunk).hasSize(3);
    assertThat(shrunk.stream().mapToInt(i -> i).sum()).isEqualTo(21);
    assertThat(s.runs()).isPositive().isLessThanOrEqualTo(1000);
  }

  /** Fails when a list of 0..3 has two or more elements and its last equals its length. */
  private static Tape lastIsLength(long[] values) {
    Choices c = Choices.replay(new Tape(values, List.of()));
    List<Integer> l = Gen.ints(0, 3).list(0, 5).next(c);
    return l.size() >= 2 && l.get(l.size() - 1) == l.size() ? c.tape() : null;
  }

  @Test
  void shrink_deletesAnActionAndAdjustsALaterChoice_whereNeitherAloneFails() {
    // [0, 0, 3]: deleting an element breaks it ([0, 3]) and 3 cannot be lowered alone; deleting
    // one and setting the last to 2 keeps it failing, and shorter.
    Choices c = Choices.generate(0);
    for (int v : new int[] {0, 0, 3}) {
      c.beginSpan();
      c.draw(2, r -> 1);
      c.draw(4, r -> v);
      c.endSpan();
    }
    c.beginSpan();
    c.draw(2, r -> 0);
    c.endSpan();
    Tape failing = c.tape();
    assertThat(lastIsLength(failing.values())).isNotNull();

    Tape best =
        new Shrinker(failing, ShrinkerTest::lastIsLength, 1000, TimeUnit.SECONDS.toNanos(10))
            .shrink();
    assertThat(Gen.ints(0, 3).list(0, 5).next(Choices.replay(best))).containsExactly(0, 2);
  }

  @Test
  void shrink_budgetOfZeroRuns_keepsTheOriginal() {
    Tape failing = new Tape(new long[] {1, 9, 1, 9, 1, 9, 0}, List.of());
    Shrinker s = new Shrinker(failing, ShrinkerTest::sumAbove20, 0, TimeUnit.SECONDS.toNanos(10));
    assertThat(s.shrink()).isSameAs(failing);
    assertThat(s.runs()).isZero();
  }

  @Test
  void shrink_neverRunsTheSameCandidateTwice() {
    int[] calls = {0};
    Tape failing = new Tape(new long[] {5}, List.of());
    Shrinker s =
        new Shrinker(
            failing,
            v -> {
              calls[0]++;
              return null;
            },
            100,
            TimeUnit.SECONDS.toNanos(10));
    s.shrink();
    assertThat(calls[0]).isEqualTo(s.runs()).isLessThanOrEqualTo(4);
  }
}
