package org.jvfs.posix;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.jvfs.spi.Backend;

@DisplayName("A rename race cannot lead an aio open (ring on) out of the root")
class AioRingRenameRaceTest extends RenameRaceTest {
  @Override
  Backend open(PosixOptions options) throws IOException {
    return AioBackends.open(options, true);
  }

  @Override
  int heldDescriptors(Backend backend) {
    return AioBackends.held(backend);
  }
}
