package org.jvfs.testkit.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Shrinks a failing case by simplifying its {@link Tape}: deletes runs of actions (halving the run
 * length down to one), then single spans of any depth, then sets spans to zero, then lowers each
 * choice (to zero, else by bisection), and starts over while anything got simpler. At that fixed
 * point, a short chain gets one more pass: delete an action and change one later choice of a small
 * bound to any other value (an action that only made a file for a later one goes, and the later one
 * picks a file that already exists), starting over if that helps. A candidate is kept if its case
 * still fails with the same class of exception and its recorded tape is simpler (see {@link
 * Tape#simplerThan}). Stops at a fixed point or when its budget of runs or time is spent. Not
 * thread-safe.
 */
final class Shrinker {

  /** Runs a case from choices: returns its recorded tape if it failed like the original. */
  interface Attempt {
    /** Returns the failing case's tape, or null if it passed, overran or failed otherwise. */
    @Nullable Tape run(long[] values);
  }

  private final Attempt attempt;
  private final int maxRuns;
  private final long deadline;
  private final Set<Key> tried = new HashSet<>();
  private Tape best;
  private int runs;

  Shrinker(Tape failing, Attempt attempt, int maxRuns, long budgetNanos) {
    this.best = failing;
    this.attempt = attempt;
    this.maxRuns = maxRuns;
    this.deadline = System.nanoTime() + budgetNanos;
  }

  /** Returns the simplest failing tape found. */
  Tape shrink() {
    boolean progress = true;
    while (progress && !spent()) {
      progress = deleteActionRuns();
      progress |= eachSpan(s -> best.without(s.start(), s.end()));
      progress |= eachSpan(s -> best.zeroed(s.start(), s.end()));
      progress |= lowerChoices();
      if (!progress) {
        progress = deleteAndAdjust();
      }
    }
    return best;
  }

  /** Chains of at most this many actions get the {@link #deleteAndAdjust} pass. */
  static final int ADJUST_MAX_ACTIONS = 8;

  /** Choices whose bound is at most this are tried at every value by {@link #deleteAndAdjust}. */
  static final long ADJUST_MAX_BOUND = 16;

  /**
   * Deletes one top-level span and changes one choice after it to another value below its (small)
   * bound; keeps the first such candidate that still fails.
   */
  private boolean deleteAndAdjust() {
    List<Tape.Span> top = topLevel();
    if (top.size() > ADJUST_MAX_ACTIONS) {
      return false;
    }
    for (int i = top.size() - 1; i >= 0 && !spent(); i--) {
      Tape.Span gone = top.get(i);
      long[] values = best.without(gone.start(), gone.end());
      long[] bounds = withoutBounds(gone);
      List<Integer> small = new ArrayList<>();
      for (int j = gone.start(); j < values.length; j++) {
        if (bounds[j] <= ADJUST_MAX_BOUND) {
          small.add(j);
        }
      }
      // One choice changed, then (on the shortest chains) two.
      for (int j : small) {
        if (adjust(values, bounds, j, -1)) {
          return true;
        }
      }
      if (top.size() <= ADJUST_PAIRS_MAX_ACTIONS) {
        for (int a = 0; a < small.size(); a++) {
          for (int b = a + 1; b < small.size(); b++) {
            if (adjust(values, bounds, small.get(a), small.get(b))) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** Chains of at most this many actions also get two choices changed at once. */
  static final int ADJUST_PAIRS_MAX_ACTIONS = 5;

  /**
   * Tries {@code values} with choice {@code j} (and {@code k}, unless negative) set to every other
   * value below its bound; returns true at the first candidate that fails and is simpler.
   */
  private boolean adjust(long[] values, long[] bounds, int j, int k) {
    long kBound = k < 0 ? 1 : bounds[k];
    for (long v = 0; v < bounds[j] && !spent(); v++) {
      for (long w = 0; w < kBound && !spent(); w++) {
        if (v == values[j] || (k >= 0 && w == values[k])) {
          continue;
        }
        long[] candidate = values.clone();
        candidate[j] = v;
        if (k >= 0) {
          candidate[k] = w;
        }
        if (tryValues(candidate)) {
          return true;
        }
      }
    }
    return false;
  }

  private long[] withoutBounds(Tape.Span gone) {
    long[] b = best.bounds();
    long[] out = new long[b.length - (gone.end() - gone.start())];
    System.arraycopy(b, 0, out, 0, gone.start());
    System.arraycopy(b, gone.end(), out, gone.start(), b.length - gone.end());
    return out;
  }

  /** Returns how many cases the shrinker ran. */
  int runs() {
    return runs;
  }

  private boolean spent() {
    return runs >= maxRuns || System.nanoTime() - deadline > 0;
  }

  /** Tries {@code values}; keeps them (as recorded) if the case fails and is simpler. */
  private boolean tryValues(long[] values) {
    if (spent() || !tried.add(new Key(values))) {
      return false;
    }
    runs++;
    Tape t = attempt.run(values);
    if (t != null && t.simplerThan(best)) {
      best = t;
      return true;
    }
    return false;
  }

  /** Deletes runs of consecutive top-level spans (a chain's actions), longest runs first. */
  private boolean deleteActionRuns() {
    boolean progress = false;
    for (int k = Math.max(1, topLevel().size() / 2); k >= 1; k /= 2) {
      List<Tape.Span> top = topLevel();
      for (int j = top.size() - k; j >= 0 && !spent(); j--) {
        if (j + k > top.size()) {
          continue;
        }
        if (tryValues(best.without(top.get(j).start(), top.get(j + k - 1).end()))) {
          progress = true;
          top = topLevel();
        }
      }
      if (k == 1) {
        break;
      }
    }
    return progress;
  }

  private List<Tape.Span> topLevel() {
    List<Tape.Span> out = new ArrayList<>();
    for (Tape.Span s : best.spans()) {
      if (s.depth() == 0) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparingInt(Tape.Span::start));
    return out;
  }

  /** Tries {@code change} on every span of the current tape, from the last one back. */
  private boolean eachSpan(Function<Tape.Span, long[]> change) {
    boolean progress = false;
    List<Tape.Span> spans = sortedSpans();
    for (int i = spans.size() - 1; i >= 0 && !spent(); i--) {
      if (tryValues(change.apply(spans.get(i)))) {
        progress = true;
        spans = sortedSpans();
        i = Math.min(i, spans.size());
      }
    }
    return progress;
  }

  private List<Tape.Span> sortedSpans() {
    List<Tape.Span> spans = new ArrayList<>(best.spans());
    spans.sort(Comparator.comparingInt(Tape.Span::start).thenComparingInt(Tape.Span::end));
    return spans;
  }

  /** Lowers each choice: to zero if the case still fails, else to the lowest that fails. */
  private boolean lowerChoices() {
    boolean progress = false;
    for (int i = best.length() - 1; i >= 0 && !spent(); i--) {
      if (i >= best.length()) {
        continue;
      }
      long v = best.values()[i];
      if (v == 0) {
        continue;
      }
      if (tryValues(best.with(i, 0))) {
        progress = true;
        continue;
      }
      // Bisection between a value that passes (lo) and one that fails (hi).
      long lo = 0;
      long hi = v;
      while (hi - lo > 1 && !spent() && i < best.length() && best.values()[i] == hi) {
        long mid = lo + (hi - lo) / 2;
        if (tryValues(best.with(i, mid))) {
          progress = true;
          hi = mid;
        } else {
          lo = mid;
        }
      }
    }
    return progress;
  }

  /** A tape's values as a set key. */
  private record Key(long[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(k.values, values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }
}
