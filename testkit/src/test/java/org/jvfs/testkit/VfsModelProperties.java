package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.testkit.property.ChainProperty;
import org.jvfs.testkit.property.Coverage;
import org.jvfs.testkit.property.Property;

/**
 * Stateful properties: random chains of 40 operations run on a {@link Vfs} over a {@link
 * MemoryBackend} and on the {@link ReferenceModel}, which must give the same outcome (value or
 * normalized exception class) for every operation; after every operation the cache agrees with the
 * backend and nothing is open or pending. Once with the dentry cache on, once with it off.
 *
 * <p>A failure prints the shrunk chain as code and its seed; {@code -Djvfs.seed=...} replays it.
 * Keep a shrunk chain as a plain regression test in {@code VfsModelRegressionTest}.
 */
class VfsModelProperties {
  /** A Vfs and the model side by side. */
  static final class Twin {
    final Vfs vfs;
    final ReferenceModel model = new ReferenceModel();

    Twin(boolean caching) {
      try {
        vfs = Vfs.builder().caching(caching).mount("/", MemoryBackend.create()).build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void step(FsOp op) {
      boolean over = FsOpCoverage.renameTargetExists(op, model);
      Outcome expected = op.on(model);
      Outcome actual = op.on(vfs);
      FsOpCoverage.record(op, expected, over);
      assertThat(actual).as("%s", op).isEqualTo(expected);
    }

    void checkInvariants() {
      assertThat(vfs.verifyCache()).as("verifyCache").isEmpty();
      assertThat(vfs.openFileCount()).as("openFileCount").isZero();
      assertThat(vfs.pendingOperations()).as("pendingOperations").isZero();
    }

    void close() {
      vfs.close();
    }
  }

  static ChainProperty<Twin, FsOp> chains(boolean caching) {
    return Property.chains(() -> new Twin(caching), FsOpGen.ops(), Twin::step)
        .maxActions(40)
        .invariant(Twin::checkInvariants)
        .teardown(Twin::close)
        .describe(FsOp::code)
        .tries(200)
        .require(FsOpCoverage.okAndFailed(FsOpCoverage.KINDS))
        .require(Coverage.tried(FsOpCoverage.DOTS), Coverage.tried(FsOpCoverage.RENAME_OVER));
  }

  @Test
  void cachedVfs_agreesWithModel() {
    chains(true).check();
  }

  @Test
  void uncachedVfs_agreesWithModel() {
    chains(false).check();
  }
}
