package org.jvfs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void lines_printEachStageOnce() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = Progress.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    p.update("tree", 0, 2);
    p.update("tree", 1, 2);
    p.update("round 1/1", 0, 1);
    p.update("round 1/1", 1, 1);
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly("tree", "round 1/1");
  }
}
