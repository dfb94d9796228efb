package org.jvfs.posix;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs calls on a "caller's thread" of their own and waits for them to return (not for the futures
 * they return): a call that blocks its caller fails the test after a bound far above what any
 * nonblocking call takes, instead of hanging it.
 */
final class CallerThread {
  /** How long a call may take to return before it counts as blocked. */
  static final long BOUND_SECONDS = 30;

  private CallerThread() {}

  /** Runs {@code call} on a new thread named {@code caller} and returns what it returned. */
  static <T> T returns(Callable<T> call) throws Exception {
    FutureTask<T> task = new FutureTask<>(call);
    Thread t = new Thread(task, "caller");
    t.setDaemon(true);
    t.start();
    try {
      return task.get(BOUND_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      StringBuilder stack = new StringBuilder();
      for (StackTraceElement s : t.getStackTrace()) {
        stack.append("\n  at ").append(s);
      }
      return fail("the call blocked its caller's thread for %s s:%s", BOUND_SECONDS, stack);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw e;
    }
  }
}
