package org.jvfs.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jvfs.CoherencePolicy;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;

/**
 * Checks that what the cache holds agrees with the backends: every reachable positive dentry names
 * the node the backend has under that name, every reachable negative dentry is absent in the
 * backend, and every attribute snapshot equals the backend's (access time aside). Entries of mounts
 * under a TTL policy may lag by design and are skipped, as are orphans (children of dentries no
 * longer cached). Every mutation must have ended: call it when no operation is in flight. This does
 * blocking IO: it is for tests and diagnostics.
 */
final class CacheVerifier {
  private final DentryCache cache;
  private final MountTable mounts;

  CacheVerifier(DentryCache cache, MountTable mounts) {
    this.cache = cache;
    this.mounts = mounts;
  }

  /** Returns true if {@code d}'s chain of cached parents ends at a mount root. */
  private static boolean reachable(Dentry d, Map<Long, Dentry> dirs, Set<Long> roots) {
    Dentry at = d;
    for (int depth = 0; depth < 10_000; depth++) {
      if (roots.contains(at.id)) {
        return true;
      }
      Dentry parent = dirs.get(at.parentId);
      if (parent == null) {
        return false;
      }
      at = parent;
    }
    return false;
  }

  List<String> verify() {
    Map<Long, Dentry> dirs = new HashMap<>();
    for (Mount m : mounts.all()) {
      dirs.put(m.root.id, m.root);
    }
    List<String> unindexed = new ArrayList<>();
    cache.forEachPositive(
        d -> {
          if (d.isDirectory()) {
            dirs.put(d.id, d);
            if (!cache.indexed(d)) {
              unindexed.add("cached directory " + d + " is missing from the directory index");
            }
          }
        });
    // Only dentries still reachable from a mount root count: a dropped directory's subtree is
    // orphaned on purpose (Caffeine evicts it later), and with path-based nodes its nodes name
    // paths that may no longer exist.
    Set<Long> roots = new HashSet<>();
    for (Mount m : mounts.all()) {
      roots.add(m.root.id);
    }
    dirs.values().removeIf(d -> !reachable(d, dirs, roots));
    List<String> problems = new ArrayList<>(unindexed);
    int pending = cache.pendingMutations();
    if (pending != 0) {
      // Every mutation ends, whatever its backend call did; one that never does keeps its names
      // out of the cache for good.
      problems.add(pending + " mutations began and never ended (their names stay uncached)");
    }
    cache.forEachPositive(
        d -> {
          Dentry parent = dirs.get(d.parentId);
          if (parent == null || !isPrivate(d.mount)) {
            return;
          }
          NodeInfo info = lookup(parent, d, problems);
          if (info == null) {
            problems.add("cached " + d + " is absent in the backend");
          } else if (!info.node().equals(d.node) || info.kind() != d.kind) {
            problems.add("cached " + d + " names another node than the backend's " + info);
          } else {
            // The node the backend just returned reaches the file by its current path, which the
            // key of a snapshot cached before a rename may not (see below).
            verifyAttributes(d.mount, info.node(), problems);
          }
        });
    cache.forEachNegative(
        (key, mount) -> {
          Dentry parent = dirs.get(key.parentId());
          if (parent == null || !isPrivate(mount)) {
            return;
          }
          try {
            NodeInfo info =
                parent.mount.backend.lookup(parent.node, key.name()).toCompletableFuture().join();
            if (info != null) {
              problems.add("negative " + key + " exists in the backend: " + info);
            }
          } catch (RuntimeException e) {
            problems.add("negative " + key + ": backend lookup failed: " + Errors.unwrap(e));
          }
        });
    cache.forEachAttributes(
        (mount, node, attrs) -> {
          if (!isPrivate(mount)) {
            return;
          }
          try {
            NodeAttributes now = mount.backend.attributes(node).toCompletableFuture().join();
            if (!sameButAccessTime(now, attrs) && !otherFile(now, attrs)) {
              problems.add("cached attributes " + attrs + " differ from the backend's " + now);
            }
          } catch (RuntimeException e) {
            // A node removed since (its last link gone) may have no attributes left; a cached
            // snapshot of an unreachable node is harmless.
          }
        });
    return problems;
  }

  /** Checks the snapshot cached for {@code node}, if any, against the backend's attributes. */
  private void verifyAttributes(Mount mount, Node node, List<String> problems) {
    NodeAttributes attrs = cache.peekAttributes(mount, node);
    if (attrs == null) {
      return;
    }
    try {
      NodeAttributes now = mount.backend.attributes(node).toCompletableFuture().join();
      if (!sameButAccessTime(now, attrs)) {
        problems.add(
            "cached attributes of " + node + " " + attrs + " differ from the backend's " + now);
      }
    } catch (RuntimeException e) {
      problems.add("attributes of " + node + ": backend lookup failed: " + Errors.unwrap(e));
    }
  }

  /**
   * Returns true if the backend answered for another file than the snapshot's: with path-based
   * nodes (no {@code STABLE_NODES}), the node a snapshot is keyed by keeps the path it was first
   * cached under, which after a rename or a delete may name another file. Such a snapshot is of a
   * node that path no longer reaches; reachable nodes are checked by {@link #verifyAttributes}.
   */
  private static boolean otherFile(NodeAttributes now, NodeAttributes cached) {
    Object a = now.fileKey();
    Object b = cached.fileKey();
    return a != null && b != null && !a.equals(b);
  }

  private static NodeInfo lookup(Dentry parent, Dentry d, List<String> problems) {
    try {
      return parent
          .mount
          .backend
          .lookup(parent.node, Objects.requireNonNull(d.name))
          .toCompletableFuture()
          .join();
    } catch (RuntimeException e) {
      problems.add("cached " + d + ": backend lookup failed: " + Errors.unwrap(e));
      return null;
    }
  }

  private static boolean isPrivate(Mount m) {
    return m.policy.kind() == CoherencePolicy.Kind.PRIVATE;
  }

  private static boolean sameButAccessTime(NodeAttributes a, NodeAttributes b) {
    return a.kind() == b.kind()
        && a.size() == b.size()
        && a.lastModifiedTime().equals(b.lastModifiedTime())
        && a.changeTime().equals(b.changeTime())
        && Objects.equals(a.permissions(), b.permissions())
        && a.linkCount() == b.linkCount()
        && Objects.equals(a.fileKey(), b.fileKey());
  }
}
