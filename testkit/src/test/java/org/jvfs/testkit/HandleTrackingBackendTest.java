package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.Name;
import org.jvfs.spi.OpenFlags;

class HandleTrackingBackendTest {
  private static final OpenFlags CREATE =
      OpenFlags.from(Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE));
  private final HandleTrackingBackend backend = new HandleTrackingBackend(MemoryBackend.create());

  @AfterEach
  void close() {
    backend.close();
  }

  private Opened open(String name) {
    return backend.open(backend.root(), Name.of(name), CREATE, null).toCompletableFuture().join();
  }

  @Test
  void open_countsHandle() {
    open("a");
    open("b");
    assertThat(backend.openHandles()).isEqualTo(2);
    assertThat(backend.opens()).isEqualTo(2);
  }

  @Test
  void close_twice_countsOnce() {
    Opened o = open("a");
    o.file().close();
    o.file().close();
    assertThat(backend.openHandles()).isZero();
    assertThat(backend.closes()).isEqualTo(1);
    assertThatCode(backend::assertNoOpenHandles).doesNotThrowAnyException();
  }

  @Test
  void assertNoOpenHandles_leak_listsOpenSite() {
    open("leaky");
    assertThatThrownBy(backend::assertNoOpenHandles)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 backend file(s) left open")
        .hasMessageContaining("open of leaky")
        .hasMessageContaining("HandleTrackingBackendTest.open");
  }

  @Test
  void open_failed_countsNothing() {
    assertThat(
            backend
                .open(backend.root(), Name.of("x"), OpenFlags.READ, null)
                .toCompletableFuture()
                .isCompletedExceptionally())
        .isTrue();
    assertThat(backend.opens()).isZero();
    assertThat(backend.openHandles()).isZero();
  }

  @Test
  void open_returnsFileOfSameNode() {
    Opened o = open("a");
    assertThat(o.file().node()).isEqualTo(o.info().node());
    o.file().close();
  }
}
