package org.jvfs.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.jvfs.bench.Progress;

/**
 * A progress bar on one terminal line, redrawn in place with a carriage return: {@code round 2/7
 * [########............] 40%}. It redraws when the stage or the whole percent changes, so a tree of
 * a million files costs a hundred redraws per stage, not a million.
 *
 * <p>Not thread-safe; the runner calls it from one thread.
 */
final class ProgressBar implements Progress {
  private static final int WIDTH = 30;
  private static final int LABEL = 44;

  private final PrintStream err;
  private String stage = "";
  private int percent = -1;
  private int drawn;

  ProgressBar(PrintStream err) {
    this.err = err;
  }

  @Override
  public void update(String stage, long done, long total) {
    int p = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    if (p == percent && stage.equals(this.stage)) {
      return;
    }
    this.stage = stage;
    this.percent = p;
    String line = render(stage, done, total);
    StringBuilder sb = new StringBuilder("\r").append(line);
    for (int i = line.length(); i < drawn; i++) {
      sb.append(' ');
    }
    drawn = line.length();
    err.print(sb);
    err.flush();
  }

  /** Clears the bar's line, so that what is printed next starts on a clean one. */
  void clear() {
    if (drawn > 0) {
      err.print("\r" + " ".repeat(drawn) + "\r");
      err.flush();
      drawn = 0;
    }
  }

  /** Returns the bar's text for a stage and its steps: label, bar, percent. */
  static String render(String stage, long done, long total) {
    int p = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    int filled = p * WIDTH / 100;
    String label =
        stage.length() > LABEL ? "…" + stage.substring(stage.length() - LABEL + 1) : stage;
    return String.format(
        Locale.ROOT,
        "%-" + LABEL + "s [%s%s] %3d%%",
        label,
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        p);
  }
}
