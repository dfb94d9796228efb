package org.jvfs.spi;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * An open file of a backend: positional reads and writes, and the calls on an open descriptor.
 *
 * <p>Implementations are thread-safe: several reads and writes may be in flight at once. After
 * {@link #close()} every operation fails with {@link java.nio.channels.ClosedChannelException}.
 */
public interface BackendFile {

  /** Returns the node this file was opened on. */
  Node node();

  /**
   * Reads into {@code dst} from {@code position}, as {@code pread(2)}: at most {@code
   * dst.remaining()} bytes; the buffer's position advances by the count.
   *
   * @return the number of bytes read, or -1 at end of file (and 0 only when {@code dst} has no
   *     room)
   */
  CompletionStage<Integer> read(ByteBuffer dst, long position);

  /**
   * Writes from {@code src} at {@code position}, or at the end if the file was opened for append
   * (then {@code position} is ignored), as {@code pwrite(2)}. A backend may write fewer bytes than
   * remain; the buffer's position advances by the count. Writing past the end fills the gap with
   * zeros.
   *
   * @return the number of bytes written
   */
  CompletionStage<Integer> write(ByteBuffer src, long position);

  /** Returns the file's current size in bytes. */
  CompletionStage<Long> size();

  /**
   * Sets the file's size, as {@code ftruncate(2)}: cuts it, or extends it with zeros.
   *
   * @param size the new size, not negative
   */
  CompletionStage<Void> truncate(long size);

  /**
   * Writes the file's data (and, if {@code metadata}, its metadata) to the device, as {@code
   * fsync(2)} or {@code fdatasync(2)}. Never retried after a failure: the data may be lost.
   */
  CompletionStage<Void> force(boolean metadata);

  /**
   * Closes the file. Closing twice is harmless; a close is never retried (the descriptor is gone
   * either way).
   */
  CompletionStage<Void> close();
}
