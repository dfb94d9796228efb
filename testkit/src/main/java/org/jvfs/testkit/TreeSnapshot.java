package org.jvfs.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jvfs.Vfs;

/**
 * Everything a {@link Vfs} shows of a tree, as one comparable map: every path reachable from the
 * root without following links, with its kind and its content (a file's bytes in hex, a link's
 * target, a directory's sorted names), and the lookup of each given probe path. Two views of one
 * backend that agree on the snapshot agree on every observable the properties use. Thread-safe (it
 * keeps no state).
 */
public final class TreeSnapshot {
  private TreeSnapshot() {}

  /**
   * Returns the snapshot of {@code vfs}, with lookups (following links and not) of {@code probes}.
   */
  public static Map<String, String> of(Vfs vfs, List<String> probes) {
    Map<String, String> out = new TreeMap<>();
    walk(vfs, "/", out);
    for (String p : probes) {
      out.put("lookup " + p, new FsOp.Lookup(p, true).on(vfs).toString());
      out.put("lstat " + p, new FsOp.Lookup(p, false).on(vfs).toString());
    }
    return out;
  }

  private static void walk(Vfs vfs, String dir, Map<String, String> out) {
    Outcome listed = new FsOp.ListDir(dir).on(vfs);
    out.put(dir, "dir " + listed);
    if (!listed.isSuccess() || !(listed.value() instanceof List<?> names)) {
      return;
    }
    for (Object n : names) {
      String path = dir.equals("/") ? "/" + n : dir + "/" + n;
      Outcome stat = new FsOp.Stat(path, false).on(vfs);
      if (stat.value() instanceof ReferenceModel.Stat s) {
        switch (s.kind()) {
          case DIRECTORY -> walk(vfs, path, out);
          case FILE -> out.put(path, "file " + s.size() + " " + new FsOp.Read(path).on(vfs));
          case SYMLINK -> out.put(path, "link " + new FsOp.ReadLink(path).on(vfs));
          case OTHER -> out.put(path, "other");
        }
      } else {
        out.put(path, "stat " + stat);
      }
    }
  }

  /** Returns every path of one to {@code depth} names from {@code names}, under {@code prefix}. */
  public static List<String> paths(String prefix, List<String> names, int depth) {
    List<String> out = new ArrayList<>();
    List<String> level = List.of(prefix.equals("/") ? "" : prefix);
    for (int d = 0; d < depth; d++) {
      List<String> next = new ArrayList<>();
      for (String p : level) {
        for (String n : names) {
          next.add(p + "/" + n);
        }
      }
      out.addAll(next);
      level = next;
    }
    return out;
  }
}
