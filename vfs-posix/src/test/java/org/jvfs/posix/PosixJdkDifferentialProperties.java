package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jvfs.Vfs;
import org.jvfs.testkit.FsOp;
import org.jvfs.testkit.FsOpCoverage;
import org.jvfs.testkit.FsOpGen;
import org.jvfs.testkit.JdkDifference;
import org.jvfs.testkit.Outcome;
import org.jvfs.testkit.property.ChainProperty;
import org.jvfs.testkit.property.Coverage;
import org.jvfs.testkit.property.Gen;
import org.jvfs.testkit.property.Property;

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
      boolean over =
          op instanceof FsOp.Rename r
              && Files.exists(
                  jdk.resolve(r.target().replaceFirst("^/+", "")), LinkOption.NOFOLLOW_LINKS);
      Outcome expected = JdkOps.run(op, jdk);
      expected = JdkDifference.asOnJdk17(op, expected, p -> jdk.resolve(p.replaceFirst("^/+", "")));
      Outcome actual = op.on(vfs);
      FsOpCoverage.record(op, expected, over);
      assertThat(actual).as("%s", op).isEqualTo(expected);
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

  static ChainProperty<Twin, FsOp> chains(boolean caching, String resolve, BackendFactory factory) {
    Gen<String> paths = FsOpGen.paths().filter(p -> !p.startsWith("/.."));
    Gen<FsOp> ops =
        FsOpGen.ops(paths, FsOpGen.simplePaths()).filter(PosixJdkDifferentialProperties::jdkSafe);
    return Property.chains(() -> new Twin(caching, resolve, factory), ops, Twin::step)
        .maxActions(MAX_OPS)
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
  void agreesWithJdk(String resolve, boolean caching) {
    chains(caching, resolve, BackendFactory.POSIX)
        .named("PosixJdkDifferentialProperties#agreesWithJdk")
        .check();
  }
}
