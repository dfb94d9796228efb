package org.jvfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.ClosedFileSystemException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.memory.MemoryBackend;

class VfsTest {
  private final Vfs vfs = Vfs.inMemory();

  @AfterEach
  void checkInvariants() {
    assertThat(vfs.verifyCache()).isEmpty();
    assertThat(vfs.openFileCount()).isZero();
    assertThat(vfs.pendingOperations()).isZero();
    vfs.close();
  }

  private static <T> T join(CompletableFuture<T> f) {
    return f.join();
  }

  private static Throwable failure(CompletableFuture<?> f) {
    assertThat(f).isDone();
    try {
      f.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void writeThenRead_roundTrips() {
    join(vfs.createDirectories("/a/b"));
    join(vfs.write("/a/b/f", "hello".getBytes(UTF_8)));
    assertThat(new String(join(vfs.readAllBytes("/a/b/f")), UTF_8)).isEqualTo("hello");
    assertThat(join(vfs.stat("/a/b/f")).size()).isEqualTo(5);
    assertThat(join(vfs.list("/a/b"))).containsExactly("f");
  }

  @Test
  void lookupNow_afterLookup_hitsWithAttributes() {
    join(vfs.write("/f", new byte[3]));
    // The write through the open file dropped the cached attributes; one lookup loads them again.
    assertThat(vfs.lookupNow("/f").status()).isEqualTo(LookupResult.Status.MISS);
    join(vfs.lookup("/f"));
    LookupResult r = vfs.lookupNow("/f");
    assertThat(r.status()).isEqualTo(LookupResult.Status.HIT);
    assertThat(r.attributes().size()).isEqualTo(3);
    assertThat(vfs.lookupNow("/absent").status()).isEqualTo(LookupResult.Status.MISS);
    assertThat(join(vfs.lookup("/absent")).status()).isEqualTo(LookupResult.Status.ABSENT);
    assertThat(vfs.lookupNow("/absent").status()).isEqualTo(LookupResult.Status.ABSENT);
  }

  @Test
  void writeThroughFile_updatesCachedSize() {
    join(vfs.write("/f", new byte[3]));
    assertThat(join(vfs.stat("/f")).size()).isEqualTo(3);
    AsyncFile f = join(vfs.open("/f", StandardOpenOption.WRITE));
    join(f.write(java.nio.ByteBuffer.wrap(new byte[10]), 0));
    join(f.close());
    assertThat(join(vfs.stat("/f")).size()).isEqualTo(10);
  }

  @Test
  void errors_matchTheJdk() {
    join(vfs.write("/f", new byte[1]));
    join(vfs.createDirectories("/d/e"));
    assertThat(failure(vfs.readAllBytes("/nope")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage("/nope");
    assertThat(failure(vfs.createDirectory("/f"))).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(failure(vfs.delete("/d")))
        .isInstanceOf(DirectoryNotEmptyException.class)
        .hasMessage("/d");
    assertThat(failure(vfs.list("/f"))).isInstanceOf(NotDirectoryException.class);
    assertThat(failure(vfs.readSymbolicLink("/f"))).isInstanceOf(NotLinkException.class);
    assertThat(failure(vfs.readAllBytes("/d")))
        .isInstanceOf(FileSystemException.class)
        .hasMessageContaining("/d");
    assertThat(failure(vfs.stat("/f/x")))
        .isInstanceOf(FileSystemException.class)
        .hasMessageContaining("Not a directory");
    assertThat(failure(vfs.move("/d", "/d/e/x"))).isInstanceOf(FileSystemException.class);
    assertThatThrownBy(() -> vfs.stat("/a\u0000b")).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> vfs.stat(null)).isInstanceOf(NullPointerException.class);
    assertThat(failure(vfs.stat("/" + "x".repeat(256))))
        .isInstanceOf(FileSystemException.class)
        .hasMessageContaining("File name too long");
  }

  @Test
  void symlinks_followAndLoop() {
    join(vfs.createDirectories("/d"));
    join(vfs.write("/d/f", "x".getBytes(UTF_8)));
    join(vfs.createSymbolicLink("/l", "d/f"));
    assertThat(join(vfs.readAllBytes("/l"))).containsExactly('x');
    assertThat(join(vfs.stat("/l", LinkOption.NOFOLLOW_LINKS)).isSymbolicLink()).isTrue();
    join(vfs.createSymbolicLink("/loop", "loop"));
    assertThat(failure(vfs.stat("/loop"))).isInstanceOf(FileSystemLoopException.class);
    join(vfs.createSymbolicLink("/d/up", ".."));
    assertThat(join(vfs.list("/d/up/d"))).containsExactly("f", "up");
  }

  @Test
  void moveAndCopy_work() {
    join(vfs.write("/a", "A".getBytes(UTF_8)));
    join(vfs.copy("/a", "/b"));
    join(vfs.move("/a", "/c"));
    assertThat(join(vfs.list("/"))).containsExactly("b", "c");
    assertThat(failure(vfs.move("/b", "/c"))).isInstanceOf(FileAlreadyExistsException.class);
    join(vfs.move("/b", "/c", StandardCopyOption.REPLACE_EXISTING));
    assertThat(join(vfs.list("/"))).containsExactly("c");
  }

  @Test
  void mounts_areJails() throws Exception {
    try (Vfs v = Vfs.builder().mount("/m", MemoryBackend.create()).build()) {
      join(v.write("/m/f", new byte[2]));
      assertThat(join(v.list("/"))).containsExactly("m");
      assertThat(join(v.list("/m/.."))).containsExactly("f");
      assertThat(failure(v.createLink("/l", "/m/f"))).isInstanceOf(FileSystemException.class);
      join(v.move("/m/f", "/g"));
      assertThat(join(v.stat("/g")).size()).isEqualTo(2);
      assertThat(failure(v.delete("/m"))).isInstanceOf(FileSystemException.class);
    }
  }

  @Test
  void lookupNow_leavesCacheMaintenanceToItsExecutor() throws Exception {
    ConcurrentLinkedQueue<Runnable> maintenance = new ConcurrentLinkedQueue<>();
    try (Vfs v =
        Vfs.builder()
            .maximumDentries(3)
            .maximumNegativeDentries(3)
            .cacheMaintenanceExecutor(maintenance::add)
            .build()) {
      for (int i = 0; i < 20; i++) {
        join(v.write("/f" + i, new byte[] {1}));
        join(v.lookup("/f" + i));
        join(v.lookup("/absent" + i));
      }
      long before = v.cacheStats().evictionCount();
      Thread loop =
          new Thread(
              () -> {
                for (int round = 0; round < 500; round++) {
                  for (int i = 0; i < 20; i++) {
                    v.lookupNow("/f" + i);
                    v.lookupNow("/absent" + i);
                  }
                }
              },
              "event-loop");
      loop.start();
      loop.join();
      assertThat(v.cacheStats().evictionCount()).as("evicted by lookupNow").isEqualTo(before);
      assertThat(maintenance).isNotEmpty();
      for (Runnable r = maintenance.poll(); r != null; r = maintenance.poll()) {
        r.run();
      }
      assertThat(v.cacheStats().evictionCount()).isGreaterThan(before);
      assertThat(v.cacheStats().positiveSize()).isLessThanOrEqualTo(3);
    }
  }

  /** A memory backend whose lookups wait until the test completes {@code gate}. */
  private static final class GatedBackend extends org.jvfs.spi.ForwardingBackend {
    private final org.jvfs.spi.Backend delegate = MemoryBackend.create();
    final CompletableFuture<Void> gate = new CompletableFuture<>();

    @Override
    protected org.jvfs.spi.Backend delegate() {
      return delegate;
    }

    @Override
    public java.util.Set<org.jvfs.spi.Capability> capabilities() {
      java.util.Set<org.jvfs.spi.Capability> c = java.util.EnumSet.copyOf(delegate.capabilities());
      c.remove(org.jvfs.spi.Capability.INLINE_COMPLETION);
      c.remove(org.jvfs.spi.Capability.NONBLOCKING_PROBE);
      return c;
    }

    @Override
    public java.util.concurrent.CompletionStage<
            org.jvfs.spi.@org.jspecify.annotations.Nullable NodeInfo>
        lookup(org.jvfs.spi.Node dir, org.jvfs.spi.Name name) {
      return gate.thenCompose(v -> delegate.lookup(dir, name));
    }
  }

  @Test
  void saturated_byDefault_failsAtOnceAndNeverParksTheCaller() throws Exception {
    GatedBackend backend = new GatedBackend();
    try (Vfs v = Vfs.builder().mount("/", backend).maxInFlight(1).directCompletion().build()) {
      CompletableFuture<LookupResult> first = v.lookup("/a");
      assertThat(first).isNotDone();
      CompletableFuture<CompletableFuture<LookupResult>> second = new CompletableFuture<>();
      Thread caller = new Thread(() -> second.complete(v.lookup("/b")), "caller");
      caller.start();
      caller.join(10_000);
      boolean parked = caller.isAlive();
      backend.gate.complete(null);
      caller.join();
      assertThat(parked).as("the caller was parked").isFalse();
      assertThat(failure(second.join()))
          .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
      assertThat(first.join().isHit()).isFalse();
    }
  }

  @Test
  void saturated_underWait_parksTheCallerUntilASlotFrees() throws Exception {
    GatedBackend backend = new GatedBackend();
    try (Vfs v =
        Vfs.builder()
            .mount("/", backend)
            .maxInFlight(1)
            .whenSaturated(Saturation.WAIT)
            .directCompletion()
            .build()) {
      CompletableFuture<LookupResult> first = v.lookup("/a");
      CompletableFuture<CompletableFuture<LookupResult>> second = new CompletableFuture<>();
      Thread caller = new Thread(() -> second.complete(v.lookup("/b")), "caller");
      caller.start();
      while (caller.getState() != Thread.State.WAITING) {
        assertThat(caller.isAlive()).isTrue();
        Thread.onSpinWait();
      }
      assertThat(second).isNotDone();
      backend.gate.complete(null);
      caller.join();
      assertThat(first.join().isHit()).isFalse();
      assertThat(second.join().join().isHit()).isFalse();
    }
  }

  @Test
  void close_failsLaterCalls() {
    Vfs v = Vfs.inMemory();
    v.close();
    assertThat(failure(v.stat("/"))).isInstanceOf(ClosedFileSystemException.class);
    assertThatThrownBy(() -> v.lookupNow("/")).isInstanceOf(ClosedFileSystemException.class);
  }
}
