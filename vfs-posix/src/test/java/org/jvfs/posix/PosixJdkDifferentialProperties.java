package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

/**
 * The stateful property run differentially: random chains of operations run on a {@link Vfs} over
 * the posix backend in one temporary directory and on the JDK's default provider ({@link JdkOps})
 * in a twin directory; every operation must give the same value, or fail with the same exception
 * class ({@link Outcome} counts a FileSystemLoopException as a FileSystemException; reading a
 * directory, a plain IOException from the JDK, counts as the VFS's FileSystemException, a
 * deliberate difference the README lists), for openat2 and the forced walk, cache on and off.
 *
 * <p>The operations are the model property's, less those that would let the JDK side leave its
 * directory, which the VFS side cannot ({@code /..} is {@code /} in a mount, but the parent of the
 * twin directory to the JDK): no path starting with {@code /..}, and symbolic link targets made of
 * names only (relative, or absolute and then rewritten under the twin root), never {@code /} and
 * never {@code ..}; a path's own {@code ..} therefore never climbs above either root. Also left
 * out: a move with REPLACE_EXISTING from or to a path with {@code ..}, a deliberate difference
 * (README).
 */
class PosixJdkDifferentialProperties {
  private static final int TRIES = 60;
  private static final int MAX_OPS = 25;

  /** The posix VFS and the JDK twin directory side by side. */
  static final class Twin {
    final Path dir = TempRoot.create("posix-diff");
    final Path jdk = TempRoot.create("jdk-diff");
    final Vfs vfs;

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
        close();
        throw new UncheckedIOException(e);
      }
    }

    void step(FsOp op) {
      if (op instanceof FsOp.Rename r && r.replace() && runsThroughItsTarget(r)) {
        // The deliberate difference again (README): the JDK deletes the target first, and then the
        // source's path no longer leads anywhere; jvfs renames atomically.
        return;
      }
      Outcome expected = JdkOps.run(op, jdk);
      assertThat(op.on(vfs)).as("%s", op).isEqualTo(expected);
    }

    /**
     * True if the move's source is reached through its target (a link or a directory), or its
     * target lies inside its source (EINVAL, after the JDK already deleted the target).
     */
    private boolean runsThroughItsTarget(FsOp.Rename r) {
      Path target = jdk.resolve(r.target().replaceFirst("^/+", ""));
      return r.source().startsWith(r.target() + "/")
          || r.target().startsWith(r.source() + "/")
          || Files.isSymbolicLink(target);
    }

    void close() {
      if (vfs != null) {
        vfs.close();
      }
      TempRoot.delete(dir);
      TempRoot.delete(jdk);
    }

    @Override
    public String toString() {
      return "Twin[" + dir + ", " + jdk + "]";
    }
  }

  /** True for a link target that names entries below the root only. */
  static boolean staysInside(String target) {
    String body = target.startsWith("/") ? target.substring(1) : target;
    if (body.isEmpty()) {
      return false;
    }
    for (String part : body.split("/", -1)) {
      if (part.isEmpty() || part.equals("..") || part.equals(".")) {
        return false;
      }
    }
    return true;
  }

  private static boolean jdkSafe(FsOp op) {
    if (op instanceof FsOp.Rename r
        && r.replace()
        && (r.source().contains("..") || r.target().contains(".."))) {
      // A deliberate difference (README): the JDK deletes the target first and then resolves the
      // paths' text again, which may run through the deleted target (c/../b onto c, or a file
      // moved onto the directory b named as b/../b).
      return false;
    }
    return !(op instanceof FsOp.Symlink s) || staysInside(s.target());
  }

  private static Arbitrary<ActionChain<Twin>> chains(boolean caching, String resolve) {
    Arbitrary<String> paths = FsOpArbitraries.paths().filter(p -> !p.startsWith("/.."));
    Action.Independent<Twin> anyOp =
        new Action.Independent<>() {
          @Override
          public Arbitrary<Transformer<Twin>> transformer() {
            return FsOpArbitraries.ops(paths, FsOpArbitraries.simplePaths())
                .filter(PosixJdkDifferentialProperties::jdkSafe)
                .map(op -> Transformer.<Twin>mutate(op.toString(), t -> t.step(op)));
          }
        };
    return ActionChain.<Twin>startWith(() -> new Twin(caching, resolve))
        .withAction(anyOp)
        .withMaxTransformations(MAX_OPS);
  }

  private static void run(ActionChain<Twin> chain) {
    try {
      chain.run();
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
  void openat2_cached_agreesWithJdk(@ForAll("openat2Cached") ActionChain<Twin> chain) {
    run(chain);
  }

  @Property(tries = TRIES)
  void openat2_uncached_agreesWithJdk(@ForAll("openat2Uncached") ActionChain<Twin> chain) {
    run(chain);
  }

  @Property(tries = TRIES)
  void walk_cached_agreesWithJdk(@ForAll("walkCached") ActionChain<Twin> chain) {
    run(chain);
  }

  @Property(tries = TRIES)
  void walk_uncached_agreesWithJdk(@ForAll("walkUncached") ActionChain<Twin> chain) {
    run(chain);
  }
}
