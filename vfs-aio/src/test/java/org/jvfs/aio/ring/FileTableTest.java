package org.jvfs.aio.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link FileTable}: the lower half handed out here, the upper half left to the kernel. */
class FileTableTest {
  @Test
  void allocate_handsOutTheLowerHalfOnce_andFreeGivesItBack() throws Exception {
    Fixtures.assumeUring();
    try (Ring ring = Ring.open(RingConfig.builder().entries(4).directFiles(16).build())) {
      FileTable t = ring.files();
      assertThat(t.size()).isEqualTo(16);
      assertThat(t.allocRangeStart()).isEqualTo(8);
      Set<Integer> got = new HashSet<>();
      for (int i = 0; i < 8; i++) {
        got.add(t.allocate());
      }
      assertThat(got).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
      assertThat(t.allocate()).isEqualTo(-1);
      t.free(3);
      assertThat(t.available()).isEqualTo(1);
      assertThat(t.allocate()).isEqualTo(3);
      assertThatThrownBy(() -> t.free(9)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
