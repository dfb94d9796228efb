package org.jvfs.testkit;

/** The completion executors {@link VfsConformanceKit} runs a VFS with. */
public enum CompletionMode {
  /** {@code directCompletion()}: futures complete on the thread that finished the IO. */
  DIRECT,
  /** A fixed pool of two threads, owned and shut down by the kit. */
  THREADED,
  /**
   * An executor whose {@code execute} always throws {@link
   * java.util.concurrent.RejectedExecutionException}: the VFS must still complete every future, on
   * the IO thread.
   */
  REJECTING
}
