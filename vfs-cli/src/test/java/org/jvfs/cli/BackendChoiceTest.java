package org.jvfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.jvfs.aio.ring.UringProbe;

class BackendChoiceTest {
  @Test
  void auto_isAioWhereIoUringIsAvailable_elsePosix() {
    assertThat(BackendChoice.provider("aio")).isPresent();
    UringProbe probe = UringProbe.get();
    assertThat(BackendChoice.auto())
        .isEqualTo(
            probe.isAvailable()
                ? new BackendChoice("aio", "io_uring is available and the aio backend is installed")
                : new BackendChoice("posix", "io_uring is " + probe.verdict() + ", so posix"));
  }

  @Test
  void provider_findsTheInstalledBackends() {
    assertThat(BackendChoice.provider("posix")).isPresent();
    assertThat(BackendChoice.provider("memory")).isPresent();
  }
}
