package org.jvfs.posix;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.jvfs.spi.Backend;

@DisplayName("java.nio kit on jvfs over aio (ring on), cache on")
class AioRingFileSystemTest extends PosixFileSystemKit {
  AioRingFileSystemTest() {
    super(true, "openat2");
  }

  @Override
  Backend open(PosixOptions options) throws IOException {
    return AioBackends.open(options, true);
  }
}
