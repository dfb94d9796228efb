package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link PosixOptions}: defaults, and every setter refusing bad values with a clear message. */
class PosixOptionsTest {
  private final PosixOptions.Builder b = PosixOptions.builder(Path.of("/tmp"));

  @Test
  void defaults() {
    PosixOptions o = b.build();
    assertThat(o.root()).isEqualTo(Path.of("/tmp"));
    assertThat(o.resolveMode()).as("null: openat2 where the kernel has it").isNull();
    assertThat(o.watch()).isTrue();
    assertThat(o.ioThreads()).isPositive();
    assertThat(o.probe()).isTrue();
  }

  @Test
  void setters_apply() {
    PosixOptions o =
        b.ioThreads(3)
            .queueCapacity(7)
            .resolveBeneath("walk")
            .maxOpenFiles(9)
            .probe(false)
            .watch(false)
            .maxWatches(11)
            .build();
    assertThat(o.ioThreads()).isEqualTo(3);
    assertThat(o.queueCapacity()).isEqualTo(7);
    assertThat(o.resolveMode()).isEqualTo(ResolveMode.WALK);
    assertThat(o.maxOpenFiles()).isEqualTo(9);
    assertThat(o.probe()).isFalse();
    assertThat(o.watch()).isFalse();
    assertThat(o.maxWatches()).isEqualTo(11);
    assertThat(b.resolveBeneath("openat2").build().resolveMode()).isEqualTo(ResolveMode.OPENAT2);
  }

  @Test
  void badValues_refused() {
    assertThatThrownBy(() -> b.ioThreads(0)).hasMessage("ioThreads (0) must be positive");
    assertThatThrownBy(() -> b.queueCapacity(0)).hasMessage("queueCapacity (0) must be positive");
    assertThatThrownBy(() -> b.maxOpenFiles(0)).hasMessage("maxOpenFiles (0) must be positive");
    assertThatThrownBy(() -> b.maxWatches(0)).hasMessage("maxWatches (0) must be positive");
    assertThatThrownBy(() -> b.resolveBeneath("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resolveBeneath must be openat2 or walk, not x");
  }
}
