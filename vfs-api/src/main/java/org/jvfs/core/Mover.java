package org.jvfs.core;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletableFuture;
import org.jvfs.ChangeListener;
import org.jvfs.spi.Capability;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;

/**
 * One {@code move}, with the JDK's semantics on Linux: a link is moved, not followed; moving onto
 * the same file does nothing; an existing target needs REPLACE_EXISTING (or ATOMIC_MOVE, which
 * renames straight over it); across mounts the source is copied and deleted (a directory only if
 * empty), and ATOMIC_MOVE fails. Not thread-safe: one per call.
 */
final class Mover {
  private final VfsCore core;
  private final TreeOps tree;
  private final ParsedPath from;
  private final ParsedPath to;
  private final boolean replace;
  private final boolean atomic;
  private final OpContext ctx;
  private final String source;
  private final String target;

  Mover(
      VfsCore core,
      TreeOps tree,
      ParsedPath from,
      ParsedPath to,
      boolean replace,
      boolean atomic,
      OpContext ctx) {
    this.core = core;
    this.tree = tree;
    this.from = from;
    this.to = to;
    this.replace = replace;
    this.atomic = atomic;
    this.ctx = ctx;
    this.source = from.toString();
    this.target = to.toString();
  }

  CompletableFuture<Void> run() {
    // As the JDK, which lstat()s the source first: an absent source is NoSuchFileException even
    // when the target's path is broken too.
    return core.walk(from, false, ctx)
        .thenCompose(
            s ->
                s.entry() == null
                    ? TreeOps.<CompletableFuture<Void>>failWith(new NoSuchFileException(source))
                    : core.walk(to, false, ctx)
                        .exceptionally(
                            e -> {
                              // rename(2) fails, and the JDK reports both paths, source first.
                              Throwable c = Errors.unwrap(e);
                              if (c instanceof NoSuchFileException) {
                                c = new NoSuchFileException(source, target, null);
                              }
                              throw new java.util.concurrent.CompletionException(c);
                            })
                        .thenCompose(d -> move(s, d)));
  }

  private CompletableFuture<Void> move(Resolution s, Resolution d) {
    Dentry moved = s.entry();
    if (moved == null) {
      return TreeOps.failWith(new NoSuchFileException(source));
    }
    if (s.parent() == null || s.name() == null || moved.isMountRoot()) {
      return TreeOps.failWith(Errors.of(Errno.EBUSY, source, target, Errors.Op.OTHER));
    }
    Dentry existing = d.entry();
    if (existing != null && existing.mount == moved.mount && existing.node.equals(moved.node)) {
      return CompletableFuture.completedFuture(null);
    }
    if (d.parent() == null || d.name() == null || (existing != null && existing.isMountRoot())) {
      return TreeOps.failWith(Errors.of(Errno.EBUSY, target, source, Errors.Op.OTHER));
    }
    if (s.parent().mount != d.parent().mount) {
      return acrossMounts(moved, existing);
    }
    if (existing != null && !atomic) {
      if (!replace) {
        return TreeOps.failWith(new FileAlreadyExistsException(target));
      }
      if (existing.isDirectory() != moved.isDirectory()) {
        // The JDK deletes the target first, so a file may replace an empty directory.
        return tree.delete(to, ctx, false).thenCompose(b -> rename(s, d, moved, null, false));
      }
      if (existing.isDirectory()) {
        // The JDK removes a replaced directory before it renames: a non-empty one is
        // DirectoryNotEmptyException even where rename(2) would say EINVAL first.
        return tree.listNames(existing, target, ctx)
            .thenCompose(
                names ->
                    names.isEmpty()
                        ? rename(s, d, moved, existing, true)
                        : TreeOps.failWith(TreeOps.notEmpty(target)));
      }
    }
    return rename(s, d, moved, existing, existing != null);
  }

  private CompletableFuture<Void> rename(
      Resolution s, Resolution d, Dentry moved, Dentry replaced, boolean replaceFlag) {
    Dentry fromDir = s.parent();
    Name fromName = s.name();
    Dentry toDir = d.parent();
    Name toName = d.name();
    ctx.acquire();
    DentryCache.Mutation m = core.cache.beginRename(fromDir, fromName, toDir, toName, moved);
    return Futures.of(
            () ->
                fromDir.mount.backend.rename(
                    fromDir.node, fromName, toDir.node, toName, replaceFlag))
        .handle(
            (v, e) -> {
              if (e != null) {
                core.cache.abandon(m);
                Errno errno = Errors.errnoOf(e);
                if (errno == Errno.ENOENT) {
                  core.cache.forget(fromDir, fromName);
                }
                if (replaced != null
                    && replaced.isDirectory()
                    && (errno == Errno.ENOTEMPTY || errno == Errno.EEXIST)) {
                  // As the JDK, whose rmdir of the target fails first.
                  return TreeOps.failWith(TreeOps.notEmpty(target));
                }
                if (errno == Errno.EEXIST) {
                  return TreeOps.failWith(new FileAlreadyExistsException(target));
                }
                return TreeOps.failWith(Errors.translate(e, source, target, Errors.Op.OTHER));
              }
              core.cache.renamed(m, moved, replaced, fromDir.mount.has(Capability.STABLE_NODES));
              core.changes.fire(ChangeListener.Kind.DELETE, source);
              core.changes.fire(ChangeListener.Kind.CREATE, target);
              return null;
            });
  }

  private CompletableFuture<Void> acrossMounts(Dentry moved, Dentry existing) {
    if (atomic) {
      return TreeOps.failWith(TreeOps.crossMount(source, target));
    }
    if (existing != null && !replace) {
      return TreeOps.failWith(new FileAlreadyExistsException(target));
    }
    CompletableFuture<Void> emptyCheck =
        moved.isDirectory()
            ? tree.listNames(moved, source, ctx)
                .thenAccept(
                    names -> {
                      if (!names.isEmpty()) {
                        TreeOps.failWith(TreeOps.notEmpty(source));
                      }
                    })
            : CompletableFuture.completedFuture(null);
    return emptyCheck
        .thenCompose(
            v ->
                existing != null
                    ? tree.delete(to, ctx, false).<Void>thenApply(b -> null)
                    : CompletableFuture.<Void>completedFuture(null))
        .thenCompose(v -> new Copier(core, tree, from, to, false, true, false, ctx).run())
        .thenCompose(v -> tree.delete(from, ctx, false))
        .thenApply(b -> null);
  }
}
