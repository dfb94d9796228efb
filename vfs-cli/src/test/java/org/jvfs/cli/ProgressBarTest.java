package org.jvfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void render_labelBarAndPercent() {
    assertThat(ProgressBar.render("round 1/2", 1, 4))
        .matches("round 1/2 +\\[#######\\.{23}\\]  25%");
    assertThat(ProgressBar.render("x".repeat(60), 4, 4)).startsWith("…").endsWith("] 100%");
  }

  @Test
  void update_redrawsOnlyWhenThePercentOrStageChanges_thenClears() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    for (int i = 0; i <= 10_000; i++) {
      bar.update("tree", i, 10_000);
    }
    bar.update("round 1/1", 0, 1);
    String drawn = bytes.toString(StandardCharsets.UTF_8);
    assertThat(drawn.chars().filter(c -> c == '\r').count()).isEqualTo(102);
    bar.clear();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("\r").doesNotContain("\n");
  }
}
