package org.jvfs.posix;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.jvfs.spi.Backend;
import org.jvfs.testkit.CompletionMode;

@DisplayName("VFS on aio (ring on), caching=true, THREADED completion")
class AioRingVfsCachedThreadedTest extends PosixVfsKit {
  AioRingVfsCachedThreadedTest() {
    super(true, CompletionMode.THREADED, "openat2", false);
  }

  @Override
  Backend open(PosixOptions options) throws IOException {
    return AioBackends.open(options, true);
  }
}
