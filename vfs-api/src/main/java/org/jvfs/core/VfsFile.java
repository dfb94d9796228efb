package org.jvfs.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.jvfs.AsyncFile;
import org.jvfs.ChangeListener;
import org.jvfs.spi.BackendFile;

/**
 * A file opened through the VFS. It translates backend errors with the path it was opened by,
 * completes writes that a backend did short, forgets the node's cached attributes after every
 * change, and deletes the file on close when asked to. Thread-safe.
 */
final class VfsFile implements AsyncFile {
  private final VfsCore core;
  private final String path;
  private final BackendFile file;
  private final Mount mount;
  private final boolean append;
  private final boolean deleteOnClose;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private volatile @Nullable CompletableFuture<Void> closing;

  VfsFile(
      VfsCore core,
      String path,
      BackendFile file,
      Mount mount,
      boolean append,
      boolean deleteOnClose) {
    this.core = core;
    this.path = path;
    this.file = file;
    this.mount = mount;
    this.append = append;
    this.deleteOnClose = deleteOnClose;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public boolean isOpen() {
    return open.get() && core.isOpen();
  }

  private <T> CompletableFuture<T> op(
      java.util.function.Function<OpContext, CompletableFuture<T>> body) {
    if (!isOpen()) {
      return CompletableFuture.failedFuture(new ClosedChannelException());
    }
    return core.run(
        ctx -> {
          ctx.acquire();
          return body.apply(ctx)
              .handle(
                  (v, e) -> {
                    if (e != null) {
                      throw new java.util.concurrent.CompletionException(Errors.translate(e, path));
                    }
                    return v;
                  });
        });
  }

  @Override
  public CompletableFuture<Integer> read(ByteBuffer dst, long position) {
    checkNotNull(dst, "dst");
    checkArgument(position >= 0, "position (%s) must not be negative", position);
    return op(ctx -> Futures.of(() -> file.read(dst, position)));
  }

  @Override
  public CompletableFuture<Integer> write(ByteBuffer src, long position) {
    checkNotNull(src, "src");
    checkArgument(position >= 0, "position (%s) must not be negative", position);
    int total = src.remaining();
    long[] pos = {position};
    return op(
        ctx ->
            Futures.loop(
                    () -> {
                      if (!src.hasRemaining()) {
                        return CompletableFuture.completedFuture(false);
                      }
                      return file.write(src, pos[0])
                          .thenApply(
                              n -> {
                                pos[0] += n;
                                return src.hasRemaining();
                              });
                    })
                .whenComplete((v, e) -> changed())
                .thenApply(v -> total));
  }

  @Override
  public CompletableFuture<Long> size() {
    return op(ctx -> Futures.of(file::size));
  }

  @Override
  public CompletableFuture<Void> truncate(long size) {
    checkArgument(size >= 0, "size (%s) must not be negative", size);
    return op(
        ctx ->
            Futures.of(file::size)
                .thenCompose(
                    now ->
                        now > size
                            ? file.truncate(size).thenRun(this::changed)
                            : CompletableFuture.<Void>completedFuture(null)));
  }

  @Override
  public CompletableFuture<Void> force(boolean metadata) {
    return op(ctx -> Futures.of(() -> file.force(metadata)));
  }

  private void changed() {
    core.cache.invalidateAttributes(mount, file.node());
    core.changes.fire(ChangeListener.Kind.MODIFY, path);
  }

  @Override
  public CompletableFuture<Void> close() {
    if (!open.compareAndSet(true, false)) {
      CompletableFuture<Void> c = closing;
      return c != null ? c : CompletableFuture.completedFuture(null);
    }
    core.openFiles.remove(this);
    CompletableFuture<Void> c =
        Futures.of(file::close)
            .handle(
                (v, e) -> {
                  if (e != null) {
                    throw new java.util.concurrent.CompletionException(Errors.translate(e, path));
                  }
                  return v;
                });
    if (deleteOnClose && core.isOpen()) {
      c =
          c.thenCompose(
              v ->
                  core.tree()
                      .deleteIfExists(path)
                      .<Void>thenApply(b -> null)
                      .exceptionally(e -> null));
    }
    // A backend may close on a thread of its own (the posix backend never closes on the caller's
    // thread): what the caller chains on the close runs where its other results do.
    c = core.completer.deliver(c);
    closing = c;
    return c;
  }

  /** Closes the backend file, ignoring errors; when the VFS closes. */
  void closeQuietly() {
    if (open.compareAndSet(true, false)) {
      try {
        file.close();
      } catch (RuntimeException e) {
        // The VFS is closing; there is no one to tell.
      }
    }
  }

  @Override
  public String toString() {
    return "AsyncFile[" + path + (append ? ", append" : "") + "]";
  }
}
