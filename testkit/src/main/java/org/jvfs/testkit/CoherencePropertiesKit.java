package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvfs.Vfs;
import org.jvfs.spi.Backend;
import org.jvfs.testkit.property.Coverage;
import org.jvfs.testkit.property.Property;

/**
 * Cache coherence: random chains of operations run through a caching {@link Vfs}; after each, every
 * observable (the tree's listings, file contents, link targets, kinds and sizes, and lookups of
 * every short path) read through that Vfs equals what a second, uncached Vfs on the same backend
 * (from {@link #newBackend()}, one per chain) reads. The cached Vfs is under the PRIVATE policy, so
 * all mutations go through it; the uncached one only reads.
 *
 * <p>A failure prints the shrunk chain as code and its seed; {@code -Djvfs.seed=...} replays it.
 */
public abstract class CoherencePropertiesKit {
  private static final List<String> PROBES = TreeSnapshot.paths("/", List.of("a", "b", "c"), 2);

  /** For subclasses. */
  protected CoherencePropertiesKit() {}

  /** Returns how many chains to try (100 by default); each makes a backend. */
  protected int tries() {
    return 100;
  }

  /**
   * Makes the backend of one chain, empty. Both the cached and the uncached Vfs of the chain mount
   * it, so its {@link Backend#close()} is called twice and must be idempotent.
   */
  protected abstract Backend newBackend() throws Exception;

  /**
   * Releases what {@link #newBackend()} made besides the backend, after both Vfs instances over it
   * were closed (and so the backend too). Does nothing by default.
   */
  protected void releaseBackend(Backend backend) throws Exception {}

  private Pair newPair() {
    Backend backend;
    try {
      backend = newBackend();
    } catch (Exception e) {
      throw new IllegalStateException("newBackend failed", e);
    }
    return new Pair(backend);
  }

  /** A cached Vfs and an uncached one over one backend. */
  public final class Pair {
    final Backend backend;
    final Vfs cached;
    final Vfs uncached;

    Pair(Backend backend) {
      this.backend = backend;
      try {
        cached = Vfs.builder().mount("/", backend).build();
        uncached = Vfs.builder().caching(false).mount("/", backend).build();
      } catch (IOException e) {
        backend.close();
        release();
        throw new UncheckedIOException(e);
      }
    }

    private void release() {
      try {
        releaseBackend(backend);
      } catch (Exception e) {
        throw new IllegalStateException("releaseBackend failed", e);
      }
    }

    void step(FsOp op) {
      boolean over =
          op instanceof FsOp.Rename r
              && new FsOp.Lookup(r.target(), false).on(uncached).value()
                  instanceof ReferenceModel.Stat;
      FsOpCoverage.record(op, op.on(cached), over);
    }

    void agree() {
      assertThat(TreeSnapshot.of(cached, PROBES))
          .as("cached view")
          .isEqualTo(TreeSnapshot.of(uncached, PROBES));
      assertThat(cached.verifyCache()).isEmpty();
      assertThat(cached.openFileCount()).isZero();
      assertThat(cached.pendingOperations()).isZero();
    }

    void close() {
      try {
        cached.close();
        uncached.close();
        backend.close();
      } finally {
        release();
      }
    }

    @Override
    public String toString() {
      return "Pair";
    }
  }

  /**
   * After every operation of a chain of 40, the cached view equals the uncached one. Requires that
   * every mutating kind succeeded, hard links and paths with {@code ..} were tried, and a rename
   * replaced an existing target.
   */
  @Test
  public void cachedView_equalsUncachedView() {
    List<Coverage.Requirement> required = new java.util.ArrayList<>();
    for (String kind :
        List.of("mkdir", "write", "append", "truncate", "rename(replace)", "delete", "symlink")) {
      required.add(Coverage.tried(kind + " ok"));
    }
    required.add(FsOpCoverage.hardLinkTried());
    required.add(Coverage.tried(FsOpCoverage.DOTS));
    required.add(Coverage.tried(FsOpCoverage.RENAME_OVER));
    Property.chains(this::newPair, FsOpGen.ops(), Pair::step)
        .maxActions(40)
        .invariant(Pair::agree)
        .teardown(Pair::close)
        .describe(FsOp::code)
        .tries(tries())
        .named(getClass().getSimpleName() + "#cachedView_equalsUncachedView")
        .require(required.toArray(new Coverage.Requirement[0]))
        .check();
  }
}
