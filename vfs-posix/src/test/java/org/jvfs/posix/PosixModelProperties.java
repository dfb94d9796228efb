package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.jvfs.Vfs;
import org.jvfs.testkit.FsOp;
import org.jvfs.testkit.FsOpArbitraries;
import org.jvfs.testkit.Outcome;
import org.jvfs.testkit.ReferenceModel;

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

    Twin(boolean caching, String resolve) {
      try {
        vfs =
            Vfs.builder()
                .caching(caching)
                .mount(
                    "/",
                    PosixBackend.open(
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
      Outcome expected = op.on(model);
      assertThat(op.on(vfs)).as("%s", op).isEqualTo(expected);
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

  private static Arbitrary<ActionChain<Twin>> chains(boolean caching, String resolve) {
    Action.Independent<Twin> anyOp =
        new Action.Independent<>() {
          @Override
          public Arbitrary<Transformer<Twin>> transformer() {
            return FsOpArbitraries.ops()
                .map(op -> Transformer.<Twin>mutate(op.toString(), t -> t.step(op)));
          }
        };
    return ActionChain.<Twin>startWith(() -> new Twin(caching, resolve))
        .withAction(anyOp)
        .withMaxTransformations(MAX_OPS);
  }

  private static void run(ActionChain<Twin> chain) {
    try {
      chain.withInvariant("cache agrees, nothing open or pending", Twin::checkInvariants).run();
    } finally {
      chain.finalState().ifPresent(Twin::close);
    }
  }

  @Provide
  Arbitrary<ActionChain<Twin>> openat2Cached() {
    return chains(true, "openat2");
  }

  @Provide
  Arbitrary<ActionChain<Twin>> openat2Uncached() {
    return chains(false, "openat2");
  }

  @Provide
  Arbitrary<ActionChain<Twin>> walkCached() {
    return chains(true, "walk");
  }

  @Provide
  Arbitrary<ActionChain<Twin>> walkUncached() {
    return chains(false, "walk");
  }

  @Property(tries = TRIES)
  void openat2_cached_agreesWithModel(@ForAll("openat2Cached") ActionChain<Twin> chain) {
    run(chain);
  }

  @Property(tries = TRIES)
  void openat2_uncached_agreesWithModel(@ForAll("openat2Uncached") ActionChain<Twin> chain) {
    run(chain);
  }

  @Property(tries = TRIES)
  void walk_cached_agreesWithModel(@ForAll("walkCached") ActionChain<Twin> chain) {
    run(chain);
  }

  @Property(tries = TRIES)
  void walk_uncached_agreesWithModel(@ForAll("walkUncached") ActionChain<Twin> chain) {
    run(chain);
  }
}
