package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvfs.AsyncFile;
import org.jvfs.CoherencePolicy;
import org.jvfs.Vfs;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;

/**
 * A file under a write lease held elsewhere: an open of it used to block until the lease broke, up
 * to {@code /proc/sys/fs/lease-break-time} (45 s by default). Now no open waits for a lease on any
 * thread: the caller's gives up at once (EAGAIN with {@code O_NONBLOCK}), and the IO thread's is
 * tried again later, holding no IO thread meanwhile, until the holder lets go. The lease is taken
 * with {@code fcntl(F_SETLEASE, F_WRLCK)} on a descriptor the test holds, whose break sends no
 * signal ({@code F_SETOWN} 0); the test lets go of it when it has seen the opens wait.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("An open of a leased file blocks no caller and no IO thread, and succeeds once free")
class LeaseTest {
  private static final int OPENS = 8;
  private static final long WAIT = 10;

  private final PosixNative nat = PosixNative.get();
  private final Path root = TempRoot.create("posix-lease");
  private @Nullable Vfs vfs;
  private int holder = -1;

  @AfterEach
  void tearDown() {
    if (holder >= 0) {
      nat.close(holder);
    }
    if (vfs != null) {
      vfs.close();
    }
    TempRoot.delete(root);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Takes a write lease on {@code file}, whose break signals no one. */
  private void lease(Path file) {
    byte[] path = file.toString().getBytes(StandardCharsets.UTF_8);
    holder = nat.openat(Linux.AT_FDCWD, path, Linux.O_RDONLY | Linux.O_CLOEXEC, 0);
    assertThat(holder).isNotNegative();
    assumeTrue(
        nat.fcntl(holder, Linux.F_SETLEASE, Linux.F_WRLCK) == 0,
        "F_SETLEASE is refused here (fs.leases-enable, or the file system)");
    assertThat(nat.fcntl(holder, Linux.F_SETOWN, 0)).isZero();
  }

  private void letGo() {
    assertThat(nat.fcntl(holder, Linux.F_SETLEASE, Linux.F_UNLCK)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openat2", "walk"})
  void opens_ofALeasedFile_waitWithoutHoldingThreads_andSucceedOnceTheLeaseIsGone(String resolve)
      throws Exception {
    Files.writeString(root.resolve("leased"), "leased content");
    Files.writeString(root.resolve("free"), "free");
    PosixBackend backend =
        PosixBackend.open(
            PosixOptions.builder(root).resolveBeneath(resolve).watch(false).ioThreads(2).build());
    Vfs v = Vfs.builder().mount("/", backend, CoherencePolicy.PRIVATE).build();
    vfs = v;
    assertThat(v.stat("/leased").get(WAIT, TimeUnit.SECONDS).size()).isEqualTo(14); // cached
    lease(root.resolve("leased"));

    List<CompletableFuture<byte[]>> reads = new ArrayList<>();
    List<CompletableFuture<AsyncFile>> opens = new ArrayList<>();
    CallerThread.returns(
        () -> {
          for (int i = 0; i < OPENS; i++) {
            reads.add(v.readAllBytes("/leased"));
            opens.add(v.open("/leased"));
          }
          return null;
        });
    // 16 opens wait for the lease, and the two IO threads still serve everything else.
    assertThat(v.readAllBytes("/free").get(WAIT, TimeUnit.SECONDS)).isEqualTo(bytes("free"));
    assertThat(v.list("/").get(WAIT, TimeUnit.SECONDS)).contains("free", "leased");
    for (int i = 0; i < OPENS; i++) {
      assertThat(reads.get(i)).as("the lease holds").isNotDone();
      assertThat(opens.get(i)).as("the lease holds").isNotDone();
    }

    letGo();
    for (int i = 0; i < OPENS; i++) {
      assertThat(reads.get(i).get(WAIT, TimeUnit.SECONDS)).isEqualTo(bytes("leased content"));
      AsyncFile f = opens.get(i).get(WAIT, TimeUnit.SECONDS);
      ByteBuffer buf = ByteBuffer.allocate(32);
      assertThat(f.read(buf, 0).get(WAIT, TimeUnit.SECONDS)).isEqualTo(14);
      f.close().get(WAIT, TimeUnit.SECONDS);
    }
  }
}
