package org.jvfs.aio.ffi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.jvfs.aio.ffi.UringLayout.CqOffsets;
import org.jvfs.aio.ffi.UringLayout.Cqe;
import org.jvfs.aio.ffi.UringLayout.Params;
import org.jvfs.aio.ffi.UringLayout.SqOffsets;

/**
 * {@link UringNative}: the raw calls, without the engine. Also checks the six-parameter path
 * ({@code mmap}'s offset, io_uring_enter's {@code argp}) that JNR's x86-64 stubs get wrong.
 */
class UringNativeTest {
  private final UringNative nat = UringNative.get();

  private static ByteBuffer direct(int n) {
    return ByteBuffer.allocateDirect(n).order(ByteOrder.nativeOrder());
  }

  private int setup(ByteBuffer params, int entries) {
    int fd = nat.ioUringSetup(entries, nat.address(params));
    Assumptions.assumeTrue(fd != -1 && fd != -38, "io_uring is unavailable here: " + fd);
    return fd;
  }

  @Test
  void ioUringSetup_withZeroEntries_givesEinval() {
    ByteBuffer params = direct(Params.SIZE);
    int fd = nat.ioUringSetup(0, nat.address(params));
    Assumptions.assumeTrue(fd != -1 && fd != -38, "io_uring is unavailable here");
    assertThat(fd).isEqualTo(-22);
  }

  @Test
  void mmapRing_atTheCqOffset_mapsTheCqRing_soTheSixthParameterArrives() {
    ByteBuffer params = direct(Params.SIZE);
    int fd = setup(params, 8);
    try {
      int cqEntries = params.getInt(Params.CQ_ENTRIES);
      long size = params.getInt(Params.CQ_OFF + CqOffsets.CQES) + (long) Cqe.SIZE * cqEntries;
      // Mapped on its own at IORING_OFF_CQ_RING (0x8000000): a wrong offset gives EINVAL.
      long addr = nat.mmapRing(fd, size, IoUring.IORING_OFF_CQ_RING);
      assertThat(addr).isPositive();
      ByteBuffer cq = nat.wrap(addr, (int) size);
      assertThat(cq.getInt(params.getInt(Params.CQ_OFF + CqOffsets.RING_ENTRIES)))
          .isEqualTo(cqEntries);
      assertThat(nat.munmap(addr, size)).isZero();
      long sqSize = params.getInt(Params.SQ_OFF + SqOffsets.ARRAY) + 4L * 8;
      long sq = nat.mmapRing(fd, sqSize, IoUring.IORING_OFF_SQ_RING);
      assertThat(
              nat.wrap(sq, (int) sqSize)
                  .getInt(params.getInt(Params.SQ_OFF + SqOffsets.RING_ENTRIES)))
          .isEqualTo(params.getInt(Params.SQ_ENTRIES));
      assertThat(nat.munmap(sq, sqSize)).isZero();
    } finally {
      assertThat(nat.close(fd)).isZero();
    }
  }

  @Test
  void ioUringEnter_getEventsWithNullArgp_returnsAtOnceWhenNothingIsAskedFor() {
    ByteBuffer params = direct(Params.SIZE);
    int fd = setup(params, 8);
    try {
      // A garbage argp would give EFAULT: the sixth syscall argument must arrive as 0.
      assertThat(nat.ioUringEnter(fd, 0, 0, IoUring.IORING_ENTER_GETEVENTS)).isZero();
      assertThat(nat.ioUringEnter(-1, 0, 0, 0)).isEqualTo(-9); // EBADF
    } finally {
      nat.close(fd);
    }
  }

  @Test
  void eventfd_countsWrites() {
    int efd = nat.eventfd(0, IoUring.EFD_CLOEXEC | IoUring.EFD_NONBLOCK);
    assertThat(efd).isNotNegative();
    ByteBuffer v = direct(8).putLong(0, 3);
    assertThat(nat.write(efd, nat.address(v), 8)).isEqualTo(8);
    assertThat(nat.write(efd, nat.address(v), 8)).isEqualTo(8);
    v.putLong(0, 0);
    assertThat(nat.read(efd, nat.address(v), 8)).isEqualTo(8);
    assertThat(v.getLong(0)).isEqualTo(6);
    assertThat(nat.read(efd, nat.address(v), 8)).isEqualTo(-11); // EAGAIN: nonblocking, empty
    assertThat(nat.close(efd)).isZero();
  }

  @Test
  void gettidAndGetpid_identifyTheThread() {
    assertThat(nat.getpid()).isEqualTo((int) ProcessHandle.current().pid());
    assertThat(nat.gettid()).isPositive();
  }

  @Test
  void io_uring_opNames_andFeatureNames_read() {
    assertThat(IoUring.opName(IoUring.OP_OPENAT2)).isEqualTo("OPENAT2");
    assertThat(IoUring.opName(200)).isEqualTo("op200");
    assertThat(IoUring.featureNames(IoUring.IORING_FEAT_SINGLE_MMAP | IoUring.IORING_FEAT_NODROP))
        .isEqualTo("SINGLE_MMAP|NODROP");
  }
}
