package org.jvfs.bench;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where the runner tells how far it is: making the tree, then the warm-up and measured rounds. A
 * command line shows it as lines ({@link #lines}) or as a bar; a test may ignore it ({@link
 * #NONE}).
 *
 * <p>Calls come from the thread that runs the workload, one at a time.
 */
@FunctionalInterface
public interface Progress {
  /** Ignores every update. */
  Progress NONE = (stage, done, total) -> {};

  /**
   * Reports that {@code done} of {@code total} steps of the whole job are done, in {@code stage}
   * (such as {@code "tree /tmp/t: 10000 files of 4096 bytes"} or {@code "round 2/7"}). A stage's
   * first update comes before its first step. Calls with an equal stage string are frequent (one
   * per file of the tree); implementations draw no more often than they like.
   *
   * @param stage what is being done now, for people
   * @param done steps done, from 0 to {@code total}
   * @param total steps of the job this stage belongs to
   */
  void update(String stage, long done, long total);

  /**
   * Returns a progress that prints each new stage on a line of its own, as the runner's command
   * line has always done.
   *
   * @param out where the lines go
   */
  static Progress lines(PrintStream out) {
    Objects.requireNonNull(out, "out");
    return new Progress() {
      private String last = "";

      @Override
      public void update(String stage, long done, long total) {
        if (!stage.equals(last)) {
          last = stage;
          out.println(stage);
        }
      }
    };
  }
}
