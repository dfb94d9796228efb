package org.jvfs.testkit;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of {@link FsOp}s over a small alphabet, so that random operations keep meeting
 * each other: names {@code a}, {@code b}, {@code c}, paths at most three names deep (now and then
 * with a {@code ..} inside), symbolic link targets relative or absolute, through {@code ..}, often
 * dangling. Thread-safe.
 */
public final class FsOpArbitraries {
  private FsOpArbitraries() {}

  /** Returns one of the names {@code a}, {@code b}, {@code c}. */
  public static Arbitrary<String> names() {
    return Arbitraries.of("a", "b", "c");
  }

  /** Returns lists of one to three names, shorter ones more often so that parents exist. */
  @SuppressWarnings("unchecked")
  private static Arbitrary<List<String>> nameLists() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, names().list().ofSize(1)),
        Tuple.of(3, names().list().ofSize(2)),
        Tuple.of(2, names().list().ofSize(3)));
  }

  /** Returns absolute paths of one to three names, without {@code ..}. */
  public static Arbitrary<String> simplePaths() {
    return nameLists().map(l -> "/" + String.join("/", l));
  }

  /** Returns absolute paths under {@code prefix} (a path like {@code /t1}). */
  public static Arbitrary<String> simplePaths(String prefix) {
    return nameLists().map(l -> prefix + "/" + String.join("/", l));
  }

  /**
   * Returns absolute paths of one to three names; about one in six has a {@code ..} before its last
   * name. The last component is always a name.
   */
  public static Arbitrary<String> paths() {
    return Combinators.combine(
            nameLists(), Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 2))
        .as(
            (parts, dice, where) -> {
              List<String> l = new ArrayList<>(parts);
              if (dice == 0) {
                l.add(Math.min(where, l.size() - 1), "..");
              }
              return "/" + String.join("/", l);
            });
  }

  /** Returns symbolic link targets: relative or absolute, with {@code ..}, or {@code /}. */
  public static Arbitrary<String> linkTargets() {
    Arbitrary<List<String>> parts =
        Arbitraries.frequencyOf(Tuple.of(4, names()), Tuple.of(1, Arbitraries.just("..")))
            .list()
            .ofMinSize(1)
            .ofMaxSize(3);
    return Arbitraries.oneOf(
        parts.map(l -> String.join("/", l)),
        parts.map(l -> "/" + String.join("/", l)),
        Arbitraries.just("/"));
  }

  /** Returns short contents (0 to 6 bytes). */
  public static Arbitrary<byte[]> contents() {
    return Arbitraries.bytes().between((byte) 'a', (byte) 'e').array(byte[].class).ofMaxSize(6);
  }

  /** Returns every kind of operation on {@link #paths()}, read and write mixed. */
  public static Arbitrary<FsOp> ops() {
    return ops(paths(), simplePaths());
  }

  /**
   * Returns every kind of operation on the given paths; {@code createDirectories} gets {@code
   * simple} ones (without {@code ..}).
   */
  public static Arbitrary<FsOp> ops(Arbitrary<String> paths, Arbitrary<String> simple) {
    return ops(paths, simple, linkTargets());
  }

  /**
   * Returns every kind of operation on the given paths, with symbolic links to {@code targets};
   * {@code createDirectories} gets {@code simple} paths.
   */
  @SuppressWarnings("unchecked")
  public static Arbitrary<FsOp> ops(
      Arbitrary<String> paths, Arbitrary<String> simple, Arbitrary<String> targets) {
    Arbitrary<Boolean> bool = Arbitraries.of(true, false);
    return Arbitraries.frequencyOf(
        Tuple.of(8, paths.map(FsOp.Mkdir::new)),
        Tuple.of(3, simple.map(FsOp.MkdirAll::new)),
        Tuple.of(8, Combinators.combine(paths, contents()).as(FsOp.Write::new)),
        Tuple.of(4, Combinators.combine(paths, contents(), bool).as(FsOp.Append::new)),
        Tuple.of(
            3,
            Combinators.combine(paths, Arbitraries.longs().between(0, 8)).as(FsOp.Truncate::new)),
        Tuple.of(5, paths.map(FsOp.Read::new)),
        Tuple.of(6, Combinators.combine(paths, paths, bool).as(FsOp.Rename::new)),
        Tuple.of(5, paths.map(FsOp.Delete::new)),
        Tuple.of(3, Combinators.combine(paths, paths).as(FsOp.HardLink::new)),
        Tuple.of(5, Combinators.combine(paths, targets).as(FsOp.Symlink::new)),
        Tuple.of(4, paths.map(FsOp.ListDir::new)),
        Tuple.of(2, paths.map(FsOp.ReadLink::new)),
        Tuple.of(3, Combinators.combine(paths, bool).as(FsOp.Stat::new)),
        Tuple.of(4, Combinators.combine(paths, bool).as(FsOp.Lookup::new)));
  }
}
