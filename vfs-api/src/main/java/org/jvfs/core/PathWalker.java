package org.jvfs.core;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Capability;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.Probe;

/**
 * Walks a parsed path component by component through the dentry cache, loading misses from the
 * backends.
 *
 * <p>It follows symbolic links (at most {@link #MAX_SYMLINKS}, then {@link
 * FileSystemLoopException}) and resolves {@code ..} itself, against the physical tree: after {@code
 * a/link/..} the walk is in the parent of the link's target. A mount is a jail: {@code ..} at a
 * mount's root stays there, and an absolute symlink target starts again at the root of the mount
 * that holds the link. Walking into a mount point enters the mounted backend.
 *
 * <p>A walk runs on the caller's thread for as long as the cache answers; at the first load that is
 * not complete at once, it continues on the thread that completes the load. A nonblocking walk
 * never loads: it ends with {@link Resolution#MISS}. Thread-safe; each walk's state is confined to
 * the walk.
 */
final class PathWalker {

  /** The most symbolic links one walk follows, as Linux's {@code MAXSYMLINKS}. */
  static final int MAX_SYMLINKS = 40;

  private static final Object DOTDOT = new Object();

  private final DentryCache cache;
  private final MountTable mounts;

  PathWalker(DentryCache cache, MountTable mounts) {
    this.cache = cache;
    this.mounts = mounts;
  }

  /**
   * Walks {@code path} through the cache and the backends.
   *
   * @param followFinal whether a symbolic link as the last component is followed
   * @return the resolution; fails with NoSuchFileException if a directory on the way is absent,
   *     FileSystemException "Not a directory" if a component on the way is not a directory,
   *     FileSystemLoopException after too many links
   */
  CompletableFuture<Resolution> walk(ParsedPath path, boolean followFinal, OpContext ctx) {
    return new Walk(path, followFinal, ctx, null).start();
  }

  /**
   * Walks {@code path} through the cache alone, and records in {@code footprint} (if given) every
   * cached value the walk read. The future is always complete on return: a resolution, {@link
   * Resolution#MISS} (also where the full walk would fail with FileSystemLoopException), or {@link
   * Resolution#ABSENT_ON_THE_WAY} where the full walk would fail with NoSuchFileException or "Not a
   * directory"; it never builds an exception.
   */
  CompletableFuture<Resolution> walkNow(
      ParsedPath path, boolean followFinal, @Nullable Footprint footprint) {
    return new Walk(path, followFinal, null, footprint).start();
  }

  private record Frame(Dentry dir, MountTable.@Nullable Node trie) {}

  /** One walk's state. Steps run one at a time, each after the previous one's load completed. */
  private final class Walk {
    private final String path;
    private final boolean followFinal;
    private final @Nullable OpContext ctx;
    private final @Nullable Footprint footprint;
    private final List<Frame> stack = new ArrayList<>();
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private final CompletableFuture<Resolution> result = new CompletableFuture<>();
    private int links;

    Walk(
        ParsedPath parsed,
        boolean followFinal,
        @Nullable OpContext ctx,
        @Nullable Footprint footprint) {
      this.path = parsed.toString();
      this.followFinal = followFinal;
      this.ctx = ctx;
      this.footprint = footprint;
      Mount root = mounts.rootMount();
      stack.add(new Frame(root.root, mounts.top()));
      push(parsed);
    }

    CompletableFuture<Resolution> start() {
      step();
      return result;
    }

    private void push(ParsedPath parsed) {
      List<@Nullable Name> parts = parsed.components();
      for (int i = parts.size() - 1; i >= 0; i--) {
        Name n = parts.get(i);
        pending.addFirst(n == null ? DOTDOT : n);
      }
    }

    private Frame top() {
      return stack.get(stack.size() - 1);
    }

    /** Runs steps until the walk ends or waits for a load. */
    private void step() {
      try {
        while (true) {
          if (pending.isEmpty()) {
            result.complete(new Resolution(null, null, top().dir));
            return;
          }
          Object part = pending.removeFirst();
          if (part == DOTDOT) {
            if (!top().dir.isMountRoot()) {
              stack.remove(stack.size() - 1);
            }
            continue;
          }
          Name name = (Name) part;
          Frame frame = top();
          MountTable.Node trie = frame.trie == null ? null : frame.trie.child(name);
          if (trie != null && trie.mount() != null) {
            Dentry mountRoot = trie.mount().root;
            if (pending.isEmpty()) {
              result.complete(new Resolution(frame.dir, name, mountRoot));
              return;
            }
            stack.add(new Frame(mountRoot, trie));
            continue;
          }
          Object answer = cache.peek(frame.dir, name, footprint);
          if (answer == null) {
            if (ctx == null) {
              result.complete(Resolution.MISS);
              return;
            }
            CompletableFuture<Object> load = load(frame.dir, name);
            if (!load.isDone()) {
              load.whenComplete((a, e) -> resume(name, a, e, trie));
              return;
            }
            answer = load.join();
          }
          if (!advance(name, answer, trie)) {
            return;
          }
        }
      } catch (Throwable t) {
        result.completeExceptionally(Errors.translate(t, path));
      }
    }

