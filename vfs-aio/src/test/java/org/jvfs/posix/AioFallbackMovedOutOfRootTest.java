package org.jvfs.posix;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.spi.Backend;

@ExtendWith(FdLeakCheck.class)
@DisplayName("Nothing moved out of the root is reached through an aio backend (fallback forced)")
class AioFallbackMovedOutOfRootTest extends MovedOutOfRootKit {
  @Override
  protected Backend open(Path root) throws IOException {
    return AioBackends.open(
        PosixOptions.builder(root).resolveBeneath("openat2").ioThreads(2).build(), false);
  }
}
