package org.jvfs.core;

import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.jvfs.AsyncFile;
import org.jvfs.ChangeListener;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.OpenFlags;

/** Opening files and whole-file reads and writes. Thread-safe. */
public final class FileOps {
  /** The largest array a whole-file read can fill, as {@code Files.readAllBytes} allows. */
  static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

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
    String path = parsed.toString();
    // O_CREAT|O_EXCL never follows a final symlink; neither does O_NOFOLLOW.
    boolean follow = !nofollow && !flags.createNew();
    return core.walk(parsed, follow, ctx)
        .thenCompose(
            r -> {
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
              long generation = core.cache.generation(parent);
              return Futures.of(() -> mount.backend.open(parent.node, name, flags, perms))
                  .handle(
                      (opened, e) -> {
                        if (e != null) {
                          if (Errors.errnoOf(e) == Errno.ENOENT && entry != null) {
                            core.cache.forget(parent, name);
                          }
                          throw new CompletionException(Errors.translate(e, path));
                        }
                        return adopt(
                            opened, parent, name, entry, path, flags, deleteOnClose, generation);
                      });
            });
  }

  private AsyncFile adopt(
      Backend.Opened opened,
      Dentry parent,
      Name name,
      @Nullable Dentry entry,
      String path,
      OpenFlags flags,
      boolean deleteOnClose,
      long generation) {
    Mount mount = parent.mount;
    if (entry == null || opened.created() || !entry.node.equals(opened.info().node())) {
      core.cache.added(parent, name, opened.info(), generation);
    } else if (flags.truncate() && flags.write()) {
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

  /** Reads a whole file. */
  public CompletableFuture<byte[]> readAllBytes(String path) {
    ParsedPath parsed = VfsCore.parse(path);
    return core.run(
        ctx ->
            open(parsed, OpenFlags.READ, null, false, false, ctx)
                .thenCompose(f -> Futures.andFinally(readAll(f), f::close)));
  }

  private static CompletableFuture<byte[]> readAll(AsyncFile f) {
    return f.size()
        .thenCompose(
            size -> {
              if (size > MAX_ARRAY) {
                throw new CompletionException(
                    new OutOfMemoryError("Required array size too large"));
              }
              ByteBuffer[] buf = {ByteBuffer.allocate((int) Math.max(size, 16))};
              return Futures.loop(
                      () -> {
                        ByteBuffer b = buf[0];
                        if (!b.hasRemaining()) {
                          if (b.capacity() >= MAX_ARRAY) {
                            throw new OutOfMemoryError("Required array size too large");
                          }
                          int grown = (int) Math.min(MAX_ARRAY, (long) b.capacity() * 2);
                          ByteBuffer bigger = ByteBuffer.allocate(grown);
                          b.flip();
                          bigger.put(b);
                          buf[0] = bigger;
                          b = bigger;
                        }
                        return f.read(b, b.position()).thenApply(n -> n >= 0);
                      })
                  .thenApply(
                      v -> {
                        ByteBuffer b = buf[0];
                        byte[] out = new byte[b.position()];
                        b.flip();
                        b.get(out);
                        return out;
                      });
            });
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
