package org.jvfs.aio.ring;

import java.util.concurrent.atomic.LongAdder;

/** A ring's event counters ({@link Ring.Stats} is their snapshot). Thread-safe. */
final class RingCounters {
  static final int EINTR = 4;
  static final int EAGAIN = 11;
  static final int EBUSY = 16;

  final LongAdder enterCalls = new LongAdder();
  final LongAdder sqesSubmitted = new LongAdder();
  final LongAdder eintr = new LongAdder();
  final LongAdder eagain = new LongAdder();
  final LongAdder ebusy = new LongAdder();
  final LongAdder overflowFlushes = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder completions = new LongAdder();
  final LongAdder enterErrors = new LongAdder();

  /** Counts a failed io_uring_enter by its errno; nothing for a result {@code >= 0}. */
  void countEnterError(int r) {
    if (r >= 0) {
      return;
    }
    switch (-r) {
      case EINTR -> eintr.increment();
      case EAGAIN -> eagain.increment();
      case EBUSY -> ebusy.increment();
      default -> enterErrors.increment();
    }
  }

  Ring.Stats snapshot(CompletionTable table, int abandonedAtClose) {
    return new Ring.Stats(
        enterCalls.sum(),
        sqesSubmitted.sum(),
        eintr.sum(),
        eagain.sum(),
        ebusy.sum(),
        overflowFlushes.sum(),
        table.staleCqes(),
        duplicates.sum(),
        completions.sum(),
        enterErrors.sum(),
        table.maxInFlight(),
        abandonedAtClose);
  }
}
