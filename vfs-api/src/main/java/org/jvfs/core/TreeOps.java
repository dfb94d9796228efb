package org.jvfs.core;

import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.jvfs.ChangeListener;
import org.jvfs.spi.Capability;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.StoreInfo;

/**
 * Operations on the tree: directories, deletion, rename, copy, links, attributes. Each updates the
 * cache only after its backend call succeeded. Thread-safe.
 */
public final class TreeOps {
  private final VfsCore core;

  TreeOps(VfsCore core) {
    this.core = core;
  }

  private static <T> T fail(Throwable t) {
    throw t instanceof CompletionException ce ? ce : new CompletionException(t);
  }

  /** Fails the walk result unless it names an entry that can be created: parent and name known. */
  private static Resolution creatable(Resolution r, String path) {
    if (r.entry() != null || r.parent() == null || r.name() == null) {
      return fail(new FileAlreadyExistsException(path));
    }
    return r;
  }

  /** Lists a directory's names, sorted. */
  public CompletableFuture<List<String>> list(String path) {
    ParsedPath parsed = VfsCore.parse(path);
    return core.run(
        ctx ->
            core.existing(parsed, true, ctx)
                .exceptionally(
                    e -> {
                      // opendir(3) fails with ENOTDIR, which the JDK reports as
                      // NotDirectoryException, also when a component on the way is a file.
                      Throwable c = Errors.unwrap(e);
                      if (c instanceof FileSystemException fse
                          && !(c instanceof NotDirectoryException)
                          && Errno.ENOTDIR.reason().equals(fse.getReason())) {
                        c = new NotDirectoryException(path);
                      }
                      throw new java.util.concurrent.CompletionException(c);
                    })
                .thenCompose(d -> listNames(d, path, ctx)));
  }

  CompletableFuture<List<String>> listNames(Dentry d, String path, OpContext ctx) {
    if (!d.isDirectory()) {
      return fail(Errors.of(Errno.ENOTDIR, path, null, Errors.Op.OPENDIR));
    }
    ctx.acquire();
    return Futures.of(() -> d.mount.backend.readDirectory(d.node))
        .handle(
            (entries, e) -> {
              if (e != null) {
                return fail(Errors.translate(e, path, null, Errors.Op.OPENDIR));
              }
              List<Name> names = new ArrayList<>();
              for (DirEntry de : entries) {
                names.add(de.name());
              }
              names.sort(null);
              List<String> out = new ArrayList<>(names.size());
              for (Name n : names) {
                out.add(n.toString());
              }
              return out;
            });
  }

  /** Makes a directory; fails if the name exists or the parent is absent. */
  public CompletableFuture<Void> createDirectory(String path, FileAttribute<?>... attrs) {
    ParsedPath parsed = VfsCore.parse(path);
    Set<PosixFilePermission> perms = Attributes.permissions(attrs);
    return core.run(ctx -> createDirectoryInternal(parsed, perms, ctx));
  }

  CompletableFuture<Void> createDirectoryInternal(
      ParsedPath parsed, @Nullable Set<PosixFilePermission> perms, OpContext ctx) {
    String path = parsed.toString();
    return core.walk(parsed, false, ctx)
        .thenCompose(
            r -> {
              creatable(r, path);
              Dentry parent = r.parent();
              Name name = r.name();
              ctx.acquire();
              DentryCache.Mutation m = core.cache.begin(parent, name);
              return Futures.of(
                      () -> parent.mount.backend.createDirectory(parent.node, name, perms))
                  .handle(
                      (info, e) -> {
                        if (e != null) {
                          core.cache.abandon(m);
                          return fail(Errors.translate(e, path));
                        }
                        core.cache.added(m, info);
                        core.changes.fire(ChangeListener.Kind.CREATE, path);
                        return null;
                      });
            });
  }

