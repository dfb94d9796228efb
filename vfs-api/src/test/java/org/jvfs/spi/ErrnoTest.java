package org.jvfs.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrnoTest {
  @Test
  void of_findsLinuxNumbers() {
    assertThat(Errno.of(2)).isEqualTo(Errno.ENOENT);
    assertThat(Errno.of(39)).isEqualTo(Errno.ENOTEMPTY);
    assertThat(Errno.of(40)).isEqualTo(Errno.ELOOP);
    assertThat(Errno.of(9999)).isNull();
  }

  @Test
  void codes_areUnique() {
    assertThat(java.util.Arrays.stream(Errno.values()).mapToInt(Errno::code).distinct().count())
        .isEqualTo(Errno.values().length);
  }

  @Test
  void backendException_carriesErrnoAndNoStack() {
    BackendException e = new BackendException(Errno.EIO);
    assertThat(e.errno()).isEqualTo(Errno.EIO);
    assertThat(e).hasMessage("Input/output error");
    assertThat(e.getStackTrace()).isEmpty();
  }
}
