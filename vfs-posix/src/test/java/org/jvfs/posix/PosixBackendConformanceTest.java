package org.jvfs.posix;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.spi.Backend;
import org.jvfs.testkit.BackendConformanceKit;

@DisplayName("Backend conformance kit on posix, openat2")
@ExtendWith(FdLeakCheck.class)
class PosixBackendConformanceTest extends BackendConformanceKit {
  private Path root;

  /** Returns the options for this run's confinement. */
  PosixOptions.Builder options(Path root) {
    return PosixOptions.builder(root).resolveBeneath("openat2");
  }

  @Override
  protected Backend newBackend() throws Exception {
    root = TempRoot.create("posix-kit");
    return PosixBackend.open(options(root).ioThreads(4).build());
  }

  @AfterEach
  void deleteRoot() {
    TempRoot.delete(root);
  }
}