  /**
   * Makes a directory and its missing parents; succeeds if it exists as a directory (after links).
   */
  public CompletableFuture<Void> createDirectories(String path, List<FileAttribute<?>> attrs) {
    ParsedPath parsed = VfsCore.parse(path);
    Set<PosixFilePermission> perms = Attributes.permissions(attrs.toArray(new FileAttribute<?>[0]));
    return core.run(
        ctx -> {
          List<@Nullable Name> parts = parsed.components();
          int[] i = {0};
          StringBuilder prefix = new StringBuilder();
          return Futures.loop(
              () -> {
                if (i[0] >= parts.size()) {
                  return CompletableFuture.completedFuture(false);
                }
                Name n = parts.get(i[0]++);
                prefix.append('/').append(n == null ? ".." : n.toString());
                ParsedPath p = VfsCore.parse(prefix.toString());
                boolean last = i[0] == parts.size();
                // The prefixes before this one are directories, so a failed walk comes from
                // following a link at this name: the name exists and is no directory. As the JDK:
                // FileAlreadyExistsException, except that a loop or a "Not a directory" on the way
                // to a link's target is reported as such when the name is not the last.
                CompletableFuture<Resolution> walked =
                    core.walk(p, true, ctx)
                        .exceptionally(
                            x ->
                                last || Errors.unwrap(x) instanceof NoSuchFileException
                                    ? fail(new FileAlreadyExistsException(path))
                                    : fail(x));
                return walked.thenCompose(
                    r -> {
                      Dentry e = r.entry();
                      if (e != null) {
                        if (!e.isDirectory()) {
                          // As the JDK: the last name taken by a non-directory is
                          // FileAlreadyExistsException; one on the way is "Not a directory".
                          // The JDK names the next component, where its mkdir failed.
                          Name next = last ? null : parts.get(i[0]);
                          return fail(
                              last
                                  ? new FileAlreadyExistsException(path)
                                  : Errors.of(
                                      Errno.ENOTDIR,
                                      prefix + "/" + (next == null ? ".." : next.toString())));
                        }
                        return CompletableFuture.completedFuture(!last);
                      }
                      return createDirectoryInternal(p, perms, ctx)
                          .handle(
                              (v, x) ->
                                  x == null
                                      ? CompletableFuture.<Void>completedFuture(null)
                                      : alreadyThere(p, x, path, ctx))
                          .thenCompose(f -> f)
                          .thenApply(v -> !last);
                    });
              });
        });
  }

  /**
   * After a failed mkdir of a prefix: the name may have been taken meanwhile by a directory (a
   * concurrent creator: fine) or be a non-directory such as a dangling symbolic link, which the
   * walk that followed links saw as absent (FileAlreadyExistsException, as the JDK).
   */
  private CompletableFuture<Void> alreadyThere(
      ParsedPath p, Throwable x, String path, OpContext ctx) {
    if (!(Errors.unwrap(x) instanceof FileAlreadyExistsException)) {
      return fail(retarget(x, path));
    }
    return core.walk(p, true, ctx)
        .handle(
            (r, y) -> {
              if (y == null && r.entry() != null && r.entry().isDirectory()) {
                return null;
              }
              return fail(new FileAlreadyExistsException(path));
            });
  }

  private static Throwable retarget(Throwable x, String path) {
    Throwable c = Errors.unwrap(x);
    return c instanceof NoSuchFileException ? new NoSuchFileException(path) : c;
  }

  /** Deletes a file, a link, or an empty directory. */
  public CompletableFuture<Void> delete(String path) {
    ParsedPath parsed = VfsCore.parse(path);
    return core.run(ctx -> delete(parsed, ctx, false).thenApply(b -> null));
  }

  /** Deletes if present; returns whether something was deleted. */
  public CompletableFuture<Boolean> deleteIfExists(String path) {
    ParsedPath parsed = VfsCore.parse(path);
    return core.run(ctx -> delete(parsed, ctx, true));
  }

