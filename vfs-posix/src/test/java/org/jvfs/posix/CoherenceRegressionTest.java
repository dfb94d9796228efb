package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvfs.Vfs;
import org.jvfs.spi.Backend;
import org.jvfs.testkit.FsOp;
import org.jvfs.testkit.TreeSnapshot;

/**
 * Chains the posix runs of the testkit's coherence kit found, as plain regression tests: a cached
 * and an uncached Vfs over one posix backend must agree and {@code verifyCache} must find nothing.
 * The failure was {@code verifyCache} comparing an attribute snapshot, keyed by a path-based node
 * whose path had since come to name another file, with that other file.
 */
class CoherenceRegressionTest {
  private static final List<String> PROBES = TreeSnapshot.paths("/", List.of("a", "b", "c"), 2);
  private TempBackends backends = new TempBackends("openat2");
  private Backend backend;

  @AfterEach
  void release() {
    if (backend != null) {
      backends.release(backend);
    }
  }

  private void agree(String resolve, FsOp... ops) throws Exception {
    backends = new TempBackends(resolve);
    backend = backends.open("posix-coherence-regression");
    try (Vfs cached = Vfs.builder().mount("/", backend).build();
        Vfs uncached = Vfs.builder().caching(false).mount("/", backend).build()) {
      for (FsOp op : ops) {
        op.on(cached);
        assertThat(TreeSnapshot.of(cached, PROBES))
            .as("after %s", op)
            .isEqualTo(TreeSnapshot.of(uncached, PROBES));
        assertThat(cached.verifyCache()).as("after %s", op).isEmpty();
      }
    }
  }

  /** CoherenceProperties on posix, seed 3378178830430585889 (shrunk). */
  @ParameterizedTest
  @ValueSource(strings = {"openat2", "walk"})
  void renamedDirectory_thenFileUnderItsOldPath(String resolve) throws Exception {
    agree(
        resolve,
        new FsOp.MkdirAll("/b/c"),
        new FsOp.Rename("/../b", "/../a", true),
        new FsOp.Mkdir("/b"),
        new FsOp.Write("/b/c", "badd".getBytes(StandardCharsets.US_ASCII)));
  }
}
