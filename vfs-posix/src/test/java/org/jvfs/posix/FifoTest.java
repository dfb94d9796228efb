package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvfs.AsyncFile;
import org.jvfs.CoherencePolicy;
import org.jvfs.Vfs;

/**
 * FIFOs in the root: opening one never blocks the caller, reading one works as the JDK's {@code
 * Files.readAllBytes} (it waits for a writer and reads to the end of file), writing one waits for a
 * reader, and any number of such waits leaves every other call of the VFS working: they wait in the
 * {@link Poller}, not on IO threads. Under the openat2 resolution the opens run on the caller's
 * thread ({@link CallerThread} fails a call that blocks it); under the walk, on the two IO threads,
 * which 16 waiting FIFO reads would fill.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("A FIFO is read and written as the JDK does, holding no caller and no IO thread")
class FifoTest {
  private static final int FIFOS = 16;
  private static final long WAIT = 10;

  private final Path root = TempRoot.create("posix-fifo");
  private @Nullable PosixBackend backend;
  private @Nullable Vfs vfs;

  @AfterEach
  void tearDown() {
    if (vfs != null) {
      vfs.close();
    }
    TempRoot.delete(root);
  }

  private Vfs open(String resolve) throws Exception {
    for (int i = 0; i < FIFOS; i++) {
      mkfifo(root.resolve("p" + i));
    }
    Files.writeString(root.resolve("f"), "regular");
    Files.createDirectory(root.resolve("d"));
    Files.writeString(root.resolve("d/g"), "g");
    backend =
        PosixBackend.open(
            PosixOptions.builder(root).resolveBeneath(resolve).watch(false).ioThreads(2).build());
    vfs = Vfs.builder().mount("/", backend, CoherencePolicy.PRIVATE).build();
    return vfs;
  }

  static void mkfifo(Path p) throws Exception {
    Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
    assertThat(mk.waitFor()).as("mkfifo %s", p).isZero();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openat2", "walk"})
  void readAllBytes_ofFifos_waitsForWriters_whileEveryOtherCallGoesOn(String resolve)
      throws Exception {
    Vfs v = open(resolve);
    List<CompletableFuture<byte[]>> reads =
        CallerThread.returns(
            () -> {
              List<CompletableFuture<byte[]>> all = new ArrayList<>();
              for (int i = 0; i < FIFOS; i++) {
                all.add(v.readAllBytes("/p" + i));
              }
              return all;
            });
    for (CompletableFuture<byte[]> r : reads) {
      assertThat(r).as("no writer yet").isNotDone();
    }
    // 16 FIFO reads wait, and the two IO threads still serve everything else.
    assertThat(v.readAllBytes("/f").get(WAIT, TimeUnit.SECONDS)).isEqualTo(bytes("regular"));
    assertThat(v.list("/d").get(WAIT, TimeUnit.SECONDS)).containsExactly("g");
    assertThat(v.stat("/d/g").get(WAIT, TimeUnit.SECONDS).size()).isEqualTo(1);
    v.write("/d/h", bytes("h")).get(WAIT, TimeUnit.SECONDS);
    for (int i = 0; i < FIFOS; i++) {
      // The JDK's writer: its open waits for our reader, then it writes and closes.
      Files.write(root.resolve("p" + i), bytes("fifo " + i));
    }
    for (int i = 0; i < FIFOS; i++) {
      assertThat(reads.get(i).get(WAIT, TimeUnit.SECONDS))
          .as("p%s", i)
          .isEqualTo(bytes("fifo " + i));
    }
  }

  @Test
  void readAllBytes_ofAFifo_readsWhatSeveralWritesGaveUntilTheWriterLeaves() throws Exception {
    Vfs v = open("openat2");
    CompletableFuture<byte[]> read = CallerThread.returns(() -> v.readAllBytes("/p0"));
    byte[] big = new byte[200_000]; // more than a pipe holds: several reads and writes
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) i;
    }
    try (var out = Files.newOutputStream(root.resolve("p0"))) {
      out.write(big, 0, 100_000);
      out.flush();
      out.write(big, 100_000, 100_000);
    }
    assertThat(read.get(WAIT, TimeUnit.SECONDS)).isEqualTo(big);
    assertThat(Files.readAllBytes(root.resolve("f"))).isEqualTo(bytes("regular"));
  }

  @Test
  void anOpenFifo_isReadWithoutPositions_andAWaitingReadFailsWhenItIsClosed() throws Exception {
    Vfs v = open("openat2");
    AsyncFile f = CallerThread.returns(() -> v.open("/p0").get(WAIT, TimeUnit.SECONDS));
    ByteBuffer buf = ByteBuffer.allocate(16);
    CompletableFuture<Integer> first = f.read(buf, 1234);
    assertThat(first).isNotDone();
    Files.write(root.resolve("p0"), bytes("abc"));
    assertThat(first.get(WAIT, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(f.read(buf, 0).get(WAIT, TimeUnit.SECONDS)).as("the writer left").isEqualTo(-1);
    f.close().get(WAIT, TimeUnit.SECONDS);

    AsyncFile g = v.open("/p1").get(WAIT, TimeUnit.SECONDS);
    CompletableFuture<Integer> waiting = g.read(ByteBuffer.allocate(4), 0);
    awaitPollerWaits(1);
    assertThat(waiting).isNotDone();
    g.close().get(WAIT, TimeUnit.SECONDS);
    assertThat(catchThrowable(() -> waiting.get(WAIT, TimeUnit.SECONDS)))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(AsynchronousCloseException.class);
  }

  /** Waits until {@code n} reads wait in the poller (they got there from an IO thread). */
  private void awaitPollerWaits(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
    while (backend.posixRoot().poller().waiting() < n) {
      assertThat(System.nanoTime()).as("reads waiting in the poller").isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  @Test
  void write_toAFifo_waitsForAReader_asTheJdkDoes() throws Exception {
    Vfs v = open("openat2");
    CompletableFuture<Void> write =
        CallerThread.returns(() -> v.write("/p0", bytes("to the reader")));
    assertThat(write).as("no reader yet").isNotDone();
    // The JDK's reader: its open waits for our writer, which finds it on its next try.
    assertThat(Files.readAllBytes(root.resolve("p0"))).isEqualTo(bytes("to the reader"));
    write.get(WAIT, TimeUnit.SECONDS);
  }

  @Test
  void readAllBytes_ofASocket_failsAsTheJdksDoes() throws Exception {
    Vfs v = open("openat2");
    Path socket = root.resolve("s");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Throwable jdk = catchThrowable(() -> Files.readAllBytes(socket));
      Throwable ours =
          catchThrowable(
              () -> CallerThread.returns(() -> v.readAllBytes("/s")).get(WAIT, TimeUnit.SECONDS));
      assertThat(jdk).isInstanceOf(FileSystemException.class);
      assertThat(ours)
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(jdk.getClass())
          .hasMessage("/s: " + ((FileSystemException) jdk).getReason());
    }
  }

  @Test
  void close_withFifoReadsWaiting_failsThemAndClosesEveryDescriptor() throws Exception {
    Vfs v = open("walk");
    List<CompletableFuture<byte[]>> reads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      reads.add(v.readAllBytes("/p" + i));
    }
    AsyncFile f = v.open("/p5").get(WAIT, TimeUnit.SECONDS);
    CompletableFuture<Integer> read = f.read(ByteBuffer.allocate(4), 0);
    v.close();
    for (CompletableFuture<?> r : reads) {
      assertThat(catchThrowable(() -> r.get(WAIT, TimeUnit.SECONDS)))
          .isInstanceOf(ExecutionException.class);
    }
    assertThat(catchThrowable(() -> read.get(WAIT, TimeUnit.SECONDS)))
        .isInstanceOf(ExecutionException.class);
    // FdLeakCheck: the poller's eventfd and every FIFO descriptor are closed.
  }
}
