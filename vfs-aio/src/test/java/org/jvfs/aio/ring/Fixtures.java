package org.jvfs.aio.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.aio.ffi.UringNative;
import org.jvfs.spi.Errno;

/** Helpers shared by the engine's tests. */
final class Fixtures {
  private Fixtures() {}

  static final UringNative NAT = UringNative.get();

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static ByteBuffer direct(int n) {
    return ByteBuffer.allocateDirect(n).order(ByteOrder.nativeOrder());
  }

  static ByteBuffer cstr(String s) {
    byte[] bytes = b(s);
    ByteBuffer buf = direct(bytes.length + 1);
    buf.put(0, bytes);
    buf.put(bytes.length, (byte) 0);
    return buf;
  }

  /** Opens {@code dir} as an O_PATH directory descriptor (close it with {@link #close}). */
  static int dirFd(Path dir) {
    int fd =
        NAT.openat(
            IoUring.AT_FDCWD,
            cstr(dir.toString()),
            IoUring.O_PATH | IoUring.O_DIRECTORY | IoUring.O_CLOEXEC,
            0);
    assertThat(fd).as("openat(%s)", dir).isNotNegative();
    return fd;
  }

  static void close(int fd) {
    assertThat(NAT.close(fd)).isZero();
  }

  static int neg(Errno e) {
    return -e.code();
  }

  /** Counts this process's open descriptors. */
  static long fdCount() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    }
  }

  /** A ring that probes the machine: every test of the engine needs io_uring. */
  static void assumeUring() {
    UringProbe p = UringProbe.get();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        p.isAvailable(), () -> "io_uring is unavailable here: " + p.unavailabilityReason());
  }
}
