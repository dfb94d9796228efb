package org.jvfs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MountSpecTest {
  @Test
  void parse_everyForm() {
    assertThat(MountSpec.parse("memory")).isEqualTo(new MountSpec(MountSpec.Kind.MEMORY, null));
    assertThat(MountSpec.parse("posix:/tmp/x"))
        .isEqualTo(new MountSpec(MountSpec.Kind.POSIX, Path.of("/tmp/x")));
    assertThat(MountSpec.parse("aio:rel"))
        .isEqualTo(new MountSpec(MountSpec.Kind.AIO, Path.of("rel")));
    assertThat(MountSpec.parse("auto:/a:b").dir()).isEqualTo(Path.of("/a:b"));
    assertThat(MountSpec.parse("posix:/tmp/x")).hasToString("posix:/tmp/x");
  }

  @Test
  void parse_bad_namesTheSpecAndTheForms() {
    for (String bad : new String[] {"", "mem", "memory:/x", "posix", "nfs:/x", ":x"}) {
      assertThatThrownBy(() -> MountSpec.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("unknown mount spec '" + bad + "'; accepted: " + MountSpec.FORMS);
    }
    assertThatThrownBy(() -> MountSpec.parse("auto:"))
        .hasMessage("mount spec 'auto:' names no directory; accepted: " + MountSpec.FORMS);
    assertThatThrownBy(() -> MountSpec.parse("posix:/a\0b"))
        .hasMessageStartingWith("mount spec 'posix:/a\0b': bad directory path: ");
  }
}