    /** Continues after an asynchronous load, on the thread that completed it. */
    private void resume(
        Name name,
        @Nullable Object answer,
        @Nullable Throwable error,
        MountTable.@Nullable Node trie) {
      if (error != null) {
        result.completeExceptionally(Errors.translate(error, path));
        return;
      }
      try {
        if (!advance(name, java.util.Objects.requireNonNull(answer), trie)) {
          return;
        }
      } catch (Throwable t) {
        result.completeExceptionally(Errors.translate(t, path));
        return;
      }
      step();
    }

    private CompletableFuture<Object> load(Dentry dir, Name name) {
      Mount mount = dir.mount;
      return cache.load(
          dir,
          name,
          () -> {
            if (mount.has(Capability.NONBLOCKING_PROBE)
                && !mount.has(Capability.INLINE_COMPLETION)) {
              Probe probe = mount.backend.probeLookup(dir.node, name);
              if (probe.isKnown()) {
                return CompletableFuture.<@Nullable NodeInfo>completedFuture(probe.info());
              }
            }
            java.util.Objects.requireNonNull(ctx).acquire();
            return mount.backend.lookup(dir.node, name);
          });
    }

    /**
     * Applies one component's answer. Returns true to go on stepping, false if the walk ended or
     * waits for a symlink target.
     */
    private boolean advance(Name name, Object answer, MountTable.@Nullable Node trie)
        throws IOException {
      Frame frame = top();
      boolean last = pending.isEmpty();
      if (answer == DentryCache.ABSENT) {
        if (last) {
          result.complete(new Resolution(frame.dir, name, null));
          return false;
        }
        if (ctx == null) {
          return endNow(Resolution.ABSENT_ON_THE_WAY);
        }
        throw new NoSuchFileException(path);
      }
      Dentry d = (Dentry) answer;
      if (d.isSymlink() && (!last || followFinal)) {
        if (++links > MAX_SYMLINKS) {
          if (ctx == null) {
            return endNow(Resolution.MISS);
          }
          throw new FileSystemLoopException(path);
        }
        String target = d.symlinkTarget;
        if (target == null) {
          return readLink(d);
        }
        if (target.isEmpty() && ctx == null) {
          // An empty target names nothing (see follow).
          return endNow(Resolution.ABSENT_ON_THE_WAY);
        }
        follow(target);
        return true;
      }
      if (last) {
        result.complete(new Resolution(frame.dir, name, d));
        return false;
      }
      if (!d.isDirectory()) {
        if (ctx == null) {
          return endNow(Resolution.ABSENT_ON_THE_WAY);
        }
        throw Errors.of(Errno.ENOTDIR, path);
      }
      stack.add(new Frame(d, trie));
      return true;
    }

    /** Ends a nonblocking walk with {@code r} instead of building the full walk's exception. */
    private boolean endNow(Resolution r) {
      result.complete(r);
      return false;
    }

    /** Continues the walk at a symlink's target. */
    private void follow(String target) throws IOException {
      ParsedPath parsed = ParsedPath.parse(target);
      if (target.startsWith("/")) {
        while (!top().dir.isMountRoot()) {
          stack.remove(stack.size() - 1);
        }
      }
      if (parsed.components().isEmpty() && target.isEmpty()) {
        // An empty target names nothing, as on Linux.
        throw Errors.of(Errno.ENOENT, path);
      }
      push(parsed);
    }

    /** Reads a link whose dentry lacks its target, then continues; false if it must wait. */
    private boolean readLink(Dentry link) throws IOException {
      if (ctx == null) {
        result.complete(Resolution.MISS);
        return false;
      }
      ctx.acquire();
      CompletableFuture<String> read =
          link.mount.backend.readSymlink(link.node).toCompletableFuture();
      if (read.isDone()) {
        String target = read.join();
        cache.rememberSymlinkTarget(link, target);
        follow(target);
        return true;
      }
      read.whenComplete(
          (target, e) -> {
            if (e != null) {
              result.completeExceptionally(Errors.translate(e, path));
              return;
            }
            try {
              cache.rememberSymlinkTarget(link, target);
              follow(target);
            } catch (Throwable t) {
              result.completeExceptionally(Errors.translate(t, path));
              return;
            }
            step();
          });
      return false;
    }
  }
}
