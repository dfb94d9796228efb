package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.AsyncFile;
import org.jvfs.CoherencePolicy;
import org.jvfs.Vfs;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;

/**
 * {@link WholeFileReads} with a file only partly in the page cache: a {@code preadv2(RWF_NOWAIT)}
 * then stops where the cached part ends, which is never the end of the file (before: 10 of 10 reads
 * of a 200 KiB file half in the page cache returned 106,496 bytes, and that size was kept). The
 * second half is dropped from the page cache with {@code POSIX_FADV_DONTNEED} before each read; the
 * IO threads are held while the read is called, so that the caller's thread tries it.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("A whole-file read of a file partly in the page cache returns all of it")
class WholeFileReadsTest {
  private static final int SIZE = 200 * 1024;
  private static final int CACHED = 104 * 1024;
  private static final int IO_THREADS = 2;

  private final PosixNative nat = PosixNative.get();
  private final Path root = TempRoot.create("posix-pagecache");
  private final byte[] content = new byte[SIZE];
  private @Nullable PosixBackend backend;
  private @Nullable Vfs vfs;
  private CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void setUp() throws Exception {
    new Random(9).nextBytes(content);
    try (FileChannel c =
        FileChannel.open(
            root.resolve("f"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      c.write(ByteBuffer.wrap(content));
      c.force(true); // clean pages: only those can be dropped
    }
    backend = PosixBackend.open(PosixOptions.builder(root).watch(false).ioThreads(2).build());
    vfs = Vfs.builder().mount("/", backend, CoherencePolicy.PRIVATE).build();
  }

  @AfterEach
  void tearDown() {
    release.countDown();
    if (vfs != null) {
      vfs.close();
    }
    TempRoot.delete(root);
  }

  /** Drops the file's pages from {@link #CACHED} on from the page cache. */
  private void evictSecondHalf() {
    byte[] path = root.resolve("f").toString().getBytes(StandardCharsets.UTF_8);
    int fd = nat.openat(Linux.AT_FDCWD, path, Linux.O_RDONLY | Linux.O_CLOEXEC, 0);
    assertThat(fd).isNotNegative();
    try {
      assertThat(nat.posixFadvise(fd, CACHED, 0, Linux.POSIX_FADV_DONTNEED)).isZero();
    } finally {
      nat.close(fd);
    }
  }

  /** Occupies every IO thread until {@link #release}. */
  private void holdIoThreads() throws InterruptedException {
    release = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(IO_THREADS);
    CountDownLatch held = release;
    for (int i = 0; i < IO_THREADS; i++) {
      backend
          .posixRoot()
          .pool
          .submit(
              () -> {
                busy.countDown();
                return held.await(30, TimeUnit.SECONDS);
              });
    }
    assertThat(busy.await(10, TimeUnit.SECONDS)).as("every IO thread held").isTrue();
  }

  @Test
  void readAllBytes_ofAFileHalfInThePageCache_returnsTheWholeFile() throws Exception {
    int tried = 0;
    for (int i = 0; i < 10; i++) {
      evictSecondHalf();
      holdIoThreads();
      CompletableFuture<byte[]> read = vfs.readAllBytes("/f");
      if (!read.isDone()) {
        tried++; // the caller's thread gave up: the IO thread reads it
      }
      release.countDown();
      byte[] got = read.get(10, TimeUnit.SECONDS);
      assertThat(got.length).as("read %s", i).isEqualTo(SIZE);
      assertThat(got).isEqualTo(content);
    }
    assertThat(vfs.stat("/f").get(10, TimeUnit.SECONDS).size()).isEqualTo(SIZE);
    assertThat(vfs.readAllBytes("/f").get(10, TimeUnit.SECONDS)).hasSize(SIZE);
    assumeTrue(tried > 0, "the file system here kept the dropped pages: no read was ever short");
  }

  @Test
  void readFile_onAnIoThread_ofAFileHalfInThePageCache_returnsTheWholeFile() throws Exception {
    evictSecondHalf();
    byte[] got =
        backend
            .posixRoot()
            .pool
            .submit(
                () ->
                    backend
                        .readFile(backend.root(), org.jvfs.spi.Name.of("f"), Long.MAX_VALUE)
                        .toCompletableFuture()
                        .join())
            .get(10, TimeUnit.SECONDS);
    assertThat(got).isEqualTo(content);
  }

  @Test
  void reads_ofAnOpenFileHalfInThePageCache_returnTheWholeFile() throws Exception {
    evictSecondHalf();
    AsyncFile f = vfs.open("/f").get(10, TimeUnit.SECONDS);
    try {
      ByteBuffer buf = ByteBuffer.allocate(SIZE + 1);
      while (true) {
        int n = f.read(buf, buf.position()).get(10, TimeUnit.SECONDS);
        if (n < 0) {
          break;
        }
      }
      assertThat(buf.position()).isEqualTo(SIZE);
      assertThat(java.util.Arrays.copyOf(buf.array(), SIZE)).isEqualTo(content);
    } finally {
      f.close().get(10, TimeUnit.SECONDS);
    }
  }
}
