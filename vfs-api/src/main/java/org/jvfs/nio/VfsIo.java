package org.jvfs.nio;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Blocking on the VFS's futures for the blocking {@code java.nio} API. */
final class VfsIo {
  private VfsIo() {}

  /**
   * Waits for {@code future} and returns its value, throwing the failure's cause: an IOException or
   * unchecked exception as is, anything else wrapped in an IOException.
   */
  static <T> T join(CompletableFuture<T> future) throws IOException {
    if (future.isDone()) {
      // A result already there (a cached answer, a read on the caller's thread): join throws the
      // failure the future holds without wrapping it in a new ExecutionException with its trace.
      try {
        return future.join();
      } catch (CompletionException e) {
        throw rethrow(e);
      }
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the VFS");
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  /** Returns the cause to throw for a failure: unwraps CompletionExceptions. */
  static IOException rethrow(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof IOException io) {
      return io;
    }
    if (c instanceof RuntimeException re) {
      throw re;
    }
    if (c instanceof Error err) {
      throw err;
    }
    return new IOException(c);
  }
}
