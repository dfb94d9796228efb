package org.jvfs.core;

import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.jvfs.AsyncFile;
import org.jvfs.ChangeListener;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeKind;
import org.jvfs.spi.OpenFlags;

/** Opening files and whole-file reads and writes. Thread-safe. */
public final class FileOps {
  /** The largest array a whole-file read can fill, as {@code Files.readAllBytes} allows. */
  static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  /** The scratch read that looks for the end of file once a whole-file read's array is full. */
  private static final int EOF_PROBE = 8192;

  private final VfsCore core;

  FileOps(VfsCore core) {
    this.core = core;
  }

  /**
   * Opens a file.
   *
   * @throws IllegalArgumentException for contradicting options
   * @throws UnsupportedOperationException for an unknown option or file attribute
   */
  public CompletableFuture<AsyncFile> open(
      String path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) {
    ParsedPath parsed = VfsCore.parse(path);
    OpenFlags flags = OpenFlags.from(options);
    Set<PosixFilePermission> perms = Attributes.permissions(attrs);
    boolean nofollow = options.contains(LinkOption.NOFOLLOW_LINKS);
    boolean deleteOnClose = options.contains(StandardOpenOption.DELETE_ON_CLOSE);
    return core.run(ctx -> open(parsed, flags, perms, nofollow, deleteOnClose, ctx));
  }

  CompletableFuture<AsyncFile> open(
      ParsedPath parsed,
      OpenFlags flags,
      @Nullable Set<PosixFilePermission> perms,
      boolean nofollow,
      boolean deleteOnClose,
      OpContext ctx) {
    // O_CREAT|O_EXCL never follows a final symlink; neither does O_NOFOLLOW.
    boolean follow = !nofollow && !flags.createNew();
    return core.walk(parsed, follow, ctx)
        .thenCompose(r -> openResolved(r, parsed, flags, perms, deleteOnClose, ctx))
        .thenApply(OpenedFile::file);
  }

  /** A file the VFS opened, and its attributes as the open saw them. */
  private record OpenedFile(VfsFile file, NodeAttributes attributes) {}

  /** Opens the final component of a walk. */
  private CompletableFuture<OpenedFile> openResolved(
      Resolution r,
      ParsedPath parsed,
      OpenFlags flags,
      @Nullable Set<PosixFilePermission> perms,
      boolean deleteOnClose,
      OpContext ctx) {
    String path = parsed.toString();
    Dentry entry = r.entry();
    Dentry parent = r.parent();
    Name name = r.name();
    if (entry != null) {
      if (flags.createNew()) {
        throw new CompletionException(new FileAlreadyExistsException(path));
      }
      if (entry.isSymlink()) {
        throw new CompletionException(Errors.of(Errno.ELOOP, path));
      }
      if (entry.isDirectory() && flags.write()) {
        throw new CompletionException(Errors.of(Errno.EISDIR, path));
      }
    } else if (!flags.creates()) {
      throw new CompletionException(new NoSuchFileException(path));
    }
    if (parent == null || name == null) {
      // The root of a mount: a directory, opened for reading only.
      throw new CompletionException(Errors.of(Errno.EISDIR, path));
    }
    ctx.acquire();
    Mount mount = parent.mount;
    // An open that may create is a mutation of the name (pending until the cache knows); a plain
    // open changes no name.
    DentryCache.Mutation m = flags.creates() ? core.cache.begin(parent, name) : null;
    return Futures.of(() -> mount.backend.open(parent.node, name, flags, perms))
        .handle(
            (opened, e) -> {
              if (e != null) {
                if (m != null) {
                  core.cache.abandon(m);
                }
                if (Errors.errnoOf(e) == Errno.ENOENT && entry != null) {
                  core.cache.forget(parent, name);
                }
                throw new CompletionException(Errors.translate(e, path));
              }
              VfsFile f = adopt(opened, parent, name, entry, path, flags, deleteOnClose, m);
              return new OpenedFile(f, opened.info().attributes());
            });
  }

