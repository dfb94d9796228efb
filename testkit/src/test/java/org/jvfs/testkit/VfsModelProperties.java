package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Stateful properties: random chains of up to 40 operations run on a {@link Vfs} over a {@link
 * MemoryBackend} and on the {@link ReferenceModel}, which must give the same outcome (value or
 * normalized exception class) for every operation; after every operation the cache agrees with the
 * backend and nothing is open or pending. Once with the dentry cache on, once with it off.
 *
 * <p>A failure prints the shrunk chain and its seed. To run that case again, put the seed in the
 * annotation, {@code @Property(tries = 200, seed = "-1234567890")}, and make a shrunk chain a plain
 * regression test in {@code VfsModelRegressionTest}.
 */
class VfsModelProperties {

  /** A Vfs and the model side by side. */
  static final class Twin {
    final Vfs vfs;
    final ReferenceModel model = new ReferenceModel();
    private final boolean statistics;

    /** Makes a twin; {@code statistics} only on a jqwik thread. */
    Twin(boolean caching, boolean statistics) {
      this.statistics = statistics;
      try {
        vfs = Vfs.builder().caching(caching).mount("/", MemoryBackend.create()).build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void step(FsOp op) {
      Outcome expected = op.on(model);
      Outcome actual = op.on(vfs);
      if (statistics) {
        Statistics.label("outcome").collect(op.kind() + (expected.isSuccess() ? " ok" : " failed"));
      }
      assertThat(actual).as("%s", op).isEqualTo(expected);
    }

    void checkInvariants() {
      assertThat(vfs.verifyCache()).as("verifyCache").isEmpty();
      assertThat(vfs.openFileCount()).as("openFileCount").isZero();
      assertThat(vfs.pendingOperations()).as("pendingOperations").isZero();
    }

    @Override
    public String toString() {
      return "Twin";
    }
  }

  static Action.Independent<Twin> anyOp() {
    return new Action.Independent<>() {
      @Override
      public Arbitrary<Transformer<Twin>> transformer() {
        return FsOpArbitraries.ops()
            .map(op -> Transformer.<Twin>mutate(op.toString(), t -> t.step(op)));
      }
    };
  }

  static Arbitrary<ActionChain<Twin>> chains(boolean caching) {
    return ActionChain.<Twin>startWith(() -> new Twin(caching, true))
        .withAction(anyOp())
        .withMaxTransformations(40);
  }

  @Provide
  Arbitrary<ActionChain<Twin>> cachedChains() {
    return chains(true);
  }

  @Provide
  Arbitrary<ActionChain<Twin>> uncachedChains() {
    return chains(false);
  }

  private static void run(ActionChain<Twin> chain) {
    try {
      chain.withInvariant("cache agrees, nothing open or pending", Twin::checkInvariants).run();
    } finally {
      chain.finalState().ifPresent(t -> t.vfs.close());
    }
  }

  private static void checkCoverage() {
    Statistics.label("outcome")
        .coverage(
            c -> {
              for (String kind :
                  new String[] {
                    "mkdir", "write", "append", "truncate", "read", "rename", "rename(replace)",
                    "delete", "link", "symlink", "list", "readlink", "stat", "lookup",
                    "createDirectories"
                  }) {
                if (kind.equals("link")) {
                  // A hard link succeeds only when the generator hits an existing file (about one
                  // action in a thousand): require it to be tried, not to succeed in every run.
                  c.checkQuery(v -> String.valueOf(v.get(0)).startsWith("link ")).count(n -> n > 0);
                  continue;
                }
                c.check(kind + " ok").count(n -> n > 0);
                c.check(kind + " failed").count(n -> n > 0);
              }
            });
  }

  @Property(tries = 200)
  void cachedVfs_agreesWithModel(@ForAll("cachedChains") ActionChain<Twin> chain) {
    run(chain);
    checkCoverage();
  }

  @Property(tries = 200)
  void uncachedVfs_agreesWithModel(@ForAll("uncachedChains") ActionChain<Twin> chain) {
    run(chain);
    checkCoverage();
  }
}
