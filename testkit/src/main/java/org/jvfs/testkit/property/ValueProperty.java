package org.jvfs.testkit.property;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Function;

/**
 * A property over generated values: the body must pass for every value tried. A failing value is
 * shrunk by simplifying the choices it was drawn from. Made by {@link Property#forAll}.
 *
 * @param <T> the type of the values
 */
public final class ValueProperty<T> extends Property<ValueProperty<T>> {
  private final Gen<T> gen;
  private Function<? super T, String> describe = String::valueOf;
  private Body<T> body = v -> {};

  ValueProperty(Gen<T> gen) {
    this.gen = gen;
  }

  /**
   * The claim about one value: returns normally if it holds, throws (an {@link AssertionError}, any
   * exception) if not.
   *
   * @param <T> the type of the values
   */
  @FunctionalInterface
  public interface Body<T> {
    /** Checks the claim for {@code value}. */
    void check(T value) throws Exception;
  }

  /** Sets how a value is written in a failure report (default {@code String.valueOf}). */
  public ValueProperty<T> describe(Function<? super T, String> describe) {
    this.describe = checkNotNull(describe, "describe");
    return this;
  }

  /**
   * Checks {@code body} on the values, shrinks a failing one, and checks the coverage requirements.
   *
   * @throws PropertyFailure if a value fails, or a requirement is not met
   */
  public void check(Body<T> body) {
    this.body = checkNotNull(body, "body");
    runChecks(caller());
  }

  @Override
  Result run(Choices choices) {
    T value;
    try {
      value = gen.next(choices);
    } catch (Choices.Overrun e) {
      return new Result(null, true, "", choices.tape());
    }
    String text = describe.apply(value);
    try {
      body.check(value);
      return new Result(null, false, text, choices.tape());
    } catch (Choices.Overrun e) {
      return new Result(null, true, text, choices.tape());
    } catch (Exception | AssertionError e) {
      return new Result(e, false, text, choices.tape());
    }
  }
}
