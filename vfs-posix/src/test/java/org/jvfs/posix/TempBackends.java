package org.jvfs.posix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jvfs.spi.Backend;

/**
 * Posix backends over fresh temporary directories for the testkit's property kits: watching off
 * (the VFS's own changes coming back as events would make cache answers timing-dependent), two IO
 * threads, the given resolution; {@link #release} deletes the directory of a closed backend.
 */
final class TempBackends {
  private final String resolve;
  private final BackendFactory factory;
  private final Map<Backend, Path> dirs = new ConcurrentHashMap<>();

  TempBackends(String resolve) {
    this(resolve, BackendFactory.POSIX);
  }

  TempBackends(String resolve, BackendFactory factory) {
    this.resolve = resolve;
    this.factory = factory;
  }

  /** Opens a backend over a new temporary directory. */
  Backend open(String prefix) throws IOException {
    Path dir = TempRoot.create(prefix);
    try {
      Backend backend =
          factory.open(
              PosixOptions.builder(dir).resolveBeneath(resolve).watch(false).ioThreads(2).build());
      dirs.put(backend, dir);
      return backend;
    } catch (IOException | RuntimeException e) {
      TempRoot.delete(dir);
      throw e;
    }
  }

  /** Closes {@code backend} (idempotent) and deletes its directory. */
  void release(Backend backend) {
    backend.close();
    Path dir = dirs.remove(backend);
    if (dir != null) {
      TempRoot.delete(dir);
    }
  }
}
