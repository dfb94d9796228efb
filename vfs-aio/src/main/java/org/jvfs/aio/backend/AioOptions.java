package org.jvfs.aio.backend;

import org.jvfs.posix.PosixOptions;

/**
 * How an aio backend is made.
 *
 * @param posix the settings of the shared posix root (root directory, IO pool, confinement,
 *     watching) and of every call that goes to the posix code
 * @param ring whether this backend uses io_uring at all; false forces every call to the posix path
 *     for this backend alone, as {@code -Djvfs.aio.disable=true} does for the whole process
 */
public record AioOptions(PosixOptions posix, boolean ring) {

  /** Options with the ring on (where io_uring is available). */
  public static AioOptions of(PosixOptions posix) {
    return new AioOptions(posix, true);
  }

  /** These options with the ring switched on or off. */
  public AioOptions withRing(boolean on) {
    return new AioOptions(posix, on);
  }
}
