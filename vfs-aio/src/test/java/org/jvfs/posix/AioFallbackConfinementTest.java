package org.jvfs.posix;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.jvfs.spi.Backend;

@DisplayName("An aio mount (fallback forced) confines every path to its root")
class AioFallbackConfinementTest extends ConfinementTest {
  @Override
  Backend open(PosixOptions options) throws IOException {
    return AioBackends.open(options, false);
  }
}
