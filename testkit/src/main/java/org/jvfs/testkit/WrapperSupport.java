package org.jvfs.testkit;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jvfs.spi.Capability;

/** What the kit's backend wrappers share. Stateless; thread-safe. */
final class WrapperSupport {
  private WrapperSupport() {}

  /**
   * Returns a copy of {@code capabilities} without {@code hidden}, for a wrapper that cannot keep
   * the promise they make.
   */
  static Set<Capability> without(Set<Capability> capabilities, Capability... hidden) {
    Set<Capability> caps = EnumSet.noneOf(Capability.class);
    caps.addAll(capabilities);
    caps.removeAll(Set.of(hidden));
    return caps;
  }

  /**
   * Completes {@code out} like {@code stage}, with its value or its failure, once {@code stage}
   * completes: from a task given to {@code executor}, or on the completing thread if the executor
   * rejects the task (it has shut down), so that {@code out} is never left pending.
   */
  static <T> void relay(CompletionStage<T> stage, CompletableFuture<T> out, Executor executor) {
    stage.whenComplete(
        (value, error) -> {
          Runnable task =
              () -> {
                if (error != null) {
                  out.completeExceptionally(error);
                } else {
                  out.complete(value);
                }
              };
          try {
            executor.execute(task);
          } catch (RejectedExecutionException e) {
            task.run();
          }
        });
  }
}
