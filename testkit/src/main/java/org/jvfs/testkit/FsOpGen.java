package org.jvfs.testkit;

import static org.jvfs.testkit.property.Gen.weight;

import java.util.ArrayList;
import java.util.List;
import org.jvfs.testkit.property.Gen;

/**
 * Generators of {@link FsOp}s over a small alphabet, so that random operations keep meeting each
 * other: names {@code a}, {@code b}, {@code c}, paths at most three names deep (now and then with a
 * {@code ..} inside), symbolic link targets relative or absolute, through {@code ..}, often
 * dangling. Each shrinks towards its simplest form: fewer names, {@code a}, no {@code ..}, empty
 * contents, {@code mkdir}. Thread-safe.
 */
public final class FsOpGen {
  private FsOpGen() {}

  /** Returns one of the names {@code a}, {@code b}, {@code c}. */
  public static Gen<String> names() {
    return Gen.of("a", "b", "c");
  }

  /** Returns lists of one to three names, shorter ones more often so that parents exist. */
  private static Gen<List<String>> nameLists() {
    return Gen.frequency(
        weight(4, names().list(1, 1)),
        weight(3, names().list(2, 2)),
        weight(2, names().list(3, 3)));
  }

  /** Returns absolute paths of one to three names, without {@code ..}. */
  public static Gen<String> simplePaths() {
    return nameLists().map(l -> "/" + String.join("/", l));
  }

  /** Returns absolute paths under {@code prefix} (a path like {@code /t1}). */
  public static Gen<String> simplePaths(String prefix) {
    return nameLists().map(l -> prefix + "/" + String.join("/", l));
  }

  /**
   * Returns absolute paths of one to three names; about one in six has a {@code ..} before its last
   * name. The last component is always a name.
   */
  public static Gen<String> paths() {
    Gen<Boolean> dots = Gen.frequency(weight(5, false), weight(1, true));
    return Gen.combine(
        nameLists(),
        dots,
        Gen.ints(0, 2),
        (parts, dot, where) -> {
          List<String> l = new ArrayList<>(parts);
          if (dot) {
            l.add(Math.min(where, l.size() - 1), "..");
          }
          return "/" + String.join("/", l);
        });
  }

  /** Returns symbolic link targets: relative or absolute, with {@code ..}, or {@code /}. */
  public static Gen<String> linkTargets() {
    Gen<List<String>> parts = Gen.frequency(weight(4, names()), weight(1, "..")).list(1, 3);
    return Gen.oneOf(
        parts.map(l -> String.join("/", l)),
        parts.map(l -> "/" + String.join("/", l)),
        Gen.constant("/"));
  }

  /** Returns short contents (0 to 6 bytes, each {@code a} to {@code e}). */
  public static Gen<byte[]> contents() {
    return Gen.bytes((byte) 'a', (byte) 'e', 0, 6);
  }

  /** Returns every kind of operation on {@link #paths()}, read and write mixed. */
  public static Gen<FsOp> ops() {
    return ops(paths(), simplePaths());
  }

  /**
   * Returns every kind of operation on the given paths; {@code createDirectories} gets {@code
   * simple} ones (without {@code ..}).
   */
  public static Gen<FsOp> ops(Gen<String> paths, Gen<String> simple) {
    return ops(paths, simple, linkTargets());
  }

  /**
   * Returns every kind of operation on the given paths, with symbolic links to {@code targets};
   * {@code createDirectories} gets {@code simple} paths. The weights: mkdir 8, createDirectories 3,
   * write 8, append 4, truncate 3, read 5, rename 6, delete 5, hard link 3, symbolic link 5, list
   * 4, readlink 2, stat 3, lookup 4.
   */
  public static Gen<FsOp> ops(Gen<String> paths, Gen<String> simple, Gen<String> targets) {
    Gen<Boolean> bool = Gen.booleans();
    return Gen.frequency(
        weight(8, paths.map(FsOp.Mkdir::new)),
        weight(3, simple.map(FsOp.MkdirAll::new)),
        weight(8, Gen.combine(paths, contents(), FsOp.Write::new)),
        weight(4, Gen.combine(paths, contents(), bool, FsOp.Append::new)),
        weight(3, Gen.combine(paths, Gen.longs(0, 8), FsOp.Truncate::new)),
        weight(5, paths.map(FsOp.Read::new)),
        weight(6, Gen.combine(paths, paths, bool, FsOp.Rename::new)),
        weight(5, paths.map(FsOp.Delete::new)),
        weight(3, Gen.combine(paths, paths, FsOp.HardLink::new)),
        weight(5, Gen.combine(paths, targets, FsOp.Symlink::new)),
        weight(4, paths.map(FsOp.ListDir::new)),
        weight(2, paths.map(FsOp.ReadLink::new)),
        weight(3, Gen.combine(paths, bool, FsOp.Stat::new)),
        weight(4, Gen.combine(paths, bool, FsOp.Lookup::new)));
  }
}
