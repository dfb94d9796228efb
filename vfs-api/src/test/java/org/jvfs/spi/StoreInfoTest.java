package org.jvfs.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoreInfoTest {
  @Test
  void figures_mustNest() {
    assertThat(new StoreInfo(10, 5, 5).usableSpace()).isEqualTo(5);
    assertThatThrownBy(() -> new StoreInfo(10, 11, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StoreInfo(10, 5, 6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StoreInfo(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
