package org.jvfs.testkit.property;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A stateful property: each case makes a fresh state, then draws and runs a chain of actions on it,
 * checking the invariant after each. An action's step asserts what it must (an outcome equal to a
 * model's, say); the invariant asserts what must hold between actions. A failing chain is shrunk:
 * runs of actions are dropped, then the actions' arguments simplified, until no smaller chain
 * fails; the report prints the shrunk chain with {@link #describe}, one action a line, ready to
 * paste into a regression test. Made by {@link Property#chains}.
 *
 * <p>A generated chain has exactly {@link #maxActions} actions (shrinking makes it shorter).
 *
 * @param <S> the type of the state
 * @param <A> the type of the actions
 */
public final class ChainProperty<S, A> extends Property<ChainProperty<S, A>> {
  private final Supplier<? extends S> setup;
  private final Function<? super S, ? extends Gen<? extends A>> actions;
  private final Step<S, A> step;
  private int maxActions = 40;
  private Consumer<? super S> invariant = s -> {};
  private Consumer<? super S> teardown = s -> {};
  private Function<? super A, String> describe = String::valueOf;

  ChainProperty(
      Supplier<? extends S> setup,
      Function<? super S, ? extends Gen<? extends A>> actions,
      Step<S, A> step) {
    this.setup = setup;
    this.actions = actions;
    this.step = step;
  }

  /**
   * Runs one action on the state, asserting what it must.
   *
   * @param <S> the type of the state
   * @param <A> the type of the actions
   */
  @FunctionalInterface
  public interface Step<S, A> {
    /** Runs {@code action} on {@code state}; throws if the action's claim fails. */
    void run(S state, A action) throws Exception;
  }

  /**
   * Sets the length of a generated chain (default 40).
   *
   * @throws IllegalArgumentException if {@code n} is not positive
   */
  public ChainProperty<S, A> maxActions(int n) {
    checkArgument(n > 0, "maxActions (%s) must be positive", n);
    this.maxActions = n;
    return this;
  }

  /** Sets a check that must hold after every action (by default none). */
  public ChainProperty<S, A> invariant(Consumer<? super S> invariant) {
    this.invariant = checkNotNull(invariant, "invariant");
    return this;
  }

  /** Sets what releases a state after its chain ran, passed or not (by default nothing). */
  public ChainProperty<S, A> teardown(Consumer<? super S> teardown) {
    this.teardown = checkNotNull(teardown, "teardown");
    return this;
  }

  /**
   * Sets how an action is written in a failure report (default {@code String.valueOf}); write it as
   * the code that makes the action, so that a shrunk chain pastes into a test.
   */
  public ChainProperty<S, A> describe(Function<? super A, String> describe) {
    this.describe = checkNotNull(describe, "describe");
    return this;
  }

  /**
   * Runs the chains, shrinks a failing one, and checks the coverage requirements.
   *
   * @throws PropertyFailure if a chain fails, or a requirement is not met
   */
  public void check() {
    runChecks(caller());
  }

  @Override
  Result run(Choices choices) {
    List<A> ran = new ArrayList<>();
    S state = null;
    Throwable failure = null;
    boolean overrun = false;
    try {
      state = setup.get();
      for (int i = 0; i < maxActions && !choices.exhausted(); i++) {
        choices.beginSpan();
        A action = actions.apply(state).next(choices);
        choices.endSpan();
        ran.add(action);
        step.run(state, action);
        invariant.accept(state);
      }
    } catch (Choices.Overrun e) {
      overrun = true;
    } catch (Exception | AssertionError e) {
      failure = e;
    } finally {
      if (state != null) {
        try {
          teardown.accept(state);
        } catch (RuntimeException | AssertionError e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    }
    return new Result(failure, overrun && failure == null, describe(ran, failure), choices.tape());
  }

  private String describe(List<A> ran, @Nullable Throwable failure) {
    List<String> lines = new ArrayList<>();
    for (A a : ran) {
      lines.add(describe.apply(a));
    }
    String chain = lines.isEmpty() ? "(no actions)" : String.join(",\n", lines);
    if (failure != null && !ran.isEmpty()) {
      chain += "\n// " + ran.size() + " action" + (ran.size() > 1 ? "s" : "") + "; the last failed";
    }
    return chain;
  }
}
