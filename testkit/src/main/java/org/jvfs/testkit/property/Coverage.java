package org.jvfs.testkit.property;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Coverage statistics: labels that a property's body records while it runs (an operation's kind and
 * outcome, a branch taken), counted over the property's tries, and requirements on them that fail
 * the property when the generators did not try what it needs.
 *
 * <p>Require what must have been <em>tried</em> (a hard link, a rename over an existing target, a
 * path with {@code ..}), not what must have succeeded by chance: a requirement should fail only
 * when the generators drift, never because of a lucky or unlucky seed.
 *
 * <p>{@link #record} counts into the property that runs on the calling thread; called from any
 * other thread, or outside a property (a regression test reusing a property's steps), it does
 * nothing. Cases replayed while shrinking are not counted.
 */
public final class Coverage {
  private static final ThreadLocal<@Nullable Collector> CURRENT = new ThreadLocal<>();

  private Coverage() {}

  /** Records {@code label} once for the running try of the property on this thread. */
  public static void record(String label) {
    checkNotNull(label, "label");
    Collector c = CURRENT.get();
    if (c != null) {
      c.record(label);
    }
  }

  /** Runs {@code body} with {@link #record} counting into {@code collector} (or nothing). */
  static void with(@Nullable Collector collector, Runnable body) {
    Collector before = CURRENT.get();
    CURRENT.set(collector);
    try {
      body.run();
    } finally {
      CURRENT.set(before);
    }
  }

  /** A requirement that {@code label} was recorded in at least one try. */
  public static Requirement tried(String label) {
    checkNotNull(label, "label");
    return new Requirement("'" + label + "' recorded", s -> s.count(label) > 0);
  }

  /**
   * A requirement that some label {@code matching} accepts was recorded in at least one try; {@code
   * description} names it in the failure message.
   */
  public static Requirement triedAny(String description, Predicate<String> matching) {
    checkNotNull(matching, "matching");
    return new Requirement(
        description, s -> s.labels().stream().anyMatch(l -> matching.test(l) && s.count(l) > 0));
  }

  /**
   * A requirement that {@code label} was recorded in more than {@code percent} percent of the
   * tries.
   */
  public static Requirement inMoreThan(double percent, String label) {
    checkArgument(percent >= 0 && percent < 100, "percent (%s) not in [0, 100)", percent);
    return new Requirement(
        "'" + label + "' in more than " + percent + "% of tries",
        s -> s.tries() > 0 && s.triesWith(label) * 100.0 / s.tries() > percent);
  }

  /**
   * A coverage requirement, checked once after all tries passed.
   *
   * @param description what it requires, for the failure message
   * @param check true if the statistics meet it
   */
  public record Requirement(String description, Predicate<Stats> check) {
    /** Checks the components. */
    public Requirement {
      checkNotNull(description, "description");
      checkNotNull(check, "check");
    }
  }

  /**
   * The statistics of a property's tries. Immutable.
   *
   * @param tries how many tries ran
   * @param counts how often each label was recorded, over all tries
   * @param tryCounts in how many tries each label was recorded
   */
  public record Stats(int tries, Map<String, Long> counts, Map<String, Integer> tryCounts) {
    /** Copies the maps. */
    public Stats {
      counts = Map.copyOf(counts);
      tryCounts = Map.copyOf(tryCounts);
    }

    /** Returns the labels recorded. */
    public Set<String> labels() {
      return counts.keySet();
    }

    /** Returns how often {@code label} was recorded. */
    public long count(String label) {
      return counts.getOrDefault(label, 0L);
    }

    /** Returns in how many tries {@code label} was recorded. */
    public int triesWith(String label) {
      return tryCounts.getOrDefault(label, 0);
    }

    /** Returns the statistics as a table, one label a line, sorted. */
    public String table() {
      StringBuilder b = new StringBuilder();
      b.append(tries).append(" tries");
      long total = 0;
      for (long n : counts.values()) {
        total += n;
      }
      for (Map.Entry<String, Long> e : new TreeMap<>(counts).entrySet()) {
        b.append(
            String.format(
                "%n  %-32s %8d  %5.1f%%  in %d tries",
                e.getKey(),
                e.getValue(),
                e.getValue() * 100.0 / Math.max(1, total),
                triesWith(e.getKey())));
      }
      return b.toString();
    }
  }

  /** Counts labels over the tries of one property run. Thread-confined. */
  static final class Collector {
    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Integer> tryCounts = new TreeMap<>();
    private final Set<String> thisTry = new HashSet<>();
    private int tries;

    void record(String label) {
      counts.merge(label, 1L, Long::sum);
      thisTry.add(label);
    }

    /** Ends one try. */
    void endTry() {
      for (String l : thisTry) {
        tryCounts.merge(l, 1, Integer::sum);
      }
      thisTry.clear();
      tries++;
    }

    Stats stats() {
      return new Stats(tries, counts, tryCounts);
    }
  }
}
