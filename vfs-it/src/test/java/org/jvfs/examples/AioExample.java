package org.jvfs.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.jvfs.Vfs;
import org.jvfs.aio.backend.AioOptions;
import org.jvfs.aio.backend.Route;
import org.jvfs.aio.backend.UringBackend;
import org.jvfs.posix.PosixOptions;

/** The README's aio backend example: the posix example's directory, through io_uring. */
final class AioExample {
  private AioExample() {}

  // region aio
  static String run(Path root, PrintStream out) throws IOException {
    UringBackend b = UringBackend.open(AioOptions.of(PosixOptions.builder(root).build()));
    // null where the ring is used; else why every call goes to the posix code
    out.println("io_uring off: " + b.unavailabilityCause());
    for (Route r : b.routes()) { // where each operation runs, and why
      out.println(r.operation() + (r.ring() ? ": ring" : ": posix") + " (" + r.why() + ")");
    }
    try (Vfs vfs = Vfs.builder().mount("/", b).build()) {
      vfs.write("/hello.txt", "hello through io_uring".getBytes(UTF_8)).join();
      return new String(vfs.readAllBytes("/hello.txt").join(), UTF_8);
    }
  }
  // endregion
}
