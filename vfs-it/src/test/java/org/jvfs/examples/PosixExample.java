package org.jvfs.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import org.jvfs.Vfs;
import org.jvfs.posix.PosixBackend;
import org.jvfs.posix.PosixOptions;
import org.jvfs.spi.Backend;

/** The README's posix backend example: a directory of the real file system, confined. */
final class PosixExample {
  private PosixExample() {}

  // region posix
  static String run(Path root) throws IOException {
    Backend b = PosixBackend.open(PosixOptions.builder(root).ioThreads(16).build());
    try (Vfs vfs = Vfs.builder().mount("/", b).build()) { // WATCH policy by default
      vfs.write("/hello.txt", "hello from disk".getBytes(UTF_8)).join();
      return new String(vfs.readAllBytes("/hello.txt").join(), UTF_8);
    } // closing the VFS closes its backends
  }
  // endregion
}
