package org.jvfs.posix;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.spi.Backend;
import org.jvfs.testkit.BackendConformanceKit;

@DisplayName("Backend conformance kit on aio, ring on")
@ExtendWith(FdLeakCheck.class)
class AioRingBackendConformanceTest extends BackendConformanceKit {
  private Path root;

  @Override
  protected Backend newBackend() throws Exception {
    root = TempRoot.create("aio-kit");
    return AioBackends.open(
        PosixOptions.builder(root).resolveBeneath("openat2").ioThreads(4).build(), true);
  }

  @AfterEach
  void deleteRoot() {
    TempRoot.delete(root);
  }
}
