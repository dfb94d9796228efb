package org.jvfs;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * A file opened through a {@link Vfs}: positional, asynchronous reads and writes.
 *
 * <p>Thread-safe: several operations may be in flight at once. Every future completes on the VFS's
 * completion executor, or on the calling thread when the backend answered at once. After {@link
 * #close()}, or after the VFS is closed, operations fail with {@link
 * java.nio.channels.ClosedChannelException}.
 */
public interface AsyncFile {

  /** Returns the path this file was opened by. */
  String path();

  /** Returns true until the file or its VFS is closed. */
  boolean isOpen();

  /**
   * Reads into {@code dst} from {@code position}.
   *
   * @return the number of bytes read, or -1 at end of file
   * @throws IllegalArgumentException if {@code position} is negative
   */
  CompletableFuture<Integer> read(ByteBuffer dst, long position);

  /**
   * Writes all remaining bytes of {@code src} at {@code position} (at the end of the file if it was
   * opened with {@code APPEND}).
   *
   * @return the number of bytes written (all of {@code src.remaining()})
   * @throws IllegalArgumentException if {@code position} is negative
   */
  CompletableFuture<Integer> write(ByteBuffer src, long position);

  /** Returns the file's size in bytes. */
  CompletableFuture<Long> size();

  /**
   * Cuts the file to {@code size} bytes if it is longer, as {@link
   * java.nio.channels.FileChannel#truncate} does; a longer size changes nothing.
   *
   * @throws IllegalArgumentException if {@code size} is negative
   */
  CompletableFuture<Void> truncate(long size);

  /** Forces content (and, if {@code metadata}, metadata) to the device. */
  CompletableFuture<Void> force(boolean metadata);

  /**
   * Closes the file; if it was opened with {@code DELETE_ON_CLOSE}, deletes it. Idempotent: later
   * calls return a completed future.
   */
  CompletableFuture<Void> close();
}
