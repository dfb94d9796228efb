package org.jvfs.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jvfs.memory.Stages.done;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendProvider;

class MemoryBackendProviderTest {
  private final MemoryBackendProvider provider = new MemoryBackendProvider();

  @Test
  void name_isMemory() {
    assertThat(provider.name()).isEqualTo("memory");
  }

  @Test
  void serviceLoader_findsProvider() {
    assertThat(ServiceLoader.load(BackendProvider.class).stream().map(p -> p.get().name()))
        .contains("memory");
  }

  @Test
  void create_noConfig_hasOneGibibyte() {
    try (Backend b = provider.create(Map.of())) {
      assertThat(b).isInstanceOf(MemoryBackend.class);
      assertThat(done(b.storeInfo()).totalSpace()).isEqualTo(1L << 30);
    }
  }

  @Test
  void create_space_setsTotalSpace() {
    try (Backend b = provider.create(Map.of("space", 4096L))) {
      assertThat(done(b.storeInfo()).totalSpace()).isEqualTo(4096);
    }
    try (Backend b = provider.create(Map.of("space", "512"))) {
      assertThat(done(b.storeInfo()).totalSpace()).isEqualTo(512);
    }
  }

  @Test
  void create_unknownKey_failsIllegalArgument() {
    assertThatThrownBy(() -> provider.create(Map.of("size", 1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("size");
  }

  @Test
  void create_badSpace_failsIllegalArgument() {
    assertThatThrownBy(() -> provider.create(Map.of("space", -1L)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> provider.create(Map.of("space", 1.5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> provider.create(Map.of("space", "lots")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
