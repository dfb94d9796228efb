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
 * choice (to zero, else by bisection), and starts over while anything got simpler. A candidate is
 * kept if its case still fails with the same class of exception and its recorded tape is simpler
 * (see {@link Tape#simplerThan}). Stops at a fixed point or when its budget of runs or time is
 * spent. Not thread-safe.
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
    }
    return best;
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