  CompletableFuture<Boolean> delete(ParsedPath parsed, OpContext ctx, boolean ifExists) {
    String path = parsed.toString();
    CompletableFuture<@Nullable Resolution> walked = core.walk(parsed, false, ctx);
    if (ifExists) {
      // As unlink(2) does, a missing directory on the way means "absent", not an error.
      walked =
          walked.exceptionally(
              e -> {
                Throwable c = Errors.unwrap(e);
                if (c instanceof NoSuchFileException) {
                  return null;
                }
                throw new java.util.concurrent.CompletionException(c);
              });
    }
    return walked.thenCompose(
        r -> {
          Dentry entry = r == null ? null : r.entry();
          if (r == null || entry == null) {
            return ifExists
                ? CompletableFuture.completedFuture(false)
                : fail(new NoSuchFileException(path));
          }
          Dentry parent = r.parent();
          Name name = r.name();
          if (parent == null || name == null || entry.isMountRoot()) {
            return fail(Errors.of(Errno.EBUSY, path));
          }
          boolean dir = entry.isDirectory();
          ctx.acquire();
          DentryCache.Mutation m = core.cache.begin(parent, name);
          return Futures.of(() -> parent.mount.backend.remove(parent.node, name, dir))
              .handle(
                  (v, e) -> {
                    if (e != null) {
                      core.cache.abandon(m);
                      Errno errno = Errors.errnoOf(e);
                      if (errno == Errno.ENOENT) {
                        core.cache.forget(parent, name);
                        if (ifExists) {
                          return false;
                        }
                      }
                      return fail(
                          Errors.translate(e, path, null, dir ? Errors.Op.RMDIR : Errors.Op.OTHER));
                    }
                    core.cache.removed(m, entry.node);
                    core.changes.fire(ChangeListener.Kind.DELETE, path);
                    return true;
                  });
        });
  }

  /** Renames, with the JDK's {@code Files.move} semantics. */
  public CompletableFuture<Void> move(String source, String target, CopyOption... options) {
    ParsedPath from = VfsCore.parse(source);
    ParsedPath to = VfsCore.parse(target);
    boolean replace = false;
    boolean atomic = false;
    for (CopyOption o : options) {
      if (o == null) {
        throw new NullPointerException("option");
      }
      if (o == StandardCopyOption.REPLACE_EXISTING) {
        replace = true;
      } else if (o == StandardCopyOption.ATOMIC_MOVE) {
        atomic = true;
      } else if (o != LinkOption.NOFOLLOW_LINKS && o != StandardCopyOption.COPY_ATTRIBUTES) {
        throw new UnsupportedOperationException("Unsupported copy option: " + o);
      }
    }
    boolean replaceExisting = replace;
    boolean atomicMove = atomic;
    return core.run(ctx -> new Mover(core, this, from, to, replaceExisting, atomicMove, ctx).run());
  }

  /** Copies, with the JDK's {@code Files.copy} semantics (a directory is copied empty). */
  public CompletableFuture<Void> copy(String source, String target, CopyOption... options) {
    ParsedPath from = VfsCore.parse(source);
    ParsedPath to = VfsCore.parse(target);
    boolean replace = false;
    boolean attrs = false;
    boolean nofollow = false;
    for (CopyOption o : options) {
      if (o == null) {
        throw new NullPointerException("option");
      }
      if (o == StandardCopyOption.REPLACE_EXISTING) {
        replace = true;
      } else if (o == StandardCopyOption.COPY_ATTRIBUTES) {
        attrs = true;
      } else if (o == LinkOption.NOFOLLOW_LINKS) {
        nofollow = true;
      } else {
        throw new UnsupportedOperationException("Unsupported copy option: " + o);
      }
    }
    boolean r = replace;
    boolean a = attrs;
    boolean f = !nofollow;
    // The copy's own creates and writes report the change.
    return core.run(ctx -> new Copier(core, this, from, to, r, a, f, ctx).run());
  }

