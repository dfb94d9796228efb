package org.jvfs.core;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Capability;
import org.jvfs.spi.NodeAttributes;

/**
 * One {@code copy}, with the JDK's semantics on Linux: the new file or directory takes the source's
 * permissions; a directory is copied empty; a link is followed unless NOFOLLOW_LINKS, then copied
 * as a link; COPY_ATTRIBUTES also copies the times. Not thread-safe: one per call.
 */
final class Copier {
  private final VfsCore core;
  private final TreeOps tree;
  private final ParsedPath from;
  private final ParsedPath to;
  private final boolean replace;
  private final boolean copyAttributes;
  private final boolean follow;
  private final OpContext ctx;

  Copier(
      VfsCore core,
      TreeOps tree,
      ParsedPath from,
      ParsedPath to,
      boolean replace,
      boolean copyAttributes,
      boolean follow,
      OpContext ctx) {
    this.core = core;
    this.tree = tree;
    this.from = from;
    this.to = to;
    this.replace = replace;
    this.copyAttributes = copyAttributes;
    this.follow = follow;
    this.ctx = ctx;
  }

  CompletableFuture<Void> run() {
    String source = from.toString();
    String target = to.toString();
    return core.walk(from, follow, ctx)
        .thenCompose(
            s -> {
              Dentry src = s.entry();
              if (src == null) {
                return TreeOps.failWith(new NoSuchFileException(source));
              }
              return core.walk(to, false, ctx)
                  .thenCompose(
                      d -> {
                        Dentry existing = d.entry();
                        if (existing != null
                            && existing.mount == src.mount
                            && existing.node.equals(src.node)) {
                          return CompletableFuture.completedFuture(null);
                        }
                        if (existing != null && !replace) {
                          return TreeOps.failWith(new FileAlreadyExistsException(target));
                        }
                        CompletableFuture<?> cleared =
                            existing != null
                                ? tree.delete(to, ctx, false)
                                : CompletableFuture.completedFuture(null);
                        return cleared
                            .thenCompose(v -> core.attributes(src, ctx, source))
                            .thenCompose(a -> copy(src, a, d));
                      });
            });
  }

  private CompletableFuture<Void> copy(Dentry src, NodeAttributes a, Resolution d) {
    Dentry parent = d.parent();
    @Nullable Set<PosixFilePermission> perms =
        parent != null && parent.mount.has(Capability.POSIX_PERMISSIONS) ? a.permissions() : null;
    CompletableFuture<Void> made =
        switch (src.kind) {
          case DIRECTORY -> tree.createDirectoryInternal(to, perms, ctx);
          case SYMLINK ->
              tree.readLinkInternal(src, from.toString(), ctx)
                  .thenCompose(t -> tree.createSymlinkInternal(to, t, ctx));
          default -> core.files().copyContent(from, to, perms, ctx);
        };
    if (!copyAttributes
        || src.isSymlink()
        || parent == null
        || !parent.mount.has(Capability.SET_TIMES)) {
      return made;
    }
    return made.thenCompose(
        v -> tree.setTimesInternal(to, a.lastModifiedTime(), a.lastAccessTime(), ctx));
  }
}
