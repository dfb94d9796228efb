package org.jvfs.aio.ring;

/**
 * Encodes one operation into the SQE a {@link Ring} hands it. Runs under the ring's SQ lock: it
 * must be short and must not block or touch the ring.
 */
@FunctionalInterface
public interface SqeWriter {
  /** Writes one operation (and its flags) with {@code sqe}. */
  void write(Sqe sqe);
}
