package org.jvfs.posix;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.jvfs.spi.Backend;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on aio (fallback forced), caching=false, DIRECT completion")
class AioFallbackVfsUncachedDirectTest extends PosixVfsKit {
  AioFallbackVfsUncachedDirectTest() {
    super(false, CompletionMode.DIRECT, "openat2", false);
  }

  @Override
  Backend open(PosixOptions options) throws IOException {
    return AioBackends.open(options, false);
  }
}
