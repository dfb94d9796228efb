package org.jvfs.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageTest {

  private static Coverage.Stats stats() {
    Coverage.Collector c = new Coverage.Collector();
    Coverage.with(
        c,
        () -> {
          Coverage.record("a");
          Coverage.record("a");
          Coverage.record("b ok");
        });
    c.endTry();
    Coverage.with(c, () -> Coverage.record("a"));
    c.endTry();
    c.endTry();
    return c.stats();
  }

  @Test
  void collector_countsLabels_andTheTriesThatRecordedThem() {
    Coverage.Stats s = stats();
    assertThat(s.tries()).isEqualTo(3);
    assertThat(s.counts()).isEqualTo(Map.of("a", 3L, "b ok", 1L));
    assertThat(s.triesWith("a")).isEqualTo(2);
    assertThat(s.triesWith("b ok")).isEqualTo(1);
    assertThat(s.count("missing")).isZero();
    assertThat(s.table()).startsWith("3 tries").contains("b ok");
  }

  @Test
  void record_outsideAProperty_doesNothing() {
    Coverage.record("nobody counts this");
    Coverage.Collector c = new Coverage.Collector();
    c.endTry();
    assertThat(c.stats().labels()).isEmpty();
  }

  @Test
  void requirements_checkTheStatistics() {
    Coverage.Stats s = stats();
    assertThat(Coverage.tried("a").check().test(s)).isTrue();
    assertThat(Coverage.tried("c").check().test(s)).isFalse();
    assertThat(Coverage.triedAny("some b", l -> l.startsWith("b ")).check().test(s)).isTrue();
    assertThat(Coverage.triedAny("some c", l -> l.startsWith("c ")).check().test(s)).isFalse();
    assertThat(Coverage.inMoreThan(60, "a").check().test(s)).isTrue();
    assertThat(Coverage.inMoreThan(70, "a").check().test(s)).isFalse();
    assertThat(Coverage.inMoreThan(50, "a").description())
        .isEqualTo("'a' in more than 50.0% of tries");
  }
}
