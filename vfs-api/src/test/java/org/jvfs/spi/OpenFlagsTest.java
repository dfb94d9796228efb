package org.jvfs.spi;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.OpenOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenFlagsTest {
  @Test
  void from_none_isRead() {
    assertThat(OpenFlags.from(Set.of())).isEqualTo(OpenFlags.READ);
  }

  @Test
  void from_createWithoutWrite_isIgnored() {
    OpenFlags f = OpenFlags.from(Set.of(CREATE, TRUNCATE_EXISTING));
    assertThat(f.read()).isTrue();
    assertThat(f.creates()).isFalse();
    assertThat(f.truncate()).isFalse();
  }

  @Test
  void from_append_impliesWrite() {
    OpenFlags f = OpenFlags.from(Set.of(APPEND, CREATE));
    assertThat(f.write()).isTrue();
    assertThat(f.append()).isTrue();
    assertThat(f.create()).isTrue();
  }

  @Test
  void from_createNew_winsOverCreate() {
    OpenFlags f = OpenFlags.from(Set.of(WRITE, CREATE, CREATE_NEW));
    assertThat(f.createNew()).isTrue();
    assertThat(f.create()).isFalse();
  }

  @Test
  void from_contradictions_areRefusedAsTheJdkDoes() {
    assertThatThrownBy(() -> OpenFlags.from(Set.of(READ, APPEND)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OpenFlags.from(Set.of(APPEND, TRUNCATE_EXISTING)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OpenFlags.from(Set.of(new OpenOption() {})))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
