package org.jvfs.testkit.property;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of values of type {@code T}, drawing every random decision from {@link Choices}.
 *
 * <p>A generator must be deterministic in its choices: the same choices give an equal value. It
 * must not keep state between calls, nor use any other source of randomness; then a seed replays a
 * case exactly and the shrinker can simplify a case by simplifying its choices. The generators here
 * shrink towards the first option of {@link #of}, {@link #oneOf} and {@link #frequency}, the lower
 * end of a range, {@code false}, and shorter lists; write your own in the same spirit (list the
 * simplest option first).
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface Gen<T> {

  /** How often a filter may refuse in a row before the case is given up. */
  int MAX_FILTER_TRIES = 100;

  /** Returns the next value, drawn from {@code choices}. */
  T next(Choices choices);

  /** Returns a generator of {@code mapper} applied to this one's values. */
  default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
    checkNotNull(mapper, "mapper");
    return c -> mapper.apply(next(c));
  }

  /** Returns a generator that draws a value, then draws from the generator it maps to. */
  default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> mapper) {
    checkNotNull(mapper, "mapper");
    return c -> mapper.apply(next(c)).next(c);
  }

  /**
   * Returns a generator of this one's values that {@code keep} accepts. It draws again on a
   * refusal, at most {@link #MAX_FILTER_TRIES} times, then gives the case up ({@link
   * Choices.Overrun}): keep filters for values that are common.
   */
  default Gen<T> filter(Predicate<? super T> keep) {
    checkNotNull(keep, "keep");
    return c -> {
      for (int i = 0; i < MAX_FILTER_TRIES; i++) {
        T v = next(c);
        if (keep.test(v)) {
          return v;
        }
      }
      throw new Choices.Overrun("a filter refused " + MAX_FILTER_TRIES + " values in a row");
    };
  }

  /**
   * Returns a generator of lists of {@code min} to {@code max} of this one's values, of a length
   * chosen uniformly. Each element past the {@code min}th is a span, so shrinking deletes elements.
   *
   * @throws IllegalArgumentException if {@code min} is negative or above {@code max}
   */
  default Gen<List<T>> list(int min, int max) {
    checkArgument(min >= 0 && min <= max, "sizes [%s, %s] are not a range", min, max);
    return c -> {
      List<T> out = new ArrayList<>();
      for (int i = 0; i < min; i++) {
        out.add(next(c));
      }
      int[] target = {-1};
      while (out.size() < max) {
        c.beginSpan();
        long more =
            c.draw(
                2,
                r -> {
                  if (target[0] < 0) {
                    target[0] = min + r.nextInt(max - min + 1);
                  }
                  return out.size() < target[0] ? 1 : 0;
                });
        if (more == 0) {
          c.endSpan();
          break;
        }
        out.add(next(c));
        c.endSpan();
      }
      return out;
    };
  }

  /** Returns a generator of {@code value} alone; it draws nothing. */
  static <T> Gen<T> constant(T value) {
    return c -> value;
  }

  /**
   * Returns a generator of one of {@code values}, uniformly; shrinks towards the first.
   *
   * @throws IllegalArgumentException if there are none
   */
  @SafeVarargs
  static <T> Gen<T> of(T... values) {
    return of(Arrays.asList(values));
  }

  /**
   * Returns a generator of one of {@code values}, uniformly; shrinks towards the first.
   *
   * @throws IllegalArgumentException if there are none
   */
  static <T> Gen<T> of(List<T> values) {
    List<T> copy = List.copyOf(values);
    checkArgument(!copy.isEmpty(), "no values");
    return c -> copy.get((int) c.draw(copy.size()));
  }

  /**
   * Returns a generator that draws from one of {@code gens}, chosen uniformly; shrinks towards the
   * first.
   */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Weighted<? extends T>> options = new ArrayList<>();
    for (Gen<? extends T> g : gens) {
      options.add(weight(1, g));
    }
    return frequency(options);
  }

  /** Returns {@code gen} with a weight, for {@link #frequency}. */
  static <T> Weighted<T> weight(int weight, Gen<T> gen) {
    return new Weighted<>(weight, gen);
  }

  /** Returns {@code value} with a weight, for {@link #frequency}. */
  static <T> Weighted<T> weight(int weight, T value) {
    return new Weighted<>(weight, constant(value));
  }

  /**
   * Returns a generator that draws from one of {@code options}, each chosen in proportion to its
   * weight; shrinks towards the first.
   */
  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<? extends T>... options) {
    return frequency(Arrays.asList(options));
  }

  /**
   * Returns a generator that draws from one of {@code options}, each chosen in proportion to its
   * weight; shrinks towards the first.
   *
   * @throws IllegalArgumentException if there are none
   */
  static <T> Gen<T> frequency(List<? extends Weighted<? extends T>> options) {
    List<Weighted<? extends T>> copy = List.copyOf(options);
    checkArgument(!copy.isEmpty(), "no options");
    long total = 0;
    for (Weighted<? extends T> w : copy) {
      total += w.weight();
    }
    long sum = total;
    return c -> {
      long x = c.draw(sum);
      for (Weighted<? extends T> w : copy) {
        if (x < w.weight()) {
          return w.gen().next(c);
        }
        x -= w.weight();
      }
      throw new AssertionError("unreachable");
    };
  }

  /**
   * Returns a generator of ints in {@code [min, max]}, uniformly; shrinks towards {@code min}.
   *
   * @throws IllegalArgumentException if {@code min > max}
   */
  static Gen<Integer> ints(int min, int max) {
    checkArgument(min <= max, "min (%s) above max (%s)", min, max);
    long bound = (long) max - min + 1;
    return c -> (int) (min + c.draw(bound));
  }

  /**
   * Returns a generator of longs in {@code [min, max]}, uniformly; shrinks towards {@code min}.
   *
   * @throws IllegalArgumentException if {@code min > max} or the range holds more than {@code
   *     Long.MAX_VALUE} values
   */
  static Gen<Long> longs(long min, long max) {
    checkArgument(min <= max, "min (%s) above max (%s)", min, max);
    long bound = max - min + 1;
    checkArgument(bound > 0, "range [%s, %s] too wide", min, max);
    return c -> min + c.draw(bound);
  }

  /** Returns a generator of booleans; shrinks towards {@code false}. */
  static Gen<Boolean> booleans() {
    return c -> c.draw(2) == 1;
  }

  /**
   * Returns a generator of byte arrays of {@code minLength} to {@code maxLength} bytes, each in
   * {@code [min, max]}; shrinks towards shorter arrays of {@code min}.
   */
  static Gen<byte[]> bytes(byte min, byte max, int minLength, int maxLength) {
    Gen<Byte> one = ints(min, max).map(Integer::byteValue);
    return one.list(minLength, maxLength)
        .map(
            l -> {
              byte[] out = new byte[l.size()];
              for (int i = 0; i < out.length; i++) {
                out[i] = l.get(i);
              }
              return out;
            });
  }

  /** Returns a generator that draws from {@code a}, then {@code b}, and combines the two. */
  static <A, B, R> Gen<R> combine(
      Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
    checkNotNull(f, "f");
    return c -> {
      A x = a.next(c);
      return f.apply(x, b.next(c));
    };
  }

  /**
   * Returns a generator that draws from {@code a}, {@code b}, then {@code c}, and combines them.
   */
  static <A, B, C, R> Gen<R> combine(
      Gen<A> a, Gen<B> b, Gen<C> c, Function3<? super A, ? super B, ? super C, ? extends R> f) {
    checkNotNull(f, "f");
    return in -> {
      A x = a.next(in);
      B y = b.next(in);
      return f.apply(x, y, c.next(in));
    };
  }

  /**
   * Returns a generator of lists with one value from each of {@code gens}, drawn in order (a list
   * of generators made one generator).
   */
  static <T> Gen<List<T>> sequence(List<? extends Gen<? extends T>> gens) {
    List<Gen<? extends T>> copy = List.copyOf(gens);
    return c -> {
      List<T> out = new ArrayList<>(copy.size());
      for (Gen<? extends T> g : copy) {
        out.add(g.next(c));
      }
      return out;
    };
  }

  /**
   * A generator with a weight, for {@link #frequency}.
   *
   * @param weight how often, relative to the other options (positive)
   * @param gen the generator
   * @param <T> the type of the values
   */
  record Weighted<T>(int weight, Gen<T> gen) {
    /** Checks the components. */
    public Weighted {
      checkArgument(weight > 0, "weight (%s) must be positive", weight);
      checkNotNull(gen, "gen");
    }
  }

  /**
   * A function of three arguments, for {@link #combine(Gen, Gen, Gen, Function3)}.
   *
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @param <R> the result's type
   */
  @FunctionalInterface
  interface Function3<A, B, C, R> {
    /** Returns the result for the three arguments. */
    R apply(A a, B b, C c);
  }
}