  /** Makes a symbolic link {@code link} to {@code target}. */
  public CompletableFuture<Void> createSymbolicLink(
      String link, String target, FileAttribute<?>... attrs) {
    ParsedPath parsed = VfsCore.parse(link);
    java.util.Objects.requireNonNull(target, "target");
    if (target.indexOf('\u0000') >= 0) {
      throw new java.nio.file.InvalidPathException(target, "Nul character not allowed");
    }
    if (attrs.length > 0) {
      throw new UnsupportedOperationException("Initial file attributes not supported for links");
    }
    return core.run(ctx -> createSymlinkInternal(parsed, target, ctx));
  }

  CompletableFuture<Void> createSymlinkInternal(ParsedPath parsed, String target, OpContext ctx) {
    String link = parsed.toString();
    return core.walk(parsed, false, ctx)
        .thenCompose(
            r -> {
              creatable(r, link);
              Dentry parent = r.parent();
              Name name = r.name();
              if (!parent.mount.has(Capability.SYMBOLIC_LINKS)) {
                return fail(new UnsupportedOperationException("Symbolic links not supported"));
              }
              ctx.acquire();
              return added(
                  parent,
                  name,
                  link,
                  null,
                  () -> parent.mount.backend.createSymlink(parent.node, name, target));
            });
  }

  /** Makes a hard link {@code link} to the file {@code existing} (not following a link). */
  public CompletableFuture<Void> createLink(String link, String existing) {
    ParsedPath to = VfsCore.parse(link);
    ParsedPath from = VfsCore.parse(existing);
    return core.run(
        ctx ->
            core.walk(from, false, ctx)
                .thenCompose(
                    src -> {
                      if (src.entry() == null) {
                        return fail(new NoSuchFileException(link, existing, null));
                      }
                      return core.walk(to, false, ctx)
                          .thenCompose(
                              dst -> {
                                if (dst.entry() != null || dst.parent() == null) {
                                  return fail(new FileAlreadyExistsException(link, existing, null));
                                }
                                Dentry sp = src.parent();
                                Dentry dp = dst.parent();
                                Name dn = dst.name();
                                if (sp == null || src.name() == null) {
                                  return fail(
                                      Errors.of(Errno.EPERM, link, existing, Errors.Op.OTHER));
                                }
                                if (sp.mount != dp.mount) {
                                  return fail(
                                      Errors.of(Errno.EXDEV, link, existing, Errors.Op.OTHER));
                                }
                                if (!dp.mount.has(Capability.HARD_LINKS)) {
                                  return fail(
                                      new UnsupportedOperationException(
                                          "Hard links not supported"));
                                }
                                ctx.acquire();
                                Name sn = src.name();
                                return added(
                                    dp,
                                    dn,
                                    link,
                                    existing,
                                    () -> dp.mount.backend.link(sp.node, sn, dp.node, dn));
                              });
                    }));
  }

  private CompletableFuture<Void> added(
      Dentry parent,
      Name name,
      String path,
      @Nullable String other,
      java.util.function.Supplier<java.util.concurrent.CompletionStage<NodeInfo>> call) {
    DentryCache.Mutation m = core.cache.begin(parent, name);
    return Futures.of(call)
        .handle(
            (info, e) -> {
              if (e != null) {
                core.cache.abandon(m);
                return fail(Errors.translate(e, path, other, Errors.Op.OTHER));
              }
              core.cache.added(m, info);
              core.changes.fire(ChangeListener.Kind.CREATE, path);
              return null;
            });
  }

  /** Reads a symbolic link's target. */
  public CompletableFuture<String> readSymbolicLink(String link) {
    ParsedPath parsed = VfsCore.parse(link);
    return core.run(
        ctx ->
            core.existing(parsed, false, ctx)
                .thenCompose(
                    d ->
                        d.isSymlink()
                            ? readLinkInternal(d, link, ctx)
                            : fail(new NotLinkException(link))));
  }

  CompletableFuture<String> readLinkInternal(Dentry d, String link, OpContext ctx) {
    if (d.symlinkTarget != null) {
      return CompletableFuture.completedFuture(d.symlinkTarget);
    }
    ctx.acquire();
    return Futures.of(() -> d.mount.backend.readSymlink(d.node))
        .handle(
            (t, e) -> {
              if (e != null) {
                return fail(Errors.translate(e, link, null, Errors.Op.READLINK));
              }
              core.cache.rememberSymlinkTarget(d, t);
              return t;
            });
  }

