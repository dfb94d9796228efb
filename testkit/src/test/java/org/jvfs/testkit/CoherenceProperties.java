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
import org.jvfs.memory.MemoryBackend;

/**
 * Cache coherence: random chains of operations run through a caching {@link Vfs}; after each, every
 * observable (the tree's listings, file contents, link targets, kinds and sizes, and lookups of
 * every short path) read through that Vfs equals what a second, uncached Vfs on the same {@link
 * MemoryBackend} reads. The cached Vfs is under the PRIVATE policy, so all mutations go through it;
 * the uncached one only reads.
 *
 * <p>A failure prints its seed; run it again with {@code @Property(tries = 100, seed = "...")}.
 */
class CoherenceProperties {
  private static final List<String> PROBES = TreeSnapshot.paths("/", List.of("a", "b", "c"), 2);

  /** A cached Vfs and an uncached one over one backend. */
  static final class Pair {
    final Vfs cached;
    final Vfs uncached;

    Pair() {
      MemoryBackend backend = MemoryBackend.create();
      try {
        cached = Vfs.builder().mount("/", backend).build();
        uncached = Vfs.builder().caching(false).mount("/", backend).build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
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
      cached.close();
      uncached.close();
    }

    @Override
    public String toString() {
      return "Pair";
    }
  }

  @Provide
  Arbitrary<ActionChain<Pair>> chains() {
    Action.Independent<Pair> op =
        new Action.Independent<>() {
          @Override
          public Arbitrary<Transformer<Pair>> transformer() {
            return FsOpArbitraries.ops()
                .map(o -> Transformer.<Pair>mutate(o.toString(), p -> p.step(o)));
          }
        };
    return ActionChain.<Pair>startWith(Pair::new).withAction(op).withMaxTransformations(40);
  }

  @Property(tries = 100)
  void cachedView_equalsUncachedView(@ForAll("chains") ActionChain<Pair> chain) {
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
              c.check("link ok").count(n -> n > 0);
              c.check("symlink ok").count(n -> n > 0);
            });
  }
}
