package org.jvfs;

/** What happens to an operation when a backend already has its bound of operations in flight. */
public enum Saturation {
  /** The calling thread waits for a slot (backpressure). */
  WAIT,
  /** The operation fails at once with {@link java.util.concurrent.RejectedExecutionException}. */
  FAIL
}
