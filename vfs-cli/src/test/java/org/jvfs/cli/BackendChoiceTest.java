package org.jvfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackendChoiceTest {
  @Test
  void auto_isPosixWhileNoAioBackendExists() {
    assertThat(BackendChoice.provider("aio")).isEmpty();
    assertThat(BackendChoice.auto())
        .isEqualTo(
            new BackendChoice(
                "posix",
                "no aio backend exists yet (vfs-aio has the io_uring ring engine only), so posix"));
  }

  @Test
  void provider_findsTheInstalledBackends() {
    assertThat(BackendChoice.provider("posix")).isPresent();
    assertThat(BackendChoice.provider("memory")).isPresent();
  }
}
