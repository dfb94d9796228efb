package org.jvfs.testkit.property;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A property: a claim checked on many generated cases, with the settings every property shares
 * (tries, seed, name, coverage requirements, shrinking budget). Make one with {@link #forAll} (a
 * value property) or {@link #chains} (a stateful property over chains of actions), then call its
 * {@code check}, typically from a JUnit 5 {@code @Test} method:
 *
 * <pre>{@code
 * @Test
 * void cachedVfs_agreesWithModel() {
 *   Property.chains(Twin::new, FsOpGen.ops(), Twin::step)
 *       .maxActions(40)
 *       .invariant(Twin::checkInvariants)
 *       .teardown(Twin::close)
 *       .describe(FsOp::code)
 *       .tries(200)
 *       .require(Coverage.tried("rename(replace) ok"))
 *       .check();
 * }
 * }</pre>
 *
 * <p>A failing case is shrunk, and the {@link PropertyFailure} names the try's seed and the shrunk
 * case as code. System properties steer a run without a code change:
 *
 * <ul>
 *   <li>{@code -Djvfs.seed=N} replays exactly the case of seed {@code N} (one try, then the same
 *       shrinking, so the same shrunk case); coverage requirements are not checked then;
 *   <li>{@code -Djvfs.tries=K} multiplies every property's tries by {@code K} (a positive integer),
 *       for long runs far beyond CI's;
 *   <li>{@code -Djvfs.stats=true} prints each property's coverage statistics after it passes.
 * </ul>
 *
 * <p>Settings are not thread-safe; {@code check} runs the cases on the calling thread.
 *
 * @param <P> the concrete property type, returned by the settings methods
 */
public abstract class Property<P extends Property<P>> {
  /** System property: the seed of one case to replay. */
  public static final String SEED_PROPERTY = "jvfs.seed";

  /** System property: a multiplier of every property's tries. */
  public static final String TRIES_PROPERTY = "jvfs.tries";

  /** System property: print statistics after a property passes. */
  public static final String STATS_PROPERTY = "jvfs.stats";

  private int tries = 100;
  private @Nullable Long seed;
  private @Nullable String name;
  private final List<Coverage.Requirement> requirements = new ArrayList<>();
  private int maxShrinkRuns = 2_000;
  private Duration shrinkBudget = Duration.ofSeconds(60);

  Property() {}

  /**
   * Returns a property over values of {@code gen}; give its body to {@link
   * ValueProperty#check(ValueProperty.Body)}.
   */
  public static <T> ValueProperty<T> forAll(Gen<T> gen) {
    return new ValueProperty<>(checkNotNull(gen, "gen"));
  }

  /**
   * Returns a stateful property: each case makes a state with {@code setup}, then draws actions
   * from {@code actions} and runs each with {@code step}, up to {@link ChainProperty#maxActions} of
   * them.
   */
  public static <S, A> ChainProperty<S, A> chains(
      Supplier<? extends S> setup, Gen<? extends A> actions, ChainProperty.Step<S, A> step) {
    checkNotNull(actions, "actions");
    Function<S, Gen<? extends A>> same = s -> actions;
    return chainsByState(setup, same, step);
  }

  /**
   * Returns a stateful property whose next action is drawn from the generator that {@code actions}
   * gives for the current state (so actions may depend on what the chain made so far).
   */
  public static <S, A> ChainProperty<S, A> chainsByState(
      Supplier<? extends S> setup,
      Function<? super S, ? extends Gen<? extends A>> actions,
      ChainProperty.Step<S, A> step) {
    return new ChainProperty<>(
        checkNotNull(setup, "setup"), checkNotNull(actions, "actions"), checkNotNull(step, "step"));
  }

  @SuppressWarnings("unchecked")
  private P self() {
    return (P) this;
  }

  /**
   * Sets how many cases to try (default 100), before the {@code jvfs.tries} multiplier.
   *
   * @throws IllegalArgumentException if {@code tries} is not positive
   */
  public P tries(int tries) {
    checkArgument(tries > 0, "tries (%s) must be positive", tries);
    this.tries = tries;
    return self();
  }

  /**
   * Fixes the seed of the first try (the others follow from it); by default each run takes a random
   * one. {@code -Djvfs.seed} overrides it.
   */
  public P seed(long seed) {
    this.seed = seed;
    return self();
  }

  /**
   * Names the property in reports, as {@code Class#method} so that the replay line can be pasted;
   * by default the calling class and method (for a kit's property, pass the concrete test class).
   */
  public P named(String name) {
    this.name = checkNotNull(name, "name");
    return self();
  }

  /** Adds coverage requirements, checked after all tries passed. */
  public P require(Coverage.Requirement... required) {
    for (Coverage.Requirement r : required) {
      requirements.add(checkNotNull(r, "requirement"));
    }
    return self();
  }

  /**
   * Bounds shrinking: at most {@code runs} cases and {@code budget} of time (defaults 2,000 and 60
   * s); the simplest failing case found by then is reported.
   */
  public P shrinking(int runs, Duration budget) {
    checkArgument(runs >= 0, "runs (%s) must not be negative", runs);
    this.maxShrinkRuns = runs;
    this.shrinkBudget = checkNotNull(budget, "budget");
    return self();
  }

  /** One case's result: a failure or not, and the case as text. */
  record Result(@Nullable Throwable failure, boolean overrun, String description, Tape tape) {}

  /** Runs one case from {@code choices}; returns its result, never throws for a failing case. */
  abstract Result run(Choices choices);

  /** Runs the property: the tries, shrinking and the report. */
  final void runChecks(String defaultName) {
    String label = name != null ? name : defaultName;
    Long replay = Long.getLong(SEED_PROPERTY);
    int multiplier = Integer.getInteger(TRIES_PROPERTY, 1);
    checkArgument(multiplier > 0, "-D%s=%s must be a positive integer", TRIES_PROPERTY, multiplier);
    long base =
        replay != null ? replay : seed != null ? seed : ThreadLocalRandom.current().nextLong();
    int total = replay != null ? 1 : tries * multiplier;

    Coverage.Collector collector = new Coverage.Collector();
    long start = System.nanoTime();
    int discards = 0;
    // Try 0 uses the base seed itself, so that a printed seed replays as the first try; the others
    // take theirs from a random source of their own (consecutive seeds would give SplittableRandom
    // streams that are the same stream shifted by one).
    java.util.SplittableRandom seeds = new java.util.SplittableRandom(base ^ 0x5DEECE66DL);
    for (int i = 0; i < total; i++) {
      long trySeed = i == 0 ? base : seeds.nextLong();
      Result[] holder = new Result[1];
      Coverage.with(collector, () -> holder[0] = run(Choices.generate(trySeed)));
      Result r = holder[0];
      if (r.overrun()) {
        if (++discards > Math.max(100, total * 10)) {
          throw new PropertyFailure(
              label
                  + ": the generators gave up on "
                  + discards
                  + " cases (a filter refuses too"
                  + " much, or a generator never ends)",
              null);
        }
        i--;
        continue;
      }
      collector.endTry();
      if (r.failure() != null) {
        throw report(label, i + 1, total, trySeed, r, collector.stats());
      }
    }
    Coverage.Stats stats = collector.stats();
    if (replay == null) {
      List<String> missing = new ArrayList<>();
      for (Coverage.Requirement req : requirements) {
        if (!req.check().test(stats)) {
          missing.add(req.description());
        }
      }
      if (!missing.isEmpty()) {
        throw new PropertyFailure(
            String.format(
                "%s: coverage requirement%s not met in %d tries: %s%nThe generators never tried"
                    + " what the property requires; statistics:%n%s",
                label,
                missing.size() > 1 ? "s" : "",
                total,
                String.join("; ", missing),
                stats.table()),
            null);
      }
    }
    if (Boolean.getBoolean(STATS_PROPERTY)) {
      System.out.printf(
          "%s: %s, %d ms, seed %d%n",
          label, stats.table(), (System.nanoTime() - start) / 1_000_000, base);
    }
  }

  private PropertyFailure report(
      String label, int tryNumber, int total, long trySeed, Result first, Coverage.Stats stats) {
    Class<?> kind = first.failure().getClass();
    Shrinker shrinker =
        new Shrinker(
            first.tape(),
            values -> {
              Result r = run(Choices.replay(new Tape(values, List.of())));
              return r.failure() != null && r.failure().getClass() == kind ? r.tape() : null;
            },
            maxShrinkRuns,
            shrinkBudget.toNanos());
    Tape shrunk = shrinker.shrink();
    Result last = run(Choices.replay(shrunk));
    if (last.failure() == null || last.failure().getClass() != kind) {
      last = first; // a flaky case: report it as found
    }
    String message =
        String.format(
            "%s failed on try %d of %d.%n"
                + "Seed: %d (replay exactly this case with -D%s=%d -Dtest=%s)%n"
                + "Shrunk in %d runs, from%n%s%nto%n%s%n"
                + "Failure: %s%n"
                + "Statistics of the tries so far: %s",
            label,
            tryNumber,
            total,
            trySeed,
            SEED_PROPERTY,
            trySeed,
            label,
            shrinker.runs(),
            indent(first.description()),
            indent(last.description()),
            last.failure(),
            stats.table());
    return new PropertyFailure(message, last.failure(), trySeed, last.description());
  }

  private static String indent(String text) {
    return "    " + text.replace("\n", "\n    ");
  }

  /**
   * Returns {@code Class#method} of the JUnit test method on the calling thread's stack, or else of
   * the first caller outside this package.
   */
  static String caller() {
    List<StackWalker.StackFrame> frames =
        StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
            .walk(
                s ->
                    s.filter(f -> !Property.class.isAssignableFrom(f.getDeclaringClass()))
                        .toList());
    for (StackWalker.StackFrame f : frames) {
      if (isTestMethod(f)) {
        return label(f);
      }
    }
    return frames.isEmpty() ? "property" : label(frames.get(0));
  }

  private static boolean isTestMethod(StackWalker.StackFrame f) {
    try {
      java.lang.reflect.Method m =
          f.getDeclaringClass()
              .getDeclaredMethod(f.getMethodName(), f.getMethodType().parameterArray());
      for (java.lang.annotation.Annotation a : m.getAnnotations()) {
        if (a.annotationType().getName().startsWith("org.junit.jupiter.")) {
          return true;
        }
      }
      return false;
    } catch (NoSuchMethodException | SecurityException e) {
      return false;
    }
  }

  private static String label(StackWalker.StackFrame f) {
    String cls = f.getClassName();
    return cls.substring(cls.lastIndexOf('.') + 1) + "#" + f.getMethodName();
  }
}
