package org.jvfs.aio.backend;

/**
 * Where an aio backend runs one kind of operation, and why: for {@code jvfs doctor} and tests.
 *
 * @param operation the backend operation ({@code open}, {@code readFile}, {@code read}, ...)
 * @param ring true if it goes through io_uring, false if through the shared posix code
 * @param why the reason, one line
 */
public record Route(String operation, boolean ring, String why) {
  @Override
  public String toString() {
    return operation + ": " + (ring ? "io_uring" : "posix") + " (" + why + ")";
  }
}
