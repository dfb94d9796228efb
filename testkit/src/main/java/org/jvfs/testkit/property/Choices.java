package org.jvfs.testkit.property;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The source every {@link Gen} draws from: a sequence of choices, each a number below a bound.
 *
 * <p>A test case is fully described by the choices it drew (its {@link Tape}). When a case is
 * generated, the choices come from a seeded random source and are recorded; when a case is replayed
 * (to shrink it), they come from a recorded tape, so that changing the tape changes the case in
 * step: deleting a span of choices deletes the list element or the action drawn from it, and
 * lowering a choice simplifies the value drawn from it. Generators are written so that a lower
 * choice is a simpler value (the first option, the lower end of a range, an empty list).
 *
 * <p>A replay that runs past the end of its tape draws zeros, the simplest choices; a recorded
 * value at or above the bound of the draw that reads it is lowered to the largest allowed one.
 *
 * <p>Not thread-safe: one test case, one thread.
 */
public final class Choices {
  /** More draws than this in one case means a generator that never ends. */
  static final int MAX_DRAWS = 1 << 20;

  private final @Nullable SplittableRandom random;
  private final long[] prefix;
  private long[] values = new long[64];
  private long[] bounds = new long[64];
  private int size;
  private final List<Tape.Span> spans = new ArrayList<>();
  private final List<Integer> open = new ArrayList<>();

  private Choices(@Nullable SplittableRandom random, long[] prefix) {
    this.random = random;
    this.prefix = prefix;
  }

  /** Returns choices drawn at random from {@code seed}, recorded as they are drawn. */
  static Choices generate(long seed) {
    return new Choices(new SplittableRandom(seed), new long[0]);
  }

  /** Returns choices read from {@code tape}, then zeros. */
  static Choices replay(Tape tape) {
    return new Choices(null, tape.values());
  }

  /** Returns true while generating at random, false while replaying a tape. */
  public boolean generating() {
    return random != null;
  }

  /**
   * Returns the next choice, in {@code [0, bound)}: uniform when generating, the tape's value when
   * replaying.
   *
   * @throws IllegalArgumentException if {@code bound} is not positive
   */
  public long draw(long bound) {
    return draw(bound, r -> r.nextLong(bound));
  }

  /**
   * Returns the next choice, in {@code [0, bound)}; when generating, {@code pick} chooses it from
   * the random source (and may prefer some values), when replaying the tape does. A value {@code
   * pick} returns outside the range is an error.
   *
   * @throws IllegalArgumentException if {@code bound} is not positive or {@code pick} answers
   *     outside {@code [0, bound)}
   */
  public long draw(long bound, ToLongFunction<SplittableRandom> pick) {
    checkArgument(bound > 0, "bound (%s) must be positive", bound);
    if (size >= MAX_DRAWS) {
      throw new Overrun("a generator drew more than " + MAX_DRAWS + " choices for one case");
    }
    long v;
    if (random != null) {
      v = pick.applyAsLong(random);
      checkArgument(v >= 0 && v < bound, "picked %s outside [0, %s)", v, bound);
    } else {
      v = size < prefix.length ? Math.min(prefix[size], bound - 1) : 0;
    }
    if (size == values.length) {
      values = java.util.Arrays.copyOf(values, size * 2);
      bounds = java.util.Arrays.copyOf(bounds, size * 2);
    }
    bounds[size] = bound;
    values[size++] = v;
    return v;
  }

  /**
   * Returns true when replaying and every choice of the tape was read: a chain stops there. Always
   * false when generating.
   */
  public boolean exhausted() {
    return random == null && size >= prefix.length;
  }

  /**
   * Opens a span: the choices drawn until the matching {@link #endSpan()} make one unit (a list
   * element, an action) that shrinking may delete as a whole.
   */
  public void beginSpan() {
    open.add(size);
  }

  /**
   * Closes the span opened last.
   *
   * @throws IllegalStateException if no span is open
   */
  public void endSpan() {
    checkState(!open.isEmpty(), "no open span");
    int start = open.remove(open.size() - 1);
    if (size > start) {
      spans.add(new Tape.Span(start, size, open.size()));
    }
  }

  /** Returns the choices drawn so far, with their spans. */
  Tape tape() {
    return new Tape(
        java.util.Arrays.copyOf(values, size),
        java.util.Arrays.copyOf(bounds, size),
        List.copyOf(spans));
  }

  /**
   * Thrown when a case cannot be made from its choices (a filter that keeps refusing, a generator
   * that never ends). A generated case that overruns is discarded; a replayed one counts as
   * passing.
   */
  public static final class Overrun extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Makes one with {@code message}. */
    public Overrun(String message) {
      super(message, null, false, false);
    }
  }
}
