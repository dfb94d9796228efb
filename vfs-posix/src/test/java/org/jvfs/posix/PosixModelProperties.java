package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jvfs.Vfs;
import org.jvfs.testkit.FsOp;
import org.jvfs.testkit.FsOpCoverage;
import org.jvfs.testkit.FsOpGen;
import org.jvfs.testkit.Outcome;
import org.jvfs.testkit.ReferenceModel;
import org.jvfs.testkit.property.ChainProperty;
import org.jvfs.testkit.property.Coverage;
import org.jvfs.testkit.property.Property;

/**
 * The stateful model property of the memory backend ({@code VfsModelProperties} in the testkit) on
 * the posix backend: random chains of operations run on a {@link Vfs} over a fresh temporary
 * directory and on the {@link ReferenceModel}, which must give the same outcome for every
 * operation; after every operation the cache agrees with the backend and nothing is open or
 * pending. For each of openat2 and the forced walk, with the dentry cache on and off. Watching is
 * off (the VFS's own changes coming back as events would make cache answers timing-dependent;
 * {@code CoherenceTest} covers WATCH). Tries and chain lengths are kept small: every chain makes a
 * directory, a backend and its IO threads.
 */
class PosixModelProperties {
  private static final int TRIES = 60;
  private static final int MAX_OPS = 25;

  /** A Vfs over a temporary directory and the model side by side. */
  static final class Twin {
    final Path dir = TempRoot.create("posix-model");
    final Vfs vfs;
    final ReferenceModel model = new ReferenceModel();

    Twin(boolean caching, String resolve, BackendFactory factory) {
      try {
        vfs =
            Vfs.builder()
                .caching(caching)
                .mount(
                    "/",
                    factory.open(
                        PosixOptions.builder(dir)
                            .resolveBeneath(resolve)
                            .watch(false)
                            .ioThreads(2)
                            .build()))
                .build();
      } catch (IOException e) {
        TempRoot.delete(dir);
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
      TempRoot.delete(dir);
    }

    @Override
    public String toString() {
      return "Twin[" + dir + "]";
    }
  }

  static ChainProperty<Twin, FsOp> chains(boolean caching, String resolve, BackendFactory factory) {
    return Property.chains(() -> new Twin(caching, resolve, factory), FsOpGen.ops(), Twin::step)
        .maxActions(MAX_OPS)
        .invariant(Twin::checkInvariants)
        .teardown(Twin::close)
        .describe(FsOp::code)
        .tries(TRIES)
        .require(FsOpCoverage.tried(FsOpCoverage.KINDS))
        .require(
            FsOpCoverage.hardLinkTried(),
            Coverage.tried(FsOpCoverage.DOTS),
            Coverage.tried(FsOpCoverage.RENAME_OVER));
  }

  /** Every cell: openat2 and the forced walk, the dentry cache on and off. */
  @ParameterizedTest(name = "{0}, caching={1}")
  @CsvSource({"openat2, true", "openat2, false", "walk, true", "walk, false"})
  void agreesWithModel(String resolve, boolean caching) {
    chains(caching, resolve, BackendFactory.POSIX)
        .named("PosixModelProperties#agreesWithModel")
        .check();
  }
}
