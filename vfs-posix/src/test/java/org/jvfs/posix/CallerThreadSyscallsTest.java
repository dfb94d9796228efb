package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.AsyncFile;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.SyscallTrace;
import org.jvfs.posix.ffi.SyscallTrace.Call;
import org.jvfs.spi.Capability;

/**
 * What a caller's thread does, traced ({@link SyscallTrace}) while it uses a posix mount with its
 * defaults (probe on, WATCH) on the files that used to block callers: a FIFO (its open waited for a
 * writer), a file under another's lease (its open waited for the lease to break), a symbolic link
 * not yet cached (its target was read on the caller) and a large file another process deleted while
 * it was open (its last close freed the blocks on the caller). Every syscall the caller's thread
 * makes must be one that {@link Placement} lists, with the flag that keeps it from waiting; the
 * calls then complete elsewhere.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("A caller's thread makes only the nonblocking syscalls the placement rule lists")
class CallerThreadSyscallsTest {
  private static final long WAIT = 10;

  private final PosixNative nat = PosixNative.get();
  private final Path root = TempRoot.create("posix-caller");
  private @Nullable Vfs vfs;
  private int holder = -1;
  private boolean leased; // false where leases are off (fs.leases-enable) or unsupported
  private boolean triesHere; // false before Linux 5.12 (no RESOLVE_CACHED): all goes to the pool
  private @Nullable SyscallTrace trace; // stopped after the test, also if its thread blocked

  @BeforeEach
  void setUp() throws Exception {
    FifoTest.mkfifo(root.resolve("fifo"));
    Files.writeString(root.resolve("leased"), "leased");
    Files.writeString(root.resolve("small"), "small");
    Files.writeString(root.resolve("target"), "target");
    Files.createSymbolicLink(root.resolve("link"), Path.of("target"));
    try (RandomAccessFile big = new RandomAccessFile(root.resolve("big").toFile(), "rw")) {
      big.setLength(1L << 30);
    }
    PosixBackend backend = PosixBackend.open(PosixOptions.builder(root).build());
    triesHere = backend.capabilities().contains(Capability.NONBLOCKING_PROBE);
    vfs = Vfs.builder().mount("/", backend).build();
    byte[] path = root.resolve("leased").toString().getBytes(StandardCharsets.UTF_8);
    holder = nat.openat(Linux.AT_FDCWD, path, Linux.O_RDONLY | Linux.O_CLOEXEC, 0);
    leased = nat.fcntl(holder, Linux.F_SETLEASE, Linux.F_WRLCK) == 0;
    assertThat(nat.fcntl(holder, Linux.F_SETOWN, 0)).isZero();
  }

  @AfterEach
  void tearDown() {
    if (trace != null) {
      trace.close();
    }
    if (holder >= 0) {
      nat.close(holder);
    }
    if (vfs != null) {
      vfs.close();
    }
    TempRoot.delete(root);
  }

  /** Tells whether a caller's thread may make {@code c}: see {@link Placement}. */
  private static boolean allowed(Call c) {
    return switch (c.name()) {
      case "openat2" ->
          (c.more() & Linux.RESOLVE_CACHED) != 0
              && (c.flags() & (Linux.O_PATH | Linux.O_NONBLOCK)) != 0
              && (c.flags() & (Linux.O_CREAT | Linux.O_TRUNC)) == 0;
      case "statx" -> (c.flags() & Linux.AT_STATX_DONT_SYNC) != 0;
      case "preadv2" -> (c.flags() & Linux.RWF_NOWAIT) != 0;
      default -> false;
    };
  }

  /** Runs {@code calls} on a caller's thread of its own, traced; returns what it made. */
  private List<Call> traced(ThrowingRunnable calls) throws Exception {
    return CallerThread.returns(
        () -> {
          try (SyscallTrace t = SyscallTrace.start(Thread.currentThread())) {
            trace = t;
            calls.run();
            return t.calls();
          }
        });
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private void assertAllowed(List<Call> calls) {
    if (!triesHere) {
      assertThat(calls).as("no call is tried on the caller's thread").isEmpty();
      return;
    }
    assertThat(calls).as("the caller's thread tried the calls").isNotEmpty();
    assertThat(calls).allSatisfy(c -> assertThat(allowed(c)).as("%s", c).isTrue());
  }

  @Test
  void aFifo_isOpenedOnTheCallersThreadWithoutWaiting_andReadElsewhere() throws Exception {
    List<CompletableFuture<?>> later = new ArrayList<>();
    List<Call> calls =
        traced(
            () -> {
              later.add(vfs.readAllBytes("/fifo"));
              later.add(vfs.open("/fifo"));
            });
    assertAllowed(calls);
    assertThat(calls).extracting(Call::name).doesNotContain("read", "poll", "close");
    Files.writeString(root.resolve("fifo"), "through the fifo");
    assertThat(later.get(0).get(WAIT, TimeUnit.SECONDS))
        .isEqualTo("through the fifo".getBytes(StandardCharsets.UTF_8));
    ((AsyncFile) later.get(1).get(WAIT, TimeUnit.SECONDS)).close().get(WAIT, TimeUnit.SECONDS);
  }

  @Test
  void aReadOfACachedRegularFile_andItsEnd_areAnsweredOnTheCallersThread() throws Exception {
    AsyncFile small = vfs.open("/small").get(WAIT, TimeUnit.SECONDS);
    try {
      assertThat(small.read(ByteBuffer.allocate(8), 0).get(WAIT, TimeUnit.SECONDS))
          .isEqualTo(5); // now in the page cache
      List<CompletableFuture<Integer>> reads = new ArrayList<>();
      ByteBuffer heap = ByteBuffer.allocate(3);
      ByteBuffer direct = ByteBuffer.allocateDirect(8);
      List<Call> calls =
          traced(
              () -> {
                reads.add(small.read(heap, 1));
                reads.add(small.read(direct, 2));
                reads.add(small.read(ByteBuffer.allocate(4), 5));
              });
      assertAllowed(calls);
      if (triesHere) {
        assertThat(reads.get(0)).isCompletedWithValue(3);
        assertThat(reads.get(1)).isCompletedWithValue(3);
        // The end: a read of 0 bytes, then a statx that finds the file no longer than 5 bytes.
        assertThat(reads.get(2)).isCompletedWithValue(-1);
        assertThat(calls)
            .extracting(Call::name)
            .containsExactly("preadv2", "preadv2", "preadv2", "statx");
      }
      assertThat(reads.get(0).get(WAIT, TimeUnit.SECONDS)).isEqualTo(3);
      assertThat(new String(heap.array(), StandardCharsets.UTF_8)).isEqualTo("mal");
      assertThat(reads.get(1).get(WAIT, TimeUnit.SECONDS)).isEqualTo(3);
      direct.flip();
      assertThat(StandardCharsets.UTF_8.decode(direct).toString()).isEqualTo("all");
      assertThat(reads.get(2).get(WAIT, TimeUnit.SECONDS)).isEqualTo(-1);
      assertThat(small.size().get(WAIT, TimeUnit.SECONDS)).isEqualTo(5L);
    } finally {
      small.close().get(WAIT, TimeUnit.SECONDS);
    }
  }

  @Test
  void aLeasedFile_isTriedOnTheCallersThreadWithoutWaiting_andOpenedElsewhere() throws Exception {
    assumeTrue(leased, "F_SETLEASE is refused here");
    List<CompletableFuture<?>> later = new ArrayList<>();
    assertThat(vfs.stat("/leased").get(WAIT, TimeUnit.SECONDS).size()).isEqualTo(6); // cached
    List<Call> calls =
        traced(
            () -> {
              later.add(vfs.readAllBytes("/leased"));
              later.add(vfs.open("/leased"));
            });
    assertAllowed(calls);
    assertThat(calls).extracting(Call::name).doesNotContain("close");
    assertThat(nat.fcntl(holder, Linux.F_SETLEASE, Linux.F_UNLCK)).isZero();
    assertThat(later.get(0).get(WAIT, TimeUnit.SECONDS))
        .isEqualTo("leased".getBytes(StandardCharsets.UTF_8));
    AsyncFile leased = (AsyncFile) later.get(1).get(WAIT, TimeUnit.SECONDS);
    assertThat(leased.read(ByteBuffer.allocate(8), 0).get(WAIT, TimeUnit.SECONDS)).isEqualTo(6);
    leased.close().get(WAIT, TimeUnit.SECONDS);
  }

  @Test
  void anUncachedLink_isNotReadOnTheCallersThread() throws Exception {
    List<CompletableFuture<?>> later = new ArrayList<>();
    List<Call> calls =
        traced(
            () -> {
              later.add(vfs.lookup("/link"));
              later.add(vfs.readAllBytes("/link"));
            });
    assertAllowed(calls);
    assertThat(calls).extracting(Call::name).doesNotContain("readlinkat");
    LookupResult link = (LookupResult) later.get(0).get(WAIT, TimeUnit.SECONDS);
    assertThat(link.isHit()).isTrue();
    assertThat(later.get(1).get(WAIT, TimeUnit.SECONDS))
        .isEqualTo("target".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theLastCloseOfADeletedLargeFile_isNotMadeOnTheCallersThread() throws Exception {
    AsyncFile big = vfs.open("/big").get(WAIT, TimeUnit.SECONDS);
    Files.delete(root.resolve("big")); // by "another process": the JDK, untraced
    CompletableFuture<?>[] later = new CompletableFuture<?>[2];
    List<Call> calls =
        traced(
            () -> {
              later[0] = big.close();
              later[1] = vfs.readAllBytes("/small");
            });
    assertAllowed(calls);
    assertThat(calls).extracting(Call::name).doesNotContain("close");
    later[0].get(WAIT, TimeUnit.SECONDS);
    assertThat(later[1].get(WAIT, TimeUnit.SECONDS))
        .isEqualTo("small".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void fifo_leasedFile_uncachedLink_andDeletedLargeFile() throws Exception {
    assumeTrue(leased, "F_SETLEASE is refused here");
    Vfs v = vfs;
    List<CompletableFuture<?>> later = new ArrayList<>();
    AsyncFile[] big = new AsyncFile[1];
    // Opened before the trace: the close below is the one traced.
    big[0] = v.open("/big").get(WAIT, TimeUnit.SECONDS);
    Files.delete(root.resolve("big")); // "another process": the JDK, untraced
    List<Call> calls =
        traced(
            () -> {
              later.add(v.readAllBytes("/fifo"));
              later.add(v.open("/fifo"));
              later.add(v.readAllBytes("/leased"));
              later.add(v.open("/leased"));
              later.add(v.lookup("/link"));
              later.add(v.readAllBytes("/link"));
              later.add(big[0].close());
              later.add(v.readAllBytes("/small"));
            });
    assertAllowed(calls);
    assertThat(calls).extracting(Call::name).doesNotContain("close", "readlinkat");

    // The calls complete elsewhere: a writer comes, the lease goes.
    Files.writeString(root.resolve("fifo"), "through the fifo");
    assertThat(nat.fcntl(holder, Linux.F_SETLEASE, Linux.F_UNLCK)).isZero();
    assertThat(later.get(0).get(WAIT, TimeUnit.SECONDS))
        .isEqualTo("through the fifo".getBytes(StandardCharsets.UTF_8));
    ((AsyncFile) later.get(1).get(WAIT, TimeUnit.SECONDS)).close().get(WAIT, TimeUnit.SECONDS);
    assertThat(later.get(2).get(WAIT, TimeUnit.SECONDS))
        .isEqualTo("leased".getBytes(StandardCharsets.UTF_8));
    AsyncFile leased = (AsyncFile) later.get(3).get(WAIT, TimeUnit.SECONDS);
    assertThat(leased.read(ByteBuffer.allocate(8), 0).get(WAIT, TimeUnit.SECONDS)).isEqualTo(6);
    leased.close().get(WAIT, TimeUnit.SECONDS);
    LookupResult link = (LookupResult) later.get(4).get(WAIT, TimeUnit.SECONDS);
    assertThat(link.isHit()).isTrue();
    assertThat(later.get(5).get(WAIT, TimeUnit.SECONDS))
        .isEqualTo("target".getBytes(StandardCharsets.UTF_8));
    later.get(6).get(WAIT, TimeUnit.SECONDS); // the deleted file's last close, elsewhere
    assertThat(later.get(7).get(WAIT, TimeUnit.SECONDS))
        .isEqualTo("small".getBytes(StandardCharsets.UTF_8));
  }
}
