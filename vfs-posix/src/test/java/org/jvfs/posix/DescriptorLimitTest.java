package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
 * With a handle limit below the files opened, or the process's descriptor limit reached, EMFILE is
 * a clear exception for opens, lookups and listings, nothing leaks, and the descriptors the backend
 * holds only to close them later are given back before a call fails for want of one. The backend
 * keeps no other descriptor: no open-file or directory cache, only the root's, the open files' the
 * caller holds, the Closer's pending ones and (once a stream is read) the Poller's eventfd.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("A handle limit gives EMFILE and leaks nothing")
class DescriptorLimitTest {
  static final int LIMIT = 8;

  Path root;
  PosixBackend backend;
  Vfs vfs;

  @BeforeEach
  void setUp() throws Exception {
    root = TempRoot.create("posix-emfile");
    for (int i = 0; i < 3 * LIMIT; i++) {
      Files.writeString(root.resolve("f" + i), "x" + i);
    }
    backend =
        PosixBackend.open(PosixOptions.builder(root).maxOpenFiles(LIMIT).watch(false).build());
    vfs = Vfs.builder().mount("/", backend, CoherencePolicy.PRIVATE).build();
  }

  @AfterEach
  void tearDown() {
    vfs.close();
    TempRoot.delete(root);
  }

  @Test
  void open_beyondTheLimit_failsWithTooManyOpenFiles() throws Exception {
    int before = FdLeakCheck.openDescriptors();
    List<AsyncFile> files = new ArrayList<>();
    int failures = 0;
    Throwable first = null;
    for (int i = 0; i < 3 * LIMIT; i++) {
      String p = "/f" + i;
      try {
        files.add(vfs.open(p).join());
      } catch (CompletionException e) {
        failures++;
        if (first == null) {
          first = e.getCause();
        }
      }
    }
    assertThat(files).hasSize(LIMIT);
    assertThat(failures).isEqualTo(2 * LIMIT);
    assertThat(first)
        .isInstanceOf(FileSystemException.class)
        .hasMessageContaining("/f" + LIMIT)
        .hasMessageContaining("Too many open files");
    for (AsyncFile f : files) {
      f.close().join();
    }
    assertThat(vfs.openFileCount()).isZero();
    assertThat(backend.heldDescriptors()).isZero();
    FdLeakCheck.awaitClosed(backend); // the walk's probes gave descriptors up to the closer
    assertThat(FdLeakCheck.openDescriptors()).isLessThanOrEqualTo(before);
    // After the files are closed, opens work again.
    assertThat(vfs.readAllBytes("/f0").join()).isEqualTo("x0".getBytes());
  }

  @Test
  void close_ofTheBackend_closesEveryDescriptor() {
    int before = FdLeakCheck.openDescriptors();
    for (int i = 0; i < LIMIT; i++) {
      vfs.open("/f" + i).join();
    }
    vfs.readAllBytes("/f0");
    assertThat(catchThrowable(() -> vfs.open("/f" + LIMIT).join())).isNotNull();
    vfs.close();
    assertThat(backend.heldDescriptors()).isZero();
    // The backend's root descriptor and its IO threads are gone too.
    assertThat(FdLeakCheck.openDescriptors()).isLessThan(before);
  }

  /**
   * Runs {@link AtTheLimit} in a JVM of its own, since it lowers the process's descriptor limit:
   * there, loading a class from a directory of the class path (an open) fails too, and a failed
   * class resolution stays failed for the rest of the JVM.
   */
  @Test
  void
      atTheProcessDescriptorLimit_opensLookupsAndListingsFailWithEmfile_andPendingClosesAreGivenBack()
          throws Exception {
    Files.createDirectory(root.resolve("d"));
    Files.writeString(root.resolve("d/g"), "g");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                AtTheLimit.class.getName(),
                root.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("emfile: ok", "given back: ok");
  }

  /** The child JVM: the checks at the process's descriptor limit, on the root it is given. */
  static final class AtTheLimit {
    private static final PosixNative NAT = PosixNative.get();

    private AtTheLimit() {}

    public static void main(String[] args) throws Exception {
      preloadClasses();
      Path root = Path.of(args[0]);
      try {
        emfile(root);
        System.out.println("emfile: ok");
        givenBack(root);
        System.out.println("given back: ok");
      } catch (Throwable t) {
        t.printStackTrace(System.out);
        System.exit(1);
      }
      System.exit(0);
    }

    /** Loads every class of the class path's directories, which a class loader opens one by one. */
    private static void preloadClasses() throws Exception {
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        Path dir = Path.of(entry);
        if (!Files.isDirectory(dir)) {
          continue; // a jar stays open once read
        }
        try (var files = Files.walk(dir)) {
          for (Path f : files.filter(x -> x.toString().endsWith(".class")).toList()) {
            String name = dir.relativize(f).toString().replace('/', '.');
            try {
              Class.forName(
                  name.substring(0, name.length() - 6), false, AtTheLimit.class.getClassLoader());
            } catch (Throwable ignored) {
              // Not loadable here (a test engine's optional class): not needed either.
            }
          }
        }
      }
    }

