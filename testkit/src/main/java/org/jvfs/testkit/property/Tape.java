package org.jvfs.testkit.property;

import java.util.Arrays;
import java.util.List;

/**
 * The choices one test case drew, and the spans (list elements, actions) they group into. The
 * shrinker works on tapes: a tape is simpler than another if it is shorter, or as long and smaller
 * at its first difference.
 *
 * @param values the choices, in the order drawn
 * @param bounds the bound of each choice's draw (a choice is below its bound)
 * @param spans the closed spans, innermost first
 */
record Tape(long[] values, long[] bounds, List<Span> spans) {

  /** The empty tape: every draw reads zero. */
  static final Tape EMPTY = new Tape(new long[0], List.of());

  /** A tape to replay, whose bounds are not known (taken as unbounded). */
  Tape(long[] values, List<Span> spans) {
    this(values, unbounded(values.length), spans);
  }

  private static long[] unbounded(int n) {
    long[] b = new long[n];
    Arrays.fill(b, Long.MAX_VALUE);
    return b;
  }

  /**
   * One span of a tape.
   *
   * @param start the index of its first choice
   * @param end the index after its last choice
   * @param depth how many spans enclose it (0 for an action of a chain)
   */
  record Span(int start, int end, int depth) {}

  /** Returns the number of choices. */
  int length() {
    return values.length;
  }

  /**
   * Returns true if this tape is simpler than {@code other}: shorter, or lexicographically less.
   */
  boolean simplerThan(Tape other) {
    if (values.length != other.values.length) {
      return values.length < other.values.length;
    }
    return Arrays.compare(values, other.values) < 0;
  }

  /** Returns these values without {@code [start, end)}. */
  long[] without(int start, int end) {
    long[] out = new long[values.length - (end - start)];
    System.arraycopy(values, 0, out, 0, start);
    System.arraycopy(values, end, out, start, values.length - end);
    return out;
  }

  /** Returns these values with {@code [start, end)} set to zero. */
  long[] zeroed(int start, int end) {
    long[] out = values.clone();
    Arrays.fill(out, start, end, 0);
    return out;
  }

  /** Returns these values with the one at {@code index} set to {@code value}. */
  long[] with(int index, long value) {
    long[] out = values.clone();
    out[index] = value;
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tape t && Arrays.equals(t.values, values) && t.spans.equals(spans);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + spans.hashCode();
  }

  @Override
  public String toString() {
    return "Tape" + Arrays.toString(values);
  }
}
