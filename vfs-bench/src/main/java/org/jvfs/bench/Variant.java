package org.jvfs.bench;

/**
 * One way of doing a workload's operations, such as {@code jdk-readAllBytes}. The runner calls
 * {@link #beforeRound()} (untimed), then times {@link #run(long[])}, once per round.
 */
public interface Variant extends AutoCloseable {

  /** Returns the variant's name, as the report shows it. */
  String name();

  /** Returns how many operations one round does; the length of the latency array it fills. */
  int operations();

  /**
   * Gets ready for a round, untimed: a variant that measures a cold cache makes a fresh one here.
   *
   * @throws Exception if it cannot
   */
  default void beforeRound() throws Exception {}

  /**
   * Does every operation once, and stores each operation's latency in nanoseconds, from its start
   * to its completion, at its index of {@code latencies}. Checks what it read, and fails if it is
   * wrong.
   *
   * @param latencies an array of {@link #operations()} entries to fill
   * @throws Exception if an operation failed or gave a wrong answer
   */
  void run(long[] latencies) throws Exception;

  /** Releases what the variant holds; by default nothing. */
  @Override
  default void close() {}
}
