package org.jvfs.aio.backend;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvfs.aio.ring.UringProbe;
import org.jvfs.posix.PosixOptions;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.OpenFlags;

@DisplayName("UringBackend: routes, fallback, whole-file reads, open files")
class UringBackendTest {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private Path root;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createTempDirectory("aio-backend");
  }

  @AfterEach
  void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private UringBackend open(boolean ring) throws IOException {
    if (ring) {
      UringProbe probe = UringProbe.get();
      Assumptions.assumeTrue(probe.isAvailable(), () -> "io_uring: " + probe.verdict());
    }
    return UringBackend.open(
        new AioOptions(PosixOptions.builder(root).watch(false).ioThreads(2).build(), ring));
  }

  private static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletionStage<?> stage) {
    Throwable t = catchThrowable(() -> stage.toCompletableFuture().join());
    assertThat(t).as("must fail").isNotNull();
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private static Errno errno(CompletionStage<?> stage) {
    Throwable t = failure(stage);
    assertThat(t).isInstanceOf(BackendException.class);
    return ((BackendException) t).errno();
  }

  @Test
  void ringOn_routesOpensReadsAndClosesThroughTheRing() throws Exception {
    try (UringBackend b = open(true)) {
      assertThat(b.usesRing()).isTrue();
      assertThat(b.unavailabilityCause()).isNull();
      assertThat(b.routes())
          .filteredOn(Route::ring)
          .extracting(Route::operation)
          .contains("open", "readFile", "read", "write", "close");
      assertThat(b.routes())
          .filteredOn(r -> r.operation().startsWith("lookup"))
          .singleElement()
          .satisfies(r -> assertThat(r.ring()).isFalse());
      Files.writeString(root.resolve("f"), "hello");
      long before = b.ringStats().sqesSubmitted();
      assertThat(get(b.readFile(b.root(), Name.of("f"), Long.MAX_VALUE)))
          .asString(UTF_8)
          .isEqualTo("hello");
      assertThat(b.ringStats().sqesSubmitted() - before).as("one chain of four SQEs").isEqualTo(4);
    }
  }

  @Test
  void ringOff_sendsEverythingToPosix_andSaysWhy() throws Exception {
    try (UringBackend b = open(false)) {
      assertThat(b.usesRing()).isFalse();
      assertThat(b.ringStats()).isNull();
      assertThat(b.unavailabilityCause()).contains("ring=false");
      assertThat(b.routes()).noneMatch(Route::ring);
      assertThat(b.routes())
          .filteredOn(r -> r.operation().equals("open"))
          .singleElement()
          .satisfies(r -> assertThat(r.why()).contains("ring=false"));
      Files.writeString(root.resolve("f"), "hello");
      assertThat(get(b.readFile(b.root(), Name.of("f"), 100))).asString(UTF_8).isEqualTo("hello");
    }
  }

  @Test
  void walkResolution_isNeverSentToTheRing() throws Exception {
    try (UringBackend b =
        UringBackend.open(
            AioOptions.of(
                PosixOptions.builder(root).resolveBeneath("walk").watch(false).build()))) {
      assertThat(b.usesRing()).isFalse();
      assertThat(b.unavailabilityCause()).contains("walk");
    }
  }

  /** Sizes around the chain's buffers: empty, small, exactly the first read, one more, larger. */
  @ParameterizedTest(name = "ring={0}")
  @ValueSource(booleans = {true, false})
  void readFile_returnsTheWholeContent_atEverySize(boolean ring) throws Exception {
    int first = UringWholeFileReads.FIRST;
    int probe = UringWholeFileReads.PROBE;
    int[] sizes = {
      0,
      1,
      4095,
      first - 1,
      first,
      first + 1,
      first + probe,
      first + probe + 1,
      300_000,
      UringWholeFileReads.MAX_RING_BYTES + 5
    };
    Random r = new Random(7);
    try (UringBackend b = open(ring)) {
      for (int size : sizes) {
        byte[] content = new byte[size];
        r.nextBytes(content);
        Files.write(root.resolve("f" + size), content);
        byte[] got = get(b.readFile(b.root(), Name.of("f" + size), Long.MAX_VALUE));
        assertThat(Arrays.equals(got, content)).as("content of %d bytes", size).isTrue();
      }
      assertThat(b.heldDescriptors()).isZero();
    }
  }

  @ParameterizedTest(name = "ring={0}")
  @ValueSource(booleans = {true, false})
  void readFile_failsAsThePosixBackendDoes(boolean ring) throws Exception {
    try (UringBackend b = open(ring)) {
      Files.write(root.resolve("ten"), new byte[10]);
      Files.createDirectory(root.resolve("dir"));
      Files.createSymbolicLink(root.resolve("link"), Path.of("ten"));
      Process p = new ProcessBuilder("mkfifo", root.resolve("fifo").toString()).start();
      assertThat(p.waitFor()).isZero();
      Node r = b.root();
      assertThat(errno(b.readFile(r, Name.of("ten"), 9))).isEqualTo(Errno.EFBIG);
      assertThat(get(b.readFile(r, Name.of("ten"), 10))).hasSize(10);
      assertThat(errno(b.readFile(r, Name.of("missing"), 10))).isEqualTo(Errno.ENOENT);
      assertThat(errno(b.readFile(r, Name.of("dir"), 10))).isEqualTo(Errno.EISDIR);
      assertThat(errno(b.readFile(r, Name.of("link"), 10))).isEqualTo(Errno.ELOOP);
      assertThat(errno(b.readFile(r, Name.of("fifo"), 10))).isEqualTo(Errno.EINVAL);
      assertThat(b.heldDescriptors()).isZero();
    }
  }

  @ParameterizedTest(name = "ring={0}")
  @ValueSource(booleans = {true, false})
  void openFiles_readAndWrite_withHeapAndDirectBuffers(boolean ring) throws Exception {
    try (UringBackend b = open(ring)) {
      Node r = b.root();
      OpenFlags rw =
          OpenFlags.from(
              java.util.Set.of(
                  java.nio.file.StandardOpenOption.READ,
                  java.nio.file.StandardOpenOption.WRITE,
                  java.nio.file.StandardOpenOption.CREATE_NEW));
      Opened o = get(b.open(r, Name.of("f"), rw, null));
      assertThat(o.created()).isTrue();
      ByteBuffer heap = ByteBuffer.wrap("hello ".getBytes(UTF_8));
      assertThat(get(o.file().write(heap, 0))).isEqualTo(6);
      assertThat(heap.hasRemaining()).isFalse();
      ByteBuffer direct = ByteBuffer.allocateDirect(5).put("world".getBytes(UTF_8)).flip();
      assertThat(get(o.file().write(direct, 6))).isEqualTo(5);
      assertThat(get(o.file().size())).isEqualTo(11);
      ByteBuffer dst = ByteBuffer.allocate(64);
      assertThat(get(o.file().read(dst, 0))).isEqualTo(11);
      assertThat(new String(dst.array(), 0, dst.position(), UTF_8)).isEqualTo("hello world");
      ByteBuffer ddst = ByteBuffer.allocateDirect(4);
      assertThat(get(o.file().read(ddst, 7))).isEqualTo(4);
      assertThat(ddst.position()).isEqualTo(4);
      assertThat(get(o.file().read(ByteBuffer.allocate(4), 11))).isEqualTo(-1);
      assertThat(errno(b.open(r, Name.of("f"), rw, null))).isEqualTo(Errno.EEXIST);
      get(o.file().close());
      assertThat(failure(o.file().read(ByteBuffer.allocate(1), 0)))
          .isInstanceOf(java.nio.channels.ClosedChannelException.class);
      Files.createDirectory(root.resolve("d"));
      Opened d = get(b.open(r, Name.of("d"), OpenFlags.READ, null));
      assertThat(errno(d.file().read(ByteBuffer.allocate(4), 0))).isEqualTo(Errno.EISDIR);
      get(d.file().close());
      assertThat(b.heldDescriptors()).isZero();
    }
  }

  /**
   * java.nio's AsynchronousFileChannel over an aio mount: each read is an IORING_OP_READ (counted
   * by the ring), not a pool thread blocked in pread.
   */
  @Test
  void asynchronousFileChannel_readsThroughTheRing() throws Exception {
    byte[] content = new byte[256 * 1024];
    new Random(3).nextBytes(content);
    Files.write(root.resolve("big"), content);
    UringBackend b = open(true);
    try (org.jvfs.Vfs vfs = org.jvfs.Vfs.builder().mount("/", b).build();
        FileSystem fs = org.jvfs.nio.VfsFileSystems.of(vfs)) {
      try (java.nio.channels.AsynchronousFileChannel ch =
          java.nio.channels.AsynchronousFileChannel.open(fs.getPath("/big"))) {
        long before = b.ringStats().completions();
        int reads = 64;
        List<java.util.concurrent.Future<Integer>> fs2 = new java.util.ArrayList<>();
        List<ByteBuffer> bufs = new java.util.ArrayList<>();
        for (int i = 0; i < reads; i++) {
          ByteBuffer dst = ByteBuffer.allocateDirect(4096);
          bufs.add(dst);
          fs2.add(ch.read(dst, i * 4096L));
        }
        for (int i = 0; i < reads; i++) {
          assertThat(fs2.get(i).get(20, TimeUnit.SECONDS)).isEqualTo(4096);
          byte[] got = new byte[4096];
          bufs.get(i).flip().get(got);
          assertThat(got).isEqualTo(Arrays.copyOfRange(content, i * 4096, (i + 1) * 4096));
        }
        assertThat(b.ringStats().completions() - before)
            .as("IORING_OP_READs completed")
            .isGreaterThanOrEqualTo(reads);
      }
    }
  }

  @Test
  void providerAio_isFoundByJavaNio_withBackendAio() throws Exception {
    Files.writeString(root.resolve("a.txt"), "through java.nio");
    Map<String, Object> env = new HashMap<>();
    env.put("backend", "aio");
    env.put("backendConfig", Map.of("root", root.toString(), "ring", "true"));
    try (FileSystem fs =
        FileSystems.newFileSystem(URI.create("jvfs://aio-" + NAMES.incrementAndGet()), env)) {
      assertThat(Files.readString(fs.getPath("/a.txt"))).isEqualTo("through java.nio");
      Files.writeString(fs.getPath("/b.txt"), "written");
      assertThat(Files.readString(root.resolve("b.txt"))).isEqualTo("written");
    }
    env.put("backendConfig", Map.of("root", root.toString(), "rings", "2"));
    Throwable t =
        catchThrowable(
            () -> FileSystems.newFileSystem(URI.create("jvfs://aio-" + NAMES.get() + "x"), env));
    assertThat(t).hasMessageContaining("unknown aio backend setting: rings");
  }
}
