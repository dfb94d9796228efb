package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class VfsGlobTest {

  private static boolean matches(String glob, String path) {
    return path.matches(VfsGlob.toRegex(glob));
  }

  @Test
  void star_staysWithinName() {
    assertThat(matches("*.java", "A.java")).isTrue();
    assertThat(matches("*.java", "a/A.java")).isFalse();
    assertThat(matches("**.java", "a/A.java")).isTrue();
    assertThat(matches("/a/**", "/a/b/c")).isTrue();
  }

  @Test
  void questionMark_oneCharNotSlash() {
    assertThat(matches("a?c", "abc")).isTrue();
    assertThat(matches("a?c", "a/c")).isFalse();
    assertThat(matches("a?c", "ac")).isFalse();
  }

  @Test
  void brackets_classesRangesNegation() {
    assertThat(matches("[a-c]x", "bx")).isTrue();
    assertThat(matches("[a-c]x", "dx")).isFalse();
    assertThat(matches("[!a-c]x", "dx")).isTrue();
    assertThat(matches("[!a]x", "/x")).isFalse();
    assertThat(matches("[-a]", "-")).isTrue();
  }

  @Test
  void braces_alternatives() {
    assertThat(matches("*.{java,class}", "A.class")).isTrue();
    assertThat(matches("*.{java,class}", "A.txt")).isFalse();
    assertThat(matches("{a,b*}", "bcd")).isTrue();
  }

  @Test
  void regexMetacharacters_literal() {
    assertThat(matches("a.b(c)+$", "a.b(c)+$")).isTrue();
    assertThat(matches("a.b", "axb")).isFalse();
    assertThat(matches("a\\*", "a*")).isTrue();
    assertThat(matches("a\\*", "ab")).isFalse();
  }

  @Test
  void malformed_patternSyntaxException() {
    assertThatThrownBy(() -> VfsGlob.toRegex("[abc")).isInstanceOf(PatternSyntaxException.class);
    assertThatThrownBy(() -> VfsGlob.toRegex("{a,{b}}")).isInstanceOf(PatternSyntaxException.class);
    assertThatThrownBy(() -> VfsGlob.toRegex("{a")).isInstanceOf(PatternSyntaxException.class);
    assertThatThrownBy(() -> VfsGlob.toRegex("a\\")).isInstanceOf(PatternSyntaxException.class);
  }
}
