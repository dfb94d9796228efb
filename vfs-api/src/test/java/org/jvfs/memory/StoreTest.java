package org.jvfs.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.StoreInfo;

class StoreTest {
  private static final Instant T = Instant.parse("2024-01-02T03:04:05.123456789Z");
  private final Store store = new Store(100, () -> T, 7, 8);

  @Test
  void now_keepsNanoseconds() {
    assertThat(store.now()).isEqualTo(FileTime.from(T));
    assertThat(store.now().toInstant().getNano()).isEqualTo(123456789);
  }

  @Test
  void nextInodeNumber_isUnique() {
    assertThat(store.nextInodeNumber()).isNotEqualTo(store.nextInodeNumber());
  }

  @Test
  void reserve_withinSpace_lowersFree() throws Exception {
    store.reserve(60);
    assertThat(store.info()).isEqualTo(new StoreInfo(100, 40, 40));
  }

  @Test
  void reserve_beyondSpace_failsEnospcAndTakesNothing() throws Exception {
    store.reserve(60);
    assertThatThrownBy(() -> store.reserve(41))
        .isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).errno())
        .isEqualTo(Errno.ENOSPC);
    assertThat(store.info().freeSpace()).isEqualTo(40);
  }

  @Test
  void release_givesSpaceBack() throws Exception {
    store.reserve(100);
    store.release(30);
    assertThat(store.info().freeSpace()).isEqualTo(30);
  }

  @Test
  void owner_isConfigured() {
    assertThat(store.uid()).isEqualTo(7);
    assertThat(store.gid()).isEqualTo(8);
  }
}
