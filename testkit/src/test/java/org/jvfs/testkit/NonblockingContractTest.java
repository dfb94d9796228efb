package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jvfs.AsyncFile;
import org.jvfs.LookupResult.Status;
import org.jvfs.Saturation;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Errno;
import org.jvfs.spi.NodeKind;

/**
 * The nonblocking contract of design section 4 (ATOMICLOOKUP): lookups of cached paths make no
 * backend call and complete at once, lookupNow never waits, concurrent misses share one call,
 * failed loads are not cached, close completes what is pending, the in-flight bound holds, and
 * completion works on any executor.
 */
class NonblockingContractTest {
  private final MemoryBackend memory = MemoryBackend.create();
  private final ScriptedBackend backend = new ScriptedBackend(memory);
  private final List<Vfs> opened = new ArrayList<>();

  @AfterEach
  void releaseAndClose() {
    backend.refuseAllCalls(false);
    backend.releaseLookups();
    for (Vfs v : opened) {
      v.close();
    }
  }

  private Vfs vfs(Vfs.Builder b) throws IOException {
    Vfs v = b.mount("/", backend).build();
    opened.add(v);
    return v;
  }

  private Vfs vfs() throws IOException {
    return vfs(Vfs.builder());
  }

  /** Makes {@code path} in the memory backend behind the VFS's back, so nothing is cached. */
  private void makeBehindTheBack(String path, String content) throws IOException {
    @SuppressWarnings("resource") // closing it would close the shared backend
    Vfs setup = Vfs.builder().caching(false).mount("/", memory).build();
    String parent = path.substring(0, path.lastIndexOf('/'));
    if (!parent.isEmpty()) {
      setup.createDirectories(parent).join();
    }
    setup.write(path, content.getBytes(UTF_8)).join();
  }

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("future did not fail in time", e);
    }
    throw new AssertionError("expected a failure, got " + f.join());
  }

  private static void assertInvariants(Vfs v) {
    assertThat(v.verifyCache()).isEmpty();
    assertThat(v.openFileCount()).isZero();
    assertThat(v.pendingOperations()).isZero();
  }

  @Test
  void lookupNow_fullyCachedPath_hitsWithoutBackendCalls() throws IOException {
    Vfs v = vfs();
    v.createDirectories("/a/b").join();
    v.write("/a/b/f", "xyz".getBytes(UTF_8)).join();
    assertThat(v.lookup("/a/b/f").join().isHit()).isTrue();
    backend.clearCalls();
    backend.refuseAllCalls(true);

    var r = v.lookupNow("/a/b/f");

    assertThat(r.status()).isEqualTo(Status.HIT);
    assertThat(r.attributes().size()).isEqualTo(3);
    assertThat(backend.calls()).isEmpty();
    assertThat(backend.violations()).isEmpty();
  }

  @Test
  void lookupNow_uncachedPath_missesAtOnceWithoutBackendCalls() throws IOException {
    makeBehindTheBack("/x/y", "1");
    Vfs v = vfs();
    backend.refuseAllCalls(true);

    assertThat(v.lookupNow("/x/y").status()).isEqualTo(Status.MISS);
    assertThat(backend.calls()).isEmpty();
    assertThat(backend.violations()).isEmpty();
  }

  @Test
  void lookupNow_whileALoadOfThePathIsInFlight_missesWithoutWaiting() throws Exception {
    makeBehindTheBack("/p", "1");
    Vfs v = vfs();
    backend.holdLookups();
    CompletableFuture<?> inFlight = v.lookup("/p");
    backend.awaitHeld(1, 10);
    assertThat(inFlight).isNotDone();

    long start = System.nanoTime();
    var r = v.lookupNow("/p");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(r.status()).isEqualTo(Status.MISS);
    assertThat(millis).isLessThan(1000);
    assertThat(inFlight).isNotDone();
    assertThat(backend.releaseLookups()).isEqualTo(1);
    assertThat(v.lookup("/p").get(10, TimeUnit.SECONDS).isHit()).isTrue();
    assertThat(inFlight.get(10, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void lookupAndOpen_fullyCachedPath_completeInlineWithoutBackendLookups() throws IOException {
    Vfs v = vfs();
    v.createDirectories("/a").join();
    v.write("/a/f", "hi".getBytes(UTF_8)).join();
    v.lookup("/a/f").join();
    backend.clearCalls();

    CompletableFuture<?> lookup = v.lookup("/a/f");
    assertThat(lookup).isDone();
    CompletableFuture<AsyncFile> open = v.open("/a/f");
    assertThat(open).isDone();

    assertThat(backend.count("lookup")).isZero();
    assertThat(backend.count("attributes")).isZero();
    assertThat(backend.calls()).containsExactly("open f");
    open.join().close().join();
    assertInvariants(v);
  }

  @Test
  void concurrentLookups_ofOneUncachedPath_shareOneBackendLookup() throws Exception {
    makeBehindTheBack("/d/f", "1");
    Vfs v = vfs();
    v.lookup("/d").join();
    backend.clearCalls();
    backend.holdLookups();
    int n = 16;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<java.util.concurrent.Future<CompletableFuture<org.jvfs.LookupResult>>> issued =
          new ArrayList<>();
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      for (int i = 0; i < n; i++) {
        issued.add(
            pool.submit(
                () -> {
                  go.await();
                  return v.lookup("/d/f");
                }));
      }
      go.countDown();
      List<CompletableFuture<org.jvfs.LookupResult>> futures = new ArrayList<>();
      for (var f : issued) {
        futures.add(f.get(10, TimeUnit.SECONDS));
      }
      backend.awaitHeld(1, 10);
      assertThat(backend.count("lookup f")).isEqualTo(1);
      assertThat(backend.releaseLookups()).isEqualTo(1);
      for (var f : futures) {
        assertThat(f.get(10, TimeUnit.SECONDS).isHit()).isTrue();
      }
      assertThat(backend.count("lookup f")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertInvariants(v);
  }

  @Test
  void failedLoad_isNotCached_nextLookupCallsTheBackendAgain() throws IOException {
    makeBehindTheBack("/g", "1");
    Vfs v = vfs();
    backend.failNextLookup("g", Errno.EIO);

    Throwable t = failure(v.lookup("/g"));

    assertThat(t).isExactlyInstanceOf(FileSystemException.class);
    assertThat(((FileSystemException) t).getReason()).isEqualTo(Errno.EIO.reason());
    assertThat(v.lookupNow("/g").status()).isEqualTo(Status.MISS);
    assertThat(v.lookup("/g").join().isHit()).isTrue();
    assertThat(backend.count("lookup g")).isEqualTo(2);
    assertInvariants(v);
  }

  @Test
  void close_withLookupsInFlight_completesThemWithClosedFileSystemException() throws Exception {
    makeBehindTheBack("/c1", "1");
    Vfs v = vfs();
    backend.holdLookups();
    List<CompletableFuture<?>> futures =
        List.of(v.lookup("/c1"), v.lookup("/c2"), v.stat("/c3"), v.readAllBytes("/c1"));
    backend.awaitHeld(3, 10);
    assertThat(v.pendingOperations()).isEqualTo(4);

    v.close();

    for (CompletableFuture<?> f : futures) {
      assertThat(f).isDone();
      assertThat(failure(f)).isInstanceOf(ClosedFileSystemException.class);
    }
    assertThat(v.pendingOperations()).isZero();
    backend.releaseLookups();
    assertThat(v.openFileCount()).isZero();
  }

  @Test
  void inFlightBound_withFail_rejectsTheThirdOperation() throws Exception {
    Vfs v = vfs(Vfs.builder().maxInFlight(2).whenSaturated(Saturation.FAIL));
    backend.holdLookups();
    CompletableFuture<?> first = v.lookup("/p1");
    CompletableFuture<?> second = v.lookup("/p2");
    backend.awaitHeld(2, 10);

    CompletableFuture<?> third = v.lookup("/p3");

    assertThat(failure(third)).isInstanceOf(RejectedExecutionException.class);
    assertThat(backend.count("lookup p3")).isZero();
    backend.releaseLookups();
    assertThat(first.get(10, TimeUnit.SECONDS)).isNotNull();
    assertThat(second.get(10, TimeUnit.SECONDS)).isNotNull();
    assertThat(v.lookup("/p3").get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.ABSENT);
  }

  /** The completion executors of the design's hostile-environment matrix. */
  enum Completion {
    DIRECT,
    THREADED,
    REJECTING
  }

  @ParameterizedTest
  @EnumSource(Completion.class)
  void asyncLookup_completesWithTheRightAnswer_onEveryExecutor(Completion kind) throws Exception {
    makeBehindTheBack("/m/f", "abc");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Vfs.Builder b = Vfs.builder();
      switch (kind) {
        case DIRECT -> b.directCompletion();
        case THREADED -> b.completionExecutor(pool);
        case REJECTING ->
            b.completionExecutor(
                r -> {
                  throw new RejectedExecutionException("rejecting executor");
                });
      }
      Vfs v = vfs(b);
      backend.holdLookups();
      CompletableFuture<org.jvfs.LookupResult> hit = v.lookup("/m/f");
      CompletableFuture<org.jvfs.LookupResult> absent = v.lookup("/m/none");
      backend.awaitHeld(1, 10);
      assertThat(hit).isNotDone();
      // Each release answers the lookups held so far; the walk then needs the next name.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!(hit.isDone() && absent.isDone()) && System.nanoTime() < deadline) {
        backend.releaseLookups();
        backend.holdLookups();
        Thread.sleep(1);
      }
      backend.releaseLookups();

      var r = hit.get(10, TimeUnit.SECONDS);
      assertThat(r.isHit()).isTrue();
      assertThat(r.attributes().kind()).isEqualTo(NodeKind.FILE);
      assertThat(r.attributes().size()).isEqualTo(3);
      assertThat(absent.get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.ABSENT);
      assertThat(v.lookupNow("/m/f").isHit()).isTrue();
      assertInvariants(v);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void joinedFuture_isNoLongerPending() throws Exception {
    makeBehindTheBack("/q", "1");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Vfs v = vfs(Vfs.builder().completionExecutor(pool));
      for (int i = 0; i < 200; i++) {
        backend.holdLookups();
        CompletableFuture<?> f = v.lookup("/q" + i);
        backend.awaitHeld(1, 10);
        backend.releaseLookups();
        f.get(10, TimeUnit.SECONDS);
        assertThat(v.pendingOperations()).as("after %s lookups", i + 1).isZero();
      }
    } catch (CompletionException e) {
      throw new AssertionError(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