    /**
     * Lowers the descriptor limit to what is open now plus a few, opens {@code /dev/null} until
     * none is left, and runs {@code body} with those descriptors.
     */
    private static void atTheLimit(ThrowingConsumer<List<Integer>> body) throws Exception {
      long[] saved = new long[2];
      assertThat(NAT.getrlimit(Linux.RLIMIT_NOFILE, saved)).isZero();
      List<Integer> fillers = new ArrayList<>();
      byte[] devNull = "/dev/null".getBytes(StandardCharsets.US_ASCII);
      try {
        long soft = FdLeakCheck.openDescriptors() + 32L;
        assertThat(NAT.setrlimit(Linux.RLIMIT_NOFILE, soft, saved[1])).isZero();
        while (true) {
          int fd = NAT.openat(Linux.AT_FDCWD, devNull, Linux.O_RDONLY | Linux.O_CLOEXEC, 0);
          if (fd == -Linux.EMFILE) {
            break;
          }
          assertThat(fd).isNotNegative();
          fillers.add(fd);
        }
        body.accept(fillers);
      } finally {
        for (int fd : fillers) {
          NAT.close(fd);
        }
        assertThat(NAT.setrlimit(Linux.RLIMIT_NOFILE, saved[0], saved[1])).isZero();
      }
    }

    private static void awaitIdle(Closer closer) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!closer.isIdle()) {
        assertThat(System.nanoTime()).as("the closer is done").isLessThan(deadline);
        Thread.sleep(1);
      }
    }

    private static Throwable failure(CompletableFuture<?> f) {
      Throwable t = catchThrowable(() -> f.get(10, TimeUnit.SECONDS));
      assertThat(t).isInstanceOf(ExecutionException.class);
      return t.getCause();
    }

    /** Opens, whole-file reads, lookups below the root and listings fail with EMFILE. */
    static void emfile(Path root) throws Exception {
      PosixBackend b = PosixBackend.open(PosixOptions.builder(root).ioThreads(2).build());
      try (Vfs uncached = Vfs.builder().caching(false).mount("/", b).build()) {
        // Every path once, failures too, before the limit.
        uncached.open("/f1").get(10, TimeUnit.SECONDS).close().get(10, TimeUnit.SECONDS);
        uncached.readAllBytes("/f2").get(10, TimeUnit.SECONDS);
        uncached.stat("/d/g").get(10, TimeUnit.SECONDS);
        uncached.list("/d").get(10, TimeUnit.SECONDS);
        catchThrowable(() -> uncached.open("/none").get(10, TimeUnit.SECONDS));
        awaitIdle(b.posixRoot().closer()); // else its closes would free descriptors at the limit
        atTheLimit(
            fillers -> {
              for (CompletableFuture<?> f :
                  List.of(
                      uncached.open("/f1"),
                      uncached.readAllBytes("/f2"),
                      uncached.stat("/d/g"),
                      uncached.lookup("/d/g"),
                      uncached.list("/d"),
                      uncached.list("/"))) {
                assertThat(failure(f))
                    .isInstanceOf(FileSystemException.class)
                    .hasMessageContaining("Too many open files");
              }
              assertThat(failure(uncached.open("/f1"))).hasMessageStartingWith("/f1: ");
              assertThat(failure(uncached.list("/d"))).hasMessageStartingWith("/d: ");
              NAT.close(fillers.remove(0));
              NAT.close(fillers.remove(0));
              assertThat(uncached.readAllBytes("/f2").get(10, TimeUnit.SECONDS))
                  .isEqualTo("x2".getBytes(StandardCharsets.UTF_8));
              assertThat(uncached.list("/d").get(10, TimeUnit.SECONDS)).containsExactly("g");
              assertThat(uncached.stat("/d/g").get(10, TimeUnit.SECONDS).size()).isEqualTo(1);
            });
      }
    }

    /**
     * With the Closer's thread held, descriptors a caller's thread gave up stay open; at the limit,
     * an IO thread closes them and opens again instead of failing.
     */
    static void givenBack(Path root) throws Exception {
      PosixBackend b =
          PosixBackend.open(PosixOptions.builder(root).ioThreads(2).watch(false).build());
      try (Vfs v = Vfs.builder().mount("/", b, CoherencePolicy.PRIVATE).build()) {
        for (int i = 0; i < 6; i++) {
          v.readAllBytes("/f" + i).get(10, TimeUnit.SECONDS); // cached: read on this thread next
        }
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        b.posixRoot()
            .closer()
            .execute(
                () -> {
                  held.countDown();
                  try {
                    release.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
        assertThat(held.await(10, TimeUnit.SECONDS)).as("the closer's thread is held").isTrue();
        try {
          for (int i = 0; i < 4; i++) {
            assertThat(v.readAllBytes("/f" + i)).as("read on this thread").isCompleted();
          }
          atTheLimit(
              fillers ->
                  assertThat(v.readAllBytes("/f5").get(10, TimeUnit.SECONDS))
                      .as("an IO thread closed the pending descriptors and opened again")
                      .isEqualTo("x5".getBytes(StandardCharsets.UTF_8)));
        } finally {
          release.countDown();
        }
      }
    }
  }

  @FunctionalInterface
  private interface ThrowingConsumer<T> {
    void accept(T t) throws Exception;
  }
}
