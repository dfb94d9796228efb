package org.jvfs.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.InvalidPathException;
import org.junit.jupiter.api.Test;

class NameTest {
  @Test
  void of_keepsStringAndUtf8Bytes() {
    Name n = Name.of("h\u00e9");
    assertThat(n.toString()).isEqualTo("h\u00e9");
    assertThat(n.bytes()).containsExactly('h', 0xc3, 0xa9);
    assertThat(n.byteLength()).isEqualTo(3);
  }

  @Test
  void of_badNames_areInvalidPaths() {
    assertThatThrownBy(() -> Name.of("")).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> Name.of(".")).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> Name.of("..")).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> Name.of("a/b")).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> Name.of("a\u0000b"))
        .isInstanceOf(InvalidPathException.class)
        .hasMessageContaining("Nul");
    assertThatThrownBy(() -> Name.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void isTooLong_countsBytes() {
    assertThat(Name.of("x".repeat(255)).isTooLong()).isFalse();
    assertThat(Name.of("x".repeat(256)).isTooLong()).isTrue();
    assertThat(Name.of("\u00e9".repeat(128)).isTooLong()).isTrue();
  }

  @Test
  void equalsAndCompare_byContent() {
    assertThat(Name.of("a")).isEqualTo(Name.of("a")).hasSameHashCodeAs(Name.of("a"));
    assertThat(Name.of("a")).isNotEqualTo(Name.of("b"));
    assertThat(Name.of("B").compareTo(Name.of("a"))).isNegative();
    assertThat(Name.of("\u00e9").compareTo(Name.of("z"))).isPositive();
  }

  @Test
  void of_aSurrogateNotInAPair_isAnInvalidPath_asTheJdkSays() {
    for (String s : new String[] {"a\uD800", "\uDC00b", "a\uD800b\uDC00", "\uDE00\uD83D"}) {
      assertThatThrownBy(() -> Name.of(s))
          .as("%s", s)
          .isInstanceOf(InvalidPathException.class)
          .hasMessageContaining("Malformed input or input contains unmappable characters");
    }
    Name smile = Name.of("\uD83D\uDE00");
    assertThat(smile.bytes()).containsExactly(0xf0, 0x9f, 0x98, 0x80);
  }
}
