package org.jvfs.aio.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jvfs.aio.ring.Fixtures.NAT;
import static org.jvfs.aio.ring.Fixtures.direct;
import static org.jvfs.aio.ring.Fixtures.neg;

import org.junit.jupiter.api.Test;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.spi.Errno;

/** {@link OpFuture}: only the ring completes it; cancel goes to the kernel. */
class OpFutureTest {
  @Test
  void externalCompletion_isRefused_andCancelCompletesThroughTheCqe() throws Exception {
    Fixtures.assumeUring();
    int[] p = new int[2];
    assertThat(NAT.pipe2(p, IoUring.O_CLOEXEC)).isZero();
    try (Ring ring = Ring.open(RingConfig.builder().entries(8).build())) {
      OpFuture read = ring.submit(s -> s.read(p[0], direct(4), -1));
      assertThat(read.opcode()).isEqualTo(IoUring.OP_READ);
      assertThat(read.complete(1)).isFalse();
      assertThat(read.completeExceptionally(new RuntimeException())).isFalse();
      read.obtrudeValue(3);
      read.completeOnTimeout(9, 1, java.util.concurrent.TimeUnit.MILLISECONDS);
      Thread.sleep(20);
      assertThat(read).isNotDone();
      assertThat(read.cancel(true)).isFalse();
      assertThat(read.join()).isEqualTo(neg(Errno.ECANCELED));
      assertThat(read.isCancelled()).isFalse();
    } finally {
      Fixtures.close(p[0]);
      Fixtures.close(p[1]);
    }
  }
}
