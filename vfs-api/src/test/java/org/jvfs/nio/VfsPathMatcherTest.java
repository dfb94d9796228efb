package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.PathMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsPathMatcherTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  @Test
  void glob_matchesWholePathString() {
    PathMatcher m = fs.getPathMatcher("glob:/a/*.txt");
    assertThat(m.matches(fs.getPath("/a/x.txt"))).isTrue();
    assertThat(m.matches(fs.getPath("/a/b/x.txt"))).isFalse();
    assertThat(m.matches(fs.getPath("x.txt"))).isFalse();
  }

  @Test
  void regex_matchesWholePathString() {
    PathMatcher m = fs.getPathMatcher("regex:.*/[0-9]+");
    assertThat(m.matches(fs.getPath("/a/123"))).isTrue();
    assertThat(m.matches(fs.getPath("/a/12b"))).isFalse();
  }

  @Test
  void syntax_caseInsensitive_unknownRejected() {
    assertThat(fs.getPathMatcher("GLOB:*").matches(fs.getPath("x"))).isTrue();
    assertThatThrownBy(() -> fs.getPathMatcher("sql:%"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> fs.getPathMatcher("*.txt"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
