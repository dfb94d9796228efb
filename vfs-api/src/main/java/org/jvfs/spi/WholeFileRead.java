package org.jvfs.spi;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@link Backend#readFile} composed of {@link Backend#open}, {@link BackendFile#read} and {@link
 * BackendFile#close}: the default for backends that have no faster way.
 *
 * <p>The content is read into an array of the size the open reported; once it is full, one read
 * into a small scratch buffer tells whether the file ended there (the common case, so the array is
 * returned as is) or grew, in which case the array grows and reading goes on. A read loop that
 * completes inline runs iteratively, not recursively. Thread-safe: each call has its own state.
 */
final class WholeFileRead {
  /** The scratch read that looks for the end of file once the array is full. */
  static final int PROBE = 8192;

  /** The largest array a whole-file read fills, as {@code Files.readAllBytes} allows. */
  static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final BackendFile file;
  private final long limit;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteBuffer probe = ByteBuffer.allocate(PROBE);
  private byte[] buf;
  private int count;

  private WholeFileRead(BackendFile file, long size, long limit) {
    this.file = file;
    this.limit = Math.min(limit, MAX_ARRAY);
    this.buf = new byte[(int) size];
  }

  /** See {@link Backend#readFileByOpen}. */
  static CompletionStage<byte[]> read(Backend backend, Node dir, Name name, long limit) {
    if (backend == null || dir == null || name == null) {
      throw new NullPointerException("backend, dir and name must not be null");
    }
    if (limit < 0) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("limit (" + limit + ") must not be negative"));
    }
    return backend
        .open(dir, name, OpenFlags.READ, null)
        .thenCompose(
            opened -> {
              BackendFile f = opened.file();
              CompletableFuture<byte[]> content;
              try {
                content = content(f, opened.info().attributes(), limit);
              } catch (RuntimeException e) {
                content = CompletableFuture.failedFuture(e);
              }
              return content
                  .handle(
                      (bytes, error) ->
                          f.close()
                              .handle(
                                  (v, closeError) -> {
                                    if (error != null) {
                                      throw error instanceof CompletionException c
                                          ? c
                                          : new CompletionException(error);
                                    }
                                    if (closeError != null) {
                                      throw closeError instanceof CompletionException c
                                          ? c
                                          : new CompletionException(closeError);
                                    }
                                    return bytes;
                                  }))
                  .thenCompose(stage -> stage);
            });
  }

  private static CompletableFuture<byte[]> content(
      BackendFile f, NodeAttributes attributes, long limit) {
    if (attributes.isDirectory()) {
      return CompletableFuture.failedFuture(new BackendException(Errno.EISDIR));
    }
    long size = Math.max(0, attributes.size());
    if (size > Math.min(limit, MAX_ARRAY)) {
      return CompletableFuture.failedFuture(new BackendException(Errno.EFBIG));
    }
    WholeFileRead r = new WholeFileRead(f, size, limit);
    r.next();
    return r.result;
  }

  /** Issues reads until one is pending or the content is complete. */
  private void next() {
    while (true) {
      ByteBuffer dst;
      if (count < buf.length) {
        dst = ByteBuffer.wrap(buf, count, buf.length - count);
      } else {
        probe.clear();
        dst = probe;
      }
      CompletableFuture<Integer> read;
      try {
        read = file.read(dst, count).toCompletableFuture();
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      if (read.isDone() && !read.isCompletedExceptionally()) {
        if (!consume(read.join(), dst)) {
          return;
        }
        continue;
      }
      read.whenComplete(
          (n, e) -> {
            if (e != null) {
              result.completeExceptionally(e);
            } else if (consume(n, dst)) {
              next();
            }
          });
      return;
    }
  }

  /** Takes a read's result; returns true to read on, false once the result is complete. */
  private boolean consume(int n, ByteBuffer dst) {
    if (n < 0) {
      result.complete(count == buf.length ? buf : Arrays.copyOf(buf, count));
      return false;
    }
    if (dst == probe && n > 0) {
      long need = (long) count + n;
      if (need > limit) {
        result.completeExceptionally(new BackendException(Errno.EFBIG));
        return false;
      }
      long grown = Math.min(limit, Math.max(need, Math.max(16, 2L * buf.length)));
      buf = Arrays.copyOf(buf, (int) grown);
      System.arraycopy(probe.array(), 0, buf, count, n);
    }
    count += n;
    return true;
  }
}
