package org.jvfs.aio.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jvfs.aio.ring.Fixtures.NAT;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** {@link FixedBuffers}: page-aligned, the registered size, distinct memory. */
class FixedBuffersTest {
  @Test
  void buffers_arePageAligned_ofTheRegisteredSize() throws Exception {
    Fixtures.assumeUring();
    try (Ring ring = Ring.open(RingConfig.builder().entries(4).fixedBuffers(3, 8192).build())) {
      FixedBuffers b = ring.buffers();
      assertThat(b.count()).isEqualTo(3);
      assertThat(b.size()).isEqualTo(8192);
      long prev = -1;
      for (int i = 0; i < 3; i++) {
        ByteBuffer buf = b.buffer(i);
        assertThat(buf.isDirect()).isTrue();
        assertThat(buf.remaining()).isEqualTo(8192);
        long addr = NAT.address(buf);
        assertThat(addr % 4096).isZero();
        assertThat(addr).isNotEqualTo(prev);
        prev = addr;
      }
    }
  }
}
