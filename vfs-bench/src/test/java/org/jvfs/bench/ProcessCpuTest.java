package org.jvfs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {
  @Test
  void nanos_growsWithWork_atNanosecondResolutionOnLinux() {
    long start = ProcessCpu.nanos();
    long sink = 0;
    for (int i = 0; i < 5_000_000; i++) {
      sink += Long.hashCode(sink ^ i) * 31L;
    }
    long end = ProcessCpu.nanos();
    assertThat(sink).isNotEqualTo(42);
    assertThat(start).isNotNegative();
    assertThat(end).isGreaterThan(start);
    if (System.getProperty("os.name").startsWith("Linux")) {
      assertThat(ProcessCpu.precise()).isTrue();
      // Scheduler ticks would give a multiple of 1 ms; two readings in a row differ by less. The
      // process's CPU time counts its other threads too (JIT, GC), so take the closest of a few
      // pairs rather than the first.
      long closest = Long.MAX_VALUE;
      for (int i = 0; i < 50; i++) {
        long a = ProcessCpu.nanos();
        long b = ProcessCpu.nanos();
        closest = Math.min(closest, b - a);
      }
      assertThat(closest).isLessThan(1_000_000);
      assertThat(end % 1_000_000).isNotZero();
    }
  }
}
