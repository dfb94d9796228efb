package org.jvfs.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The settings and the run of a property: tries, seeds, replay, the multiplier, reports. */
class PropertyTest {

  @AfterEach
  void clearSystemProperties() {
    System.clearProperty(Property.SEED_PROPERTY);
    System.clearProperty(Property.TRIES_PROPERTY);
  }

  @Test
  void check_passingProperty_runsItsTries() {
    AtomicInteger runs = new AtomicInteger();
    Property.forAll(Gen.ints(0, 10)).tries(37).check(v -> runs.incrementAndGet());
    assertThat(runs).hasValue(37);
  }

  @Test
  void check_triesMultiplier_multipliesEveryPropertysTries() {
    System.setProperty(Property.TRIES_PROPERTY, "3");
    AtomicInteger runs = new AtomicInteger();
    Property.forAll(Gen.ints(0, 10)).tries(10).check(v -> runs.incrementAndGet());
    assertThat(runs).hasValue(30);
  }

  @Test
  void check_badTriesMultiplier_isNamed() {
    System.setProperty(Property.TRIES_PROPERTY, "0");
    assertThatThrownBy(() -> Property.forAll(Gen.ints(0, 1)).check(v -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-Djvfs.tries=0 must be a positive integer");
  }

  @Test
  void check_failingValue_isShrunkToTheBoundary() {
    PropertyFailure f =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.ints(0, 1_000_000))
                    .tries(200)
                    .check(v -> assertThat(v).isLessThan(1000)));
    assertThat(f.shrunkCase()).hasValue("1000");
    assertThat(f.getCause()).isInstanceOf(AssertionError.class);
    assertThat(f.getMessage())
        .contains("PropertyTest#check_failingValue_isShrunkToTheBoundary failed on try")
        .contains("-Djvfs.seed=" + f.seed().getAsLong())
        .contains("-Dtest=PropertyTest#check_failingValue_isShrunkToTheBoundary");
  }

  @Test
  void check_failingList_isShrunkToTheSmallestFailingList() {
    PropertyFailure f =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.ints(0, 100).list(0, 20))
                    .tries(500)
                    .check(
                        l ->
                            assertThat(l.size() >= 3 && l.stream().anyMatch(i -> i >= 90))
                                .isFalse()));
    // Three elements are needed; the others lower to 0 and the large one to 90.
    String[] parts = f.shrunkCase().orElseThrow().replaceAll("[\\[\\] ]", "").split(",");
    assertThat(java.util.Arrays.stream(parts).map(Integer::valueOf).sorted())
        .containsExactly(0, 0, 90);
  }

  @Test
  void check_replayOfThePrintedSeed_givesTheSameShrunkCase() {
    ValueProperty.Body<List<Integer>> body =
        l -> assertThat(l.stream().filter(i -> i > 5).count()).isLessThan(3);
    PropertyFailure first =
        catchThrowableOfType(
            PropertyFailure.class,
            () -> Property.forAll(Gen.ints(0, 9).list(0, 30)).tries(300).check(body));
    long seed = first.seed().getAsLong();

    PropertyFailure inCode =
        catchThrowableOfType(
            PropertyFailure.class,
            () -> Property.forAll(Gen.ints(0, 9).list(0, 30)).seed(seed).tries(1).check(body));
    assertThat(inCode.shrunkCase()).isEqualTo(first.shrunkCase());
    assertThat(inCode.seed()).hasValue(seed);

    System.setProperty(Property.SEED_PROPERTY, Long.toString(seed));
    List<List<Integer>> seen = new ArrayList<>();
    PropertyFailure bySystemProperty =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.ints(0, 9).list(0, 30))
                    .tries(300)
                    .check(
                        l -> {
                          seen.add(l);
                          body.check(l);
                        }));
    assertThat(bySystemProperty.shrunkCase()).isEqualTo(first.shrunkCase());
    assertThat(bySystemProperty.getMessage()).contains("failed on try 1 of 1");
  }

  @Test
  void check_replaySeed_skipsCoverageRequirements() {
    System.setProperty(Property.SEED_PROPERTY, "12");
    Property.forAll(Gen.ints(0, 3)).require(Coverage.tried("never")).check(v -> {});
  }

  @Test
  void check_requiredLabelNeverRecorded_failsSayingSo() {
    assertThatThrownBy(
            () ->
                Property.forAll(Gen.ints(0, 3))
                    .tries(50)
                    .require(Coverage.tried("zero"), Coverage.tried("four"))
                    .check(v -> Coverage.record(v == 0 ? "zero" : "other")))
        .isInstanceOf(PropertyFailure.class)
        .hasMessageContaining("coverage requirement not met in 50 tries: 'four' recorded")
        .hasMessageContaining("never tried what the property requires")
        .hasMessageContaining("zero");
  }

  @Test
  void check_generatorThatAlwaysGivesUp_failsSayingSo() {
    assertThatThrownBy(
            () -> Property.forAll(Gen.ints(0, 3).filter(v -> v > 3)).tries(5).check(v -> {}))
        .isInstanceOf(PropertyFailure.class)
        .hasMessageContaining("the generators gave up on");
  }

  @Test
  void check_exceptionOtherThanAssertion_isAFailureToo() {
    PropertyFailure f =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.ints(0, 50))
                    .named("Custom#name")
                    .check(
                        v -> {
                          if (v > 10) {
                            throw new java.io.IOException("boom " + v);
                          }
                        }));
    assertThat(f.getCause()).isInstanceOf(java.io.IOException.class).hasMessage("boom 11");
    assertThat(f.getMessage()).startsWith("Custom#name failed on try");
  }

  @Test
  void settings_badValues_areRefused() {
    assertThatThrownBy(() -> Property.forAll(Gen.ints(0, 1)).tries(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tries (0) must be positive");
    assertThatThrownBy(() -> Property.forAll(Gen.ints(0, 1)).shrinking(-1, java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("runs (-1) must not be negative");
  }

  @Test
  void shrinking_disabled_reportsTheCaseAsFound() {
    PropertyFailure f =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.ints(0, 1_000_000))
                    .seed(1)
                    .shrinking(0, java.time.Duration.ofSeconds(1))
                    .check(v -> assertThat(v).isLessThan(10)));
    assertThat(f.getMessage()).contains("Shrunk in 0 runs");
    assertThat(Integer.parseInt(f.shrunkCase().orElseThrow())).isGreaterThanOrEqualTo(10);
  }
}