  /**
   * Sets times (null leaves one unchanged); with {@code follow} false, of a symbolic link itself,
   * as {@code utimensat(AT_SYMLINK_NOFOLLOW)}.
   */
  public CompletableFuture<Void> setTimes(
      String path,
      @Nullable FileTime lastModified,
      @Nullable FileTime lastAccess,
      @Nullable FileTime creation,
      boolean follow) {
    ParsedPath parsed = VfsCore.parse(path);
    return core.run(
        ctx -> setTimesInternal(parsed, lastModified, lastAccess, creation, follow, ctx));
  }

  CompletableFuture<Void> setTimesInternal(
      ParsedPath parsed,
      @Nullable FileTime lastModified,
      @Nullable FileTime lastAccess,
      OpContext ctx) {
    return setTimesInternal(parsed, lastModified, lastAccess, null, true, ctx);
  }

  private CompletableFuture<Void> setTimesInternal(
      ParsedPath parsed,
      @Nullable FileTime lastModified,
      @Nullable FileTime lastAccess,
      @Nullable FileTime creation,
      boolean follow,
      OpContext ctx) {
    String path = parsed.toString();
    return core.existing(parsed, follow, ctx)
        .thenCompose(
            d -> {
              if (!d.mount.has(Capability.SET_TIMES)) {
                return fail(new UnsupportedOperationException("Setting times not supported"));
              }
              ctx.acquire();
              return changed(
                  d,
                  path,
                  Futures.of(
                      () -> d.mount.backend.setTimes(d.node, lastModified, lastAccess, creation)));
            });
  }

  /** Sets POSIX permissions, following links. */
  public CompletableFuture<Void> setPermissions(String path, Set<PosixFilePermission> perms) {
    ParsedPath parsed = VfsCore.parse(path);
    Set<PosixFilePermission> copy = Set.copyOf(perms);
    return core.run(
        ctx ->
            core.existing(parsed, true, ctx)
                .thenCompose(
                    d -> {
                      if (!d.mount.has(Capability.POSIX_PERMISSIONS)) {
                        return fail(
                            new UnsupportedOperationException("POSIX permissions not supported"));
                      }
                      ctx.acquire();
                      return changed(
                          d, path, Futures.of(() -> d.mount.backend.setPermissions(d.node, copy)));
                    }));
  }

  private CompletableFuture<Void> changed(Dentry d, String path, CompletableFuture<Void> call) {
    return call.handle(
        (v, e) -> {
          if (e != null) {
            return fail(Errors.translate(e, path));
          }
          core.cache.invalidateAttributes(d.mount, d.node);
          core.changes.fire(ChangeListener.Kind.MODIFY, path);
          return null;
        });
  }

  /** Returns the space figures of the store that holds {@code path}. */
  public CompletableFuture<StoreInfo> storeInfo(String path) {
    ParsedPath parsed = VfsCore.parse(path);
    return core.run(
        ctx ->
            core.existing(parsed, true, ctx)
                .thenCompose(
                    d -> {
                      ctx.acquire();
                      return Futures.of(() -> d.mount.backend.storeInfo())
                          .handle((s, e) -> e != null ? fail(Errors.translate(e, path)) : s);
                    }));
  }

  /** Returns {@link #fail} for use by Mover and Copier. */
  static <T> T failWith(Throwable t) {
    return fail(t);
  }

  /** Returns an exception for a cross-mount atomic move. */
  static AtomicMoveNotSupportedException crossMount(String source, String target) {
    return new AtomicMoveNotSupportedException(source, target, "Invalid cross-device link");
  }

  /** Returns the JDK's exception for a non-empty directory moved across stores. */
  static DirectoryNotEmptyException notEmpty(String source) {
    return new DirectoryNotEmptyException(source);
  }
}
