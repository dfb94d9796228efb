package org.jvfs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOfOneToHundred() {
    long[] v = new long[100];
    for (int i = 0; i < 100; i++) {
      v[i] = i + 1;
    }
    assertThat(Percentiles.nearestRank(v, 50)).isEqualTo(50);
    assertThat(Percentiles.nearestRank(v, 99)).isEqualTo(99);
    assertThat(Percentiles.nearestRank(v, 100)).isEqualTo(100);
    assertThat(Percentiles.nearestRank(v, 0.5)).isEqualTo(1);
    assertThat(Percentiles.nearestRank(v, 99.5)).isEqualTo(100);
  }

  @Test
  void nearestRankOfFewSamples() {
    assertThat(Percentiles.nearestRank(new long[] {7}, 50)).isEqualTo(7);
    assertThat(Percentiles.nearestRank(new long[] {7}, 99)).isEqualTo(7);
    // Ranks: ceil(0.5 * 4) = 2 and ceil(0.99 * 4) = 4.
    assertThat(Percentiles.nearestRank(new long[] {10, 20, 30, 40}, 50)).isEqualTo(20);
    assertThat(Percentiles.nearestRank(new long[] {10, 20, 30, 40}, 99)).isEqualTo(40);
    assertThat(Percentiles.nearestRank(new long[] {10, 20, 30, 40, 50}, 50)).isEqualTo(30);
  }

  @Test
  void ofSortsACopy() {
    long[] v = {50, 10, 40, 20, 30};
    assertThat(Percentiles.of(v, 50)).isEqualTo(30);
    assertThat(Percentiles.of(v, 99)).isEqualTo(50);
    assertThat(v).containsExactly(50, 10, 40, 20, 30);
  }

  @Test
  void medians() {
    assertThat(Percentiles.median(new double[] {3, 1, 2})).isEqualTo(2.0);
    assertThat(Percentiles.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(Percentiles.median(new long[] {9, 1, 5})).isEqualTo(5);
    assertThat(Percentiles.median(new long[] {1, 4})).isEqualTo(2);
    assertThat(Percentiles.median(new long[] {Long.MAX_VALUE - 2, Long.MAX_VALUE}))
        .isEqualTo(Long.MAX_VALUE - 1);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[0], 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 100.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.median(new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
