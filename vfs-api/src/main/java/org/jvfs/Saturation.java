package org.jvfs;

/**
 * What happens to an operation that needs a backend while the VFS already has its bound of
 * operations in flight ({@link Vfs.Builder#maxInFlight}). Set with {@link
 * Vfs.Builder#whenSaturated}; the default is {@link #FAIL}, which never makes a caller wait.
 */
public enum Saturation {
  /**
   * Blocking: the calling thread is parked until a slot frees (backpressure by blocking). Only for
   * callers that may block, such as a thread per request or a virtual thread; never on an event
   * loop, whose thread would stop serving everything else, nor on a thread that the operations in
   * flight need to complete (a deadlock). An operation that goes on on another thread (after a load
   * it shared) never waits: it takes a free slot or goes on without one.
   */
  WAIT,
  /**
   * The default: the operation's future fails at once with {@link
   * java.util.concurrent.RejectedExecutionException}; the caller's thread never waits. The caller
   * retries later, sheds the request, or queues it itself.
   */
  FAIL
}
