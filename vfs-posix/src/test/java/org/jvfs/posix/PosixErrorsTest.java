package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;

/** {@link PosixErrors}: a wrapper's -errno becomes the SPI's errno, unknown ones EIO. */
class PosixErrorsTest {

  @Test
  void knownErrno_keepsItsCode() {
    assertThat(PosixErrors.of(-Linux.ENOENT).errno()).isEqualTo(Errno.ENOENT);
    assertThat(PosixErrors.of(-Linux.EEXIST).errno()).isEqualTo(Errno.EEXIST);
    assertThat(PosixErrors.of(-Errno.ELOOP.code()).errno()).isEqualTo(Errno.ELOOP);
  }

  @Test
  void unknownErrno_isEioNamingTheNumber() {
    int unknown = 4000;
    assertThat(Errno.of(unknown)).isNull();
    BackendException e = PosixErrors.of(-unknown);
    assertThat(e.errno()).isEqualTo(Errno.EIO);
    assertThat(e.getMessage()).contains("errno 4000");
  }

  @Test
  void check_passesResultsThrough() throws Exception {
    assertThat(PosixErrors.check(0)).isZero();
    assertThat(PosixErrors.check(42)).isEqualTo(42);
    assertThat(PosixErrors.check(1L << 40)).isEqualTo(1L << 40);
  }

  @Test
  void check_throwsForNegative() {
    assertThatThrownBy(() -> PosixErrors.check(-Errno.ENOTDIR.code()))
        .isInstanceOfSatisfying(
            BackendException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOTDIR));
    assertThatThrownBy(() -> PosixErrors.check((long) -Errno.EISDIR.code()))
        .isInstanceOfSatisfying(
            BackendException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EISDIR));
  }
}
