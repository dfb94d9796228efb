package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.aio.backend.UringBackend;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.OpenFlags;

/**
 * Closing an aio backend while reads, whole-file reads and opens are in flight: every operation
 * completes, with its result or with ClosedFileSystemException, none is abandoned by the ring, and
 * the ring, its registered files and every descriptor are released.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("Closing an aio backend with operations in flight")
class AioCloseTest {
  private static final int FILES = 40;
  private static final int SIZE = 128 * 1024;
  private Path root;

  @BeforeEach
  void setUp() throws IOException {
    root = TempRoot.create("aio-close");
    for (int i = 0; i < FILES; i++) {
      Files.write(root.resolve("f" + i), new byte[SIZE]);
    }
  }

  @AfterEach
  void tearDown() {
    TempRoot.delete(root);
  }

  private static long rings() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      return s.filter(
              p -> {
                try {
                  return Files.readSymbolicLink(p).toString().contains("io_uring");
                } catch (IOException e) {
                  return false;
                }
              })
          .count();
    }
  }

  @RepeatedTest(3)
  void everyOperationCompletes_andEverythingIsReleased() throws Exception {
    long ringsBefore = rings();
    int before = FdLeakCheck.openDescriptors();
    UringBackend b =
        AioBackends.open(PosixOptions.builder(root).watch(false).ioThreads(2).build(), true);
    Node r = b.root();
    List<CompletableFuture<?>> ops = new ArrayList<>();
    List<Opened> opened = new ArrayList<>();
    for (int i = 0; i < FILES / 2; i++) {
      opened.add(b.open(r, Name.of("f" + i), OpenFlags.READ, null).toCompletableFuture().join());
    }
    for (int round = 0; round < 20; round++) {
      for (Opened o : opened) {
        ByteBuffer dst =
            round % 2 == 0 ? ByteBuffer.allocate(SIZE) : ByteBuffer.allocateDirect(SIZE);
        ops.add(o.file().read(dst, 0).toCompletableFuture());
      }
      for (int i = 0; i < FILES; i++) {
        ops.add(b.readFile(r, Name.of("f" + i), Long.MAX_VALUE).toCompletableFuture());
        ops.add(
            b.open(r, Name.of("f" + i), OpenFlags.READ, null)
                .toCompletableFuture()
                .thenCompose(o -> o.file().close()));
      }
      if (round == 10) {
        new Thread(b::close, "closer-of-the-test").start();
      }
    }
    b.close(); // waits for the first close
    // After close: every call fails with ClosedFileSystemException, an open file's too.
    ops.add(b.readFile(r, Name.of("f0"), Long.MAX_VALUE).toCompletableFuture());
    ops.add(b.open(r, Name.of("f0"), OpenFlags.READ, null).toCompletableFuture());
    ops.add(opened.get(0).file().read(ByteBuffer.allocate(8), 0).toCompletableFuture());
    ops.add(b.lookup(r, Name.of("f0")).toCompletableFuture());
    int ok = 0;
    int closed = 0;
    for (CompletableFuture<?> f : ops) {
      try {
        f.get(30, TimeUnit.SECONDS);
        ok++;
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable c = e.getCause() instanceof CompletionException ce ? ce.getCause() : e.getCause();
        assertThat(c).isInstanceOf(ClosedFileSystemException.class);
        closed++;
      }
    }
    assertThat(ok + closed).isEqualTo(ops.size());
    assertThat(closed)
        .as("operations cut off by the close, and those after it")
        .isGreaterThanOrEqualTo(4);
    assertThat(b.ringStats().abandonedAtClose()).isZero();
    assertThat(b.heldDescriptors()).isZero();
    assertThat(rings()).as("io_uring descriptors").isEqualTo(ringsBefore);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (FdLeakCheck.openDescriptors() > before && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(FdLeakCheck.openDescriptors()).isLessThanOrEqualTo(before);
  }
}
