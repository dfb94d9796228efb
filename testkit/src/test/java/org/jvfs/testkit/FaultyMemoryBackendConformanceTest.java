package org.jvfs.testkit;

import java.time.Duration;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.testkit.FaultInjectingBackend.Operation;

/**
 * Runs the kit on the memory backend behind latency and short transfers: the contract must still
 * hold for a backend that completes on another thread and moves fewer bytes than asked.
 */
class FaultyMemoryBackendConformanceTest extends BackendConformanceKit {
  @Override
  protected Backend newBackend() {
    FaultInjectingBackend b = new FaultInjectingBackend(MemoryBackend.create(), 1234);
    b.delay(Operation.OPEN, Duration.ofMillis(1)).delay(Operation.LOOKUP, Duration.ofMillis(1));
    b.shortTransfers(Operation.READ, 0.5).shortTransfers(Operation.WRITE, 0.5);
    return b;
  }
}
