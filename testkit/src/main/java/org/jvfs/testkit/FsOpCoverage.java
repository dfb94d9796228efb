package org.jvfs.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jvfs.testkit.property.Coverage;

/**
 * The coverage labels of {@link FsOp} chains, and the requirements the testkit's properties put on
 * them. Labels: the operation's kind with {@code " ok"} or {@code " failed"}; {@value #DOTS} for an
 * operation with a {@code ..} in a path; {@value #RENAME_OVER} for a rename whose target existed
 * before it ran. Thread-safe.
 */
public final class FsOpCoverage {
  /** The label of an operation with {@code ..} in one of its paths. */
  public static final String DOTS = "path with ..";

  /** The label of a rename whose target existed. */
  public static final String RENAME_OVER = "rename over an existing target";

  /** The kinds of every operation {@link FsOpGen#ops()} makes. */
  public static final List<String> KINDS =
      List.of(
          "mkdir",
          "createDirectories",
          "write",
          "append",
          "truncate",
          "read",
          "rename",
          "rename(replace)",
          "delete",
          "link",
          "symlink",
          "list",
          "readlink",
          "stat",
          "lookup");

  private FsOpCoverage() {}

  /**
   * Records the labels of {@code op}, which gave {@code outcome}; {@code existed} tells whether a
   * path (not following a final link) named something before {@code op} ran.
   */
  public static void record(FsOp op, Outcome outcome, boolean targetExisted) {
    Coverage.record(op.kind() + (outcome.isSuccess() ? " ok" : " failed"));
    if (op.toString().contains("..")) {
      Coverage.record(DOTS);
    }
    if (op instanceof FsOp.Rename && targetExisted) {
      Coverage.record(RENAME_OVER);
    }
  }

  /**
   * Returns whether {@code op} is a rename whose target exists in {@code model} now (call before
   * the rename runs).
   */
  public static boolean renameTargetExists(FsOp op, ReferenceModel model) {
    return op instanceof FsOp.Rename r
        && model.lookup(r.target(), false).value() instanceof ReferenceModel.Stat;
  }

  /** The requirement that a hard link was tried (they succeed too rarely to require success). */
  public static Coverage.Requirement hardLinkTried() {
    return Coverage.triedAny("a hard link tried", l -> l.startsWith("link "));
  }

  /**
   * Outcomes that need an earlier operation to have prepared the same path by chance (a hard link
   * to an existing file, a readlink of a symbolic link, a lookup through a loop of links): the
   * generators make them a few times in a thousand operations, too few for a run of CI's length to
   * be sure of one, so {@link #okAndFailed} requires their kind to be tried instead.
   */
  public static final Set<String> RARE = Set.of("link ok", "readlink ok", "lookup failed");

  /**
   * Returns the requirements that every one of {@code kinds} both succeeded and failed, but for the
   * {@link #RARE} outcomes, whose kind only has to be tried.
   */
  public static Coverage.Requirement[] okAndFailed(List<String> kinds) {
    List<Coverage.Requirement> out = new ArrayList<>();
    for (String kind : kinds) {
      boolean rare = false;
      for (String outcome : List.of(kind + " ok", kind + " failed")) {
        if (RARE.contains(outcome)) {
          rare = true;
        } else {
          out.add(Coverage.tried(outcome));
        }
      }
      if (rare) {
        out.add(tried(List.of(kind))[0]);
      }
    }
    return out.toArray(new Coverage.Requirement[0]);
  }

  /** Returns the requirements that every one of {@code kinds} was tried, whatever its outcome. */
  public static Coverage.Requirement[] tried(List<String> kinds) {
    List<Coverage.Requirement> out = new ArrayList<>();
    for (String kind : kinds) {
      out.add(
          Coverage.triedAny(
              "'" + kind + "' tried", l -> l.equals(kind + " ok") || l.equals(kind + " failed")));
    }
    return out.toArray(new Coverage.Requirement[0]);
  }
}
