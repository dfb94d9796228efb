package org.jvfs.aio.ring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.jvfs.aio.ffi.IoUring;

/** {@link UringProbe}: the verdict on this machine, and the switch that forces the fallback. */
class UringProbeTest {
  @Test
  void get_onThisMachine_findsIoUringWithEveryEngineOpcode() {
    UringProbe p = UringProbe.get();
    System.out.println(p.describe());
    Fixtures.assumeUring();
    assertThat(p.isAvailable()).isTrue();
    assertThat(p.unavailabilityReason()).isNull();
    assertThat(p.verdict()).isEqualTo("available");
    assertThat(p.features() & IoUring.IORING_FEAT_NODROP).isNotZero();
    for (int op : UringProbe.REQUIRED_OPS) {
      assertThat(p.supports(op)).as(IoUring.opName(op)).isTrue();
    }
    assertThat(p.lastOp()).isGreaterThanOrEqualTo(IoUring.OP_LINKAT);
    assertThat(p.nopRoundTripNanos()).isPositive();
    assertThat(p.describe()).contains("io_uring: available", "NOP round trip");
    if (p.lastOp() >= IoUring.OP_FTRUNCATE) {
      assertThat(p.missingOps()).isEmpty();
    }
  }

  @Test
  void run_disabledByTheSwitch_isUnavailableWithTheReason() {
    UringProbe p = UringProbe.run("system property " + UringProbe.DISABLE_PROPERTY + "=true");
    assertThat(p.isAvailable()).isFalse();
    assertThat(p.verdict())
        .isEqualTo("unavailable: disabled by system property jvfs.aio.disable=true");
    assertThat(p.unavailabilityCause()).isNull();
    assertThat(p.describe()).startsWith("io_uring: unavailable: disabled by");
  }

  @Test
  void get_isComputedOncePerProcess() {
    assertThat(UringProbe.get()).isSameAs(UringProbe.get());
  }
}