  private VfsFile adopt(
      Backend.Opened opened,
      Dentry parent,
      Name name,
      @Nullable Dentry entry,
      String path,
      OpenFlags flags,
      boolean deleteOnClose,
      DentryCache.@Nullable Mutation m) {
    Mount mount = parent.mount;
    boolean changed = entry == null || opened.created() || !entry.node.equals(opened.info().node());
    if (m != null) {
      if (changed) {
        core.cache.added(m, opened.info());
      } else {
        core.cache.abandon(m);
      }
    } else if (changed) {
      // Another process replaced the file since it was cached: the cached dentry names the old one.
      core.cache.forget(parent, name);
    }
    if (flags.truncate() && flags.write()) {
      core.cache.invalidateAttributes(mount, opened.info().node());
    }
    if (opened.created()) {
      core.changes.fire(ChangeListener.Kind.CREATE, path);
    } else if (flags.truncate() && flags.write()) {
      core.changes.fire(ChangeListener.Kind.MODIFY, path);
    }
    VfsFile f = new VfsFile(core, path, opened.file(), mount, flags.append(), deleteOnClose);
    core.openFiles.add(f);
    if (!core.isOpen()) {
      // The VFS closed while the open was in flight: release the descriptor at once.
      f.closeQuietly();
      core.openFiles.remove(f);
      throw new CompletionException(new java.nio.file.ClosedFileSystemException());
    }
    return f;
  }

  /**
   * Reads a whole file. A name the walk resolves to a regular file is read with one {@link
   * Backend#readFile} call; anything else (a directory fails at once; other kinds of file) is
   * opened and read to the end of file.
   */
  public CompletableFuture<byte[]> readAllBytes(String path) {
    ParsedPath parsed = VfsCore.parse(path);
    return core.run(
        ctx ->
            core.walk(parsed, true, ctx)
                .thenCompose(
                    r -> {
                      Dentry entry = r.entry();
                      Dentry parent = r.parent();
                      Name name = r.name();
                      if (entry != null && entry.isDirectory()) {
                        throw new CompletionException(Errors.of(Errno.EISDIR, parsed.toString()));
                      }
                      if (entry != null
                          && entry.kind == NodeKind.FILE
                          && parent != null
                          && name != null) {
                        return readFile(parsed, parent, name, ctx);
                      }
                      return readByOpen(r, parsed, ctx);
                    }));
  }

  /**
   * One {@link Backend#readFile} call. If the backend found no regular file where the cache had one
   * (another process replaced it), the entry is forgotten; a directory or a symbolic link there is
   * then walked to afresh and read as such.
   */
  private CompletableFuture<byte[]> readFile(
      ParsedPath parsed, Dentry parent, Name name, OpContext ctx) {
    String path = parsed.toString();
    ctx.acquire();
    Mount mount = parent.mount;
    return Futures.of(() -> mount.backend.readFile(parent.node, name, MAX_ARRAY))
        .handle(
            (bytes, e) -> {
              if (e == null) {
                return CompletableFuture.completedFuture(bytes);
              }
              Errno errno = Errors.errnoOf(e);
              if (errno == Errno.ENOENT || errno == Errno.EISDIR || errno == Errno.ELOOP) {
                core.cache.forget(parent, name);
              }
              if (errno == Errno.EISDIR || errno == Errno.ELOOP) {
                return core.walk(parsed, true, ctx)
                    .thenCompose(
                        r -> {
                          Dentry entry = r.entry();
                          if (entry != null && entry.isDirectory()) {
                            throw new CompletionException(Errors.of(Errno.EISDIR, path));
                          }
                          return readByOpen(r, parsed, ctx);
                        });
              }
              if (errno == Errno.EFBIG) {
                throw new CompletionException(
                    new OutOfMemoryError("Required array size too large"));
              }
              throw new CompletionException(Errors.translate(e, path));
            })
        .thenCompose(f -> f);
  }

  /** Opens the final component of a walk for reading, reads it to the end of file, closes it. */
  private CompletableFuture<byte[]> readByOpen(Resolution r, ParsedPath parsed, OpContext ctx) {
    return openResolved(r, parsed, OpenFlags.READ, null, false, ctx)
        .thenCompose(
            o -> Futures.andFinally(readAll(o.file(), o.attributes().size()), o.file()::close));
  }

