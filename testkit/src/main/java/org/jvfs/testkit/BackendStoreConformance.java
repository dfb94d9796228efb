package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.StoreInfo;

/** The {@code Store} group of {@link BackendConformanceKit}: store figures. */
abstract class BackendStoreConformance extends BackendConformanceGroup {

  BackendStoreConformance(BackendConformanceKit kit) {
    super(kit);
  }

  @Test
  @DisplayName("usable is at most free, free at most total")
  void figures() throws Exception {
    StoreInfo info = await(backend().storeInfo());
    assertThat(info.totalSpace()).isPositive();
    assertThat(info.freeSpace()).isBetween(0L, info.totalSpace());
    assertThat(info.usableSpace()).isBetween(0L, info.freeSpace());
  }
}
