package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;
import org.jvfs.Vfs;
import org.jvfs.spi.Backend;

/**
 * Cache coherence: random chains of operations run through a caching {@link Vfs}; after each, every
 * observable (the tree's listings, file contents, link targets, kinds and sizes, and lookups of
 * every short path) read through that Vfs equals what a second, uncached Vfs on the same backend
 * (from {@link #newBackend()}, one per chain) reads. The cached Vfs is under the PRIVATE policy, so
 * all mutations go through it; the uncached one only reads.
 *
 * <p>A failure prints its seed; run it again with {@code @Property(tries = 100, seed = "...")}.
 */
public abstract class CoherencePropertiesKit {
  private static final List<String> PROBES = TreeSnapshot.paths("/", List.of("a", "b", "c"), 2);

  /** For subclasses. */
  protected CoherencePropertiesKit() {}

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
      Outcome o = op.on(cached);
      Statistics.label("outcome").collect(op.kind() + (o.isSuccess() ? " ok" : " failed"));
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

  /** Chains of up to 40 operations, each on a pair over a fresh backend. */
  @Provide
  public Arbitrary<ActionChain<Pair>> chains() {
    Action.Independent<Pair> op =
        new Action.Independent<>() {
          @Override
          public Arbitrary<Transformer<Pair>> transformer() {
            return FsOpArbitraries.ops()
                .map(o -> Transformer.<Pair>mutate(o.toString(), p -> p.step(o)));
          }
        };
    return ActionChain.<Pair>startWith(this::newPair).withAction(op).withMaxTransformations(40);
  }

  /**
   * After every operation the cached view equals the uncached one. The number of tries is not set
   * here: a subclass sets it with {@code @PropertyDefaults(tries = ...)} (jqwik's default is 1000).
   */
  @Property
  public void cachedView_equalsUncachedView(@ForAll("chains") ActionChain<Pair> chain) {
    try {
      chain.withInvariant("cached and uncached views agree", Pair::agree).run();
    } finally {
      chain.finalState().ifPresent(Pair::close);
    }
    Statistics.label("outcome")
        .coverage(
            c -> {
              for (String kind :
                  List.of("mkdir", "write", "append", "truncate", "rename(replace)", "delete")) {
                c.check(kind + " ok").count(n -> n > 0);
              }
              // Hard links succeed rarely (the generator must hit an existing file), so with few
              // tries only their being tried is required.
              c.checkQuery(v -> String.valueOf(v.get(0)).startsWith("link ")).count(n -> n > 0);
              c.check("symlink ok").count(n -> n > 0);
            });
  }
}
