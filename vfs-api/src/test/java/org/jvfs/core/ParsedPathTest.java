package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.InvalidPathException;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Name;

class ParsedPathTest {
  private static String show(ParsedPath p) {
    StringBuilder b = new StringBuilder();
    for (Name n : p.components()) {
      b.append('[').append(n == null ? ".." : n.toString()).append(']');
    }
    return b.toString();
  }

  @Test
  void parse_collapsesSlashesAndDropsDots() {
    assertThat(show(ParsedPath.parse("//a/./b//../c/"))).isEqualTo("[a][b][..][c]");
    assertThat(ParsedPath.parse("//a/./b//../c/").toString()).isEqualTo("//a/./b//../c/");
  }

  @Test
  void parse_rootAndEmpty_nameTheRoot() {
    assertThat(ParsedPath.parse("/").isRoot()).isTrue();
    assertThat(ParsedPath.parse("").isRoot()).isTrue();
    assertThat(ParsedPath.parse("/./.").isRoot()).isTrue();
  }

  @Test
  void parse_relative_isTakenFromTheRoot() {
    assertThat(show(ParsedPath.parse("a/b"))).isEqualTo("[a][b]");
  }

  @Test
  void parse_nul_isInvalidPath() {
    assertThatThrownBy(() -> ParsedPath.parse("/a\u0000b"))
        .isInstanceOf(InvalidPathException.class)
        .hasMessageContaining("Nul character not allowed");
  }

  @Test
  void parse_null_isNullPointer() {
    assertThatThrownBy(() -> ParsedPath.parse(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void isTooLong_byNameAndByPath() {
    assertThat(ParsedPath.parse("/" + "x".repeat(255)).isTooLong()).isFalse();
    assertThat(ParsedPath.parse("/" + "x".repeat(256)).isTooLong()).isTrue();
    assertThat(ParsedPath.parse("/a".repeat(2047)).isTooLong()).isFalse();
    assertThat(ParsedPath.parse("/a".repeat(2048)).isTooLong()).isTrue();
    // Multi-byte characters count by their UTF-8 length.
    assertThat(ParsedPath.parse("/" + "\u00e9".repeat(128)).isTooLong()).isTrue();
  }
}