  /**
   * Reads {@code f} to the end of file into an array of {@code size} bytes, the size the open saw.
   * Once the array is full, one read into a small scratch buffer tells whether the file ended there
   * (the array is returned as is, never copied) or grew (the array grows and reading goes on).
   */
  private static CompletableFuture<byte[]> readAll(AsyncFile f, long size) {
    if (size > MAX_ARRAY) {
      return CompletableFuture.failedFuture(new OutOfMemoryError("Required array size too large"));
    }
    byte[][] buf = {new byte[(int) Math.max(0, size)]};
    int[] count = {0};
    ByteBuffer probe = ByteBuffer.allocate(EOF_PROBE);
    return Futures.loop(
            () -> {
              byte[] b = buf[0];
              if (count[0] < b.length) {
                return f.read(ByteBuffer.wrap(b, count[0], b.length - count[0]), count[0])
                    .thenApply(
                        n -> {
                          if (n < 0) {
                            return false;
                          }
                          count[0] += n;
                          return true;
                        });
              }
              probe.clear();
              return f.read(probe, count[0])
                  .thenApply(
                      n -> {
                        if (n <= 0) {
                          return n == 0;
                        }
                        long need = (long) count[0] + n;
                        if (need > MAX_ARRAY) {
                          throw new OutOfMemoryError("Required array size too large");
                        }
                        long grown = Math.min(MAX_ARRAY, Math.max(need, 2L * b.length + 16));
                        byte[] bigger = Arrays.copyOf(b, (int) grown);
                        System.arraycopy(probe.array(), 0, bigger, count[0], n);
                        buf[0] = bigger;
                        count[0] += n;
                        return true;
                      });
            })
        .thenApply(v -> count[0] == buf[0].length ? buf[0] : Arrays.copyOf(buf[0], count[0]));
  }

  /**
   * Writes bytes to a file; with no options, as {@code Files.write}: CREATE, TRUNCATE_EXISTING,
   * WRITE.
   */
  public CompletableFuture<Void> write(String path, byte[] bytes, OpenOption... options) {
    ParsedPath parsed = VfsCore.parse(path);
    Set<OpenOption> opts = new java.util.HashSet<>(java.util.Arrays.asList(options));
    if (opts.isEmpty()) {
      opts.add(StandardOpenOption.CREATE);
      opts.add(StandardOpenOption.TRUNCATE_EXISTING);
    }
    opts.add(StandardOpenOption.WRITE);
    OpenFlags flags = OpenFlags.from(opts);
    boolean nofollow = opts.contains(LinkOption.NOFOLLOW_LINKS);
    byte[] copy = bytes.clone();
    return core.run(
        ctx ->
            open(parsed, flags, null, nofollow, false, ctx)
                .thenCompose(
                    f ->
                        Futures.andFinally(
                            f.write(ByteBuffer.wrap(copy), 0).<Void>thenApply(n -> null),
                            f::close)));
  }

  /** Copies a regular file's content to a new file; for {@link TreeOps#copy}. */
  CompletableFuture<Void> copyContent(
      ParsedPath from, ParsedPath to, @Nullable Set<PosixFilePermission> perms, OpContext ctx) {
    OpenFlags create =
        OpenFlags.from(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW));
    return open(from, OpenFlags.READ, null, false, false, ctx)
        .thenCompose(
            in ->
                Futures.andFinally(
                    open(to, create, perms, true, false, ctx)
                        .thenCompose(out -> Futures.andFinally(pump(in, out), out::close)),
                    in::close));
  }

  private static CompletableFuture<Void> pump(AsyncFile in, AsyncFile out) {
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    long[] pos = {0};
    return Futures.loop(
        () -> {
          buf.clear();
          return in.read(buf, pos[0])
              .thenCompose(
                  n -> {
                    if (n < 0) {
                      return CompletableFuture.completedFuture(false);
                    }
                    buf.flip();
                    long at = pos[0];
                    pos[0] += n;
                    return out.write(buf, at).thenApply(w -> true);
                  });
        });
  }
}
