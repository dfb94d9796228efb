package org.jvfs.memory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when told to. Thread-safe. */
final class TestClock implements InstantSource {
  static final Instant START = Instant.parse("2024-05-06T07:08:09.000000001Z");

  private volatile Instant now = START;

  @Override
  public Instant instant() {
    return now;
  }

  /** Moves the clock forward and returns the new time. */
  Instant advance(Duration d) {
    now = now.plus(d);
    return now;
  }
}
