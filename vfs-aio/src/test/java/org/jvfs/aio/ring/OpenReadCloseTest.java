package org.jvfs.aio.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jvfs.aio.ring.Fixtures.b;
import static org.jvfs.aio.ring.Fixtures.direct;
import static org.jvfs.aio.ring.Fixtures.neg;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvfs.aio.ffi.IoUring;
import org.jvfs.spi.Errno;

/** {@link OpenReadClose}: the linked OPENAT2(direct) -> READ -> CLOSE chain. */
class OpenReadCloseTest {
  private static final long BENEATH = IoUring.RESOLVE_BENEATH | IoUring.RESOLVE_NO_MAGICLINKS;

  @TempDir Path dir;
  private Ring ring;
  private int dirFd;

  @BeforeEach
  void setUp() throws Exception {
    Fixtures.assumeUring();
    ring = Ring.open(RingConfig.builder().entries(64).directFiles(64).build());
    dirFd = Fixtures.dirFd(dir);
  }

  @AfterEach
  void tearDown() {
    if (ring != null) {
      ring.close();
      Fixtures.close(dirFd);
    }
  }

  private static byte[] random(int n, long seed) {
    byte[] a = new byte[n];
    new Random(seed).nextBytes(a);
    return a;
  }

  private OpenReadClose.Result read(String name, ByteBuffer dst) {
    return OpenReadClose.submit(ring, dirFd, b(name), BENEATH, dst).join();
  }

  @Test
  void chain_ofASmallerFile_readsItWhole_theShortReadDoesNotCancelTheClose() throws Exception {
    byte[] content = random(4096, 1);
    Files.write(dir.resolve("4k.bin"), content);
    ByteBuffer dst = direct(8192);
    OpenReadClose.Result r = read("4k.bin", dst);
    assertThat(r.openRes()).isZero();
    assertThat(r.readRes()).isEqualTo(4096);
    assertThat(r.closeRes()).isZero(); // the hard link ran the close after the short read
    assertThat(r.complete()).isTrue();
    byte[] got = new byte[4096];
    dst.get(0, got);
    assertThat(got).isEqualTo(content);
    assertThat(ring.files().available()).isEqualTo(32);
  }

  @Test
  void chain_ofAFileAsLargeAsTheBuffer_isNotComplete() throws Exception {
    Files.write(dir.resolve("exact.bin"), random(1000, 2));
    OpenReadClose.Result r = read("exact.bin", direct(1000));
    assertThat(r.bytes()).isEqualTo(1000);
    assertThat(r.closeRes()).isZero();
    assertThat(r.complete()).isFalse(); // the file may go on: the caller reads the rest
  }

  @Test
  void chain_ofAnAbsentFile_cancelsTheReadAndTheClose_andFreesTheSlot() {
    OpenReadClose.Result r = read("absent", direct(64));
    assertThat(r.openRes()).isEqualTo(neg(Errno.ENOENT));
    assertThat(r.readRes()).isEqualTo(neg(Errno.ECANCELED));
    assertThat(r.closeRes()).isEqualTo(neg(Errno.ECANCELED));
    assertThat(r.bytes()).isEqualTo(neg(Errno.ENOENT));
    assertThat(ring.files().available()).isEqualTo(32);
  }

  @Test
  void chain_outsideTheRoot_isRefused() throws Exception {
    Files.createDirectory(dir.resolve("root"));
    Files.writeString(dir.resolve("secret"), "s");
    int root = Fixtures.dirFd(dir.resolve("root"));
    try {
      OpenReadClose.Result r =
          OpenReadClose.submit(ring, root, b("../secret"), BENEATH, direct(64)).join();
      assertThat(r.bytes()).isEqualTo(neg(Errno.EXDEV));
    } finally {
      Fixtures.close(root);
    }
  }

  @Test
  void chain_manyTimes_leaksNoDescriptorAndNoSlot() throws Exception {
    for (int i = 0; i < 16; i++) {
      Files.write(dir.resolve("f" + i), random(100 + i, i));
    }
    read("f0", direct(4096)); // warm up whatever the JVM opens lazily
    long before = Fixtures.fdCount();
    for (int i = 0; i < 2000; i++) {
      OpenReadClose.Result r = read("f" + (i % 16), direct(4096));
      assertThat(r.bytes()).isEqualTo(100 + i % 16);
    }
    for (int i = 0; i < 200; i++) {
      int fd =
          ring.await(
              ring.submit(
                  s -> s.openat2(dirFd, b("f1"), IoUring.O_RDONLY | IoUring.O_CLOEXEC, 0, 0)));
      assertThat(fd).isNotNegative();
      assertThat(ring.await(ring.submit(s -> s.close(fd)))).isZero();
    }
    assertThat(Fixtures.fdCount()).isEqualTo(before);
    assertThat(ring.files().available()).isEqualTo(32);
  }
}
