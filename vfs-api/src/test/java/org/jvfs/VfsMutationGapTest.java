package org.jvfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Capability;
import org.jvfs.spi.ForwardingBackend;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;

/**
 * Every call that makes or takes away a name, caught in the gap between the backend's change and
 * the cache's update: the backend has made the change (a listing shows it) but its stage is not yet
 * complete. In that gap the cache must not contradict the listing: a name the listing shows is
 * never ABSENT (nor NoSuchFileException on open), a name it no longer shows is never HIT. The cache
 * may say MISS; the walk then asks the backend.
 */
class VfsMutationGapTest {

  /**
   * A memory backend whose namespace changes (and opens that may create) are made at once but
   * reported only when the test completes {@link #gate}.
   */
  private static final class GatedBackend extends ForwardingBackend {
    private final Backend delegate = MemoryBackend.create();
    volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    @Override
    protected Backend delegate() {
      return delegate;
    }

    @Override
    public Set<Capability> capabilities() {
      Set<Capability> c = EnumSet.copyOf(delegate.capabilities());
      c.remove(Capability.INLINE_COMPLETION);
      c.remove(Capability.NONBLOCKING_PROBE);
      return c;
    }

    private <T> CompletionStage<T> held(Supplier<CompletionStage<T>> call) {
      CompletableFuture<T> done = call.get().toCompletableFuture();
      done.join(); // the change is made now
      return gate.thenCompose(v -> done);
    }

    @Override
    public CompletionStage<Opened> open(
        Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions) {
      if (!flags.creates()) {
        return delegate.open(dir, name, flags, permissions);
      }
      return held(() -> delegate.open(dir, name, flags, permissions));
    }

    @Override
    public CompletionStage<NodeInfo> createDirectory(
        Node dir, Name name, @Nullable Set<PosixFilePermission> permissions) {
      return held(() -> delegate.createDirectory(dir, name, permissions));
    }

    @Override
    public CompletionStage<Void> remove(Node dir, Name name, boolean directory) {
      return held(() -> delegate.remove(dir, name, directory));
    }

    @Override
    public CompletionStage<Void> rename(
        Node fromDir, Name fromName, Node toDir, Name toName, boolean replace) {
      return held(() -> delegate.rename(fromDir, fromName, toDir, toName, replace));
    }

    @Override
    public CompletionStage<NodeInfo> link(Node fromDir, Name fromName, Node toDir, Name toName) {
      return held(() -> delegate.link(fromDir, fromName, toDir, toName));
    }

    @Override
    public CompletionStage<NodeInfo> createSymlink(Node dir, Name name, String target) {
      return held(() -> delegate.createSymlink(dir, name, target));
    }
  }

  /** The calls that bring {@code /d/n} into being. */
  enum Creation {
    CREATE_NEW(v -> v.write("/d/n", new byte[] {1}, StandardOpenOption.CREATE_NEW)),
    CREATE(v -> v.write("/d/n", new byte[] {1})),
    CREATE_DIRECTORY(v -> v.createDirectory("/d/n")),
    CREATE_DIRECTORIES(v -> v.createDirectories("/d/n")),
    SYMBOLIC_LINK(v -> v.createSymbolicLink("/d/n", "/src/f")),
    HARD_LINK(v -> v.createLink("/d/n", "/src/f")),
    MOVE_IN(v -> v.move("/src/f", "/d/n")),
    COPY(v -> v.copy("/src/f", "/d/n"));

    final Function<Vfs, CompletableFuture<?>> call;

    Creation(Function<Vfs, CompletableFuture<?>> call) {
      this.call = call;
    }
  }

  /** The calls that take {@code /d/n} away. */
  enum Removal {
    DELETE_FILE(false, v -> v.delete("/d/n")),
    DELETE_IF_EXISTS(false, v -> v.deleteIfExists("/d/n")),
    DELETE_DIRECTORY(true, v -> v.delete("/d/n")),
    MOVE_OUT(false, v -> v.move("/d/n", "/src/n")),
    MOVE_DIRECTORY_OUT(true, v -> v.move("/d/n", "/src/n"));

    final boolean directory;
    final Function<Vfs, CompletableFuture<?>> call;

    Removal(boolean directory, Function<Vfs, CompletableFuture<?>> call) {
      this.directory = directory;
      this.call = call;
    }
  }

  private static Vfs vfs(GatedBackend backend) throws Exception {
    return Vfs.builder().mount("/", backend).directCompletion().build();
  }

  @ParameterizedTest
  @EnumSource(Creation.class)
  void creation_beforeTheCacheKnows_isNeverAbsentOnceListed(Creation creation) throws Exception {
    GatedBackend backend = new GatedBackend();
    try (Vfs v = vfs(backend)) {
      v.createDirectories("/d").join();
      v.createDirectories("/src").join();
      v.write("/src/f", new byte[] {1, 2}).join();
      assertThat(v.lookup("/d/n").join().status()).isEqualTo(LookupResult.Status.ABSENT);
      assertThat(v.lookupNow("/d/n").status()).isEqualTo(LookupResult.Status.ABSENT);

      backend.gate = new CompletableFuture<>();
      CompletableFuture<?> made = creation.call.apply(v);
      assertThat(v.list("/d").join()).containsExactly("n");
      assertThat(made).as("the backend's stage is held").isNotDone();
      assertThat(v.lookupNow("/d/n", LinkOption.NOFOLLOW_LINKS).status())
          .isNotEqualTo(LookupResult.Status.ABSENT);
      assertThat(v.lookup("/d/n", LinkOption.NOFOLLOW_LINKS).join().isHit()).isTrue();
      assertThat(v.stat("/d/n").join()).isNotNull();

      backend.gate.complete(null);
      made.join();
      assertThat(v.lookup("/d/n", LinkOption.NOFOLLOW_LINKS).join().isHit()).isTrue();
      assertThat(v.lookupNow("/d/n", LinkOption.NOFOLLOW_LINKS).status())
          .isNotEqualTo(LookupResult.Status.ABSENT);
      assertThat(v.verifyCache()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Removal.class)
  void removal_beforeTheCacheKnows_isNeverHitOnceUnlisted(Removal removal) throws Exception {
    GatedBackend backend = new GatedBackend();
    try (Vfs v = vfs(backend)) {
      v.createDirectories("/d").join();
      v.createDirectories("/src").join();
      if (removal.directory) {
        v.createDirectory("/d/n").join();
      } else {
        v.write("/d/n", new byte[] {1}).join();
      }
      assertThat(v.lookup("/d/n").join().isHit()).isTrue();
      assertThat(v.lookupNow("/d/n").isHit()).isTrue();

      backend.gate = new CompletableFuture<>();
      CompletableFuture<?> gone = removal.call.apply(v);
      assertThat(v.list("/d").join()).isEmpty();
      assertThat(gone).as("the backend's stage is held").isNotDone();
      assertThat(v.lookupNow("/d/n").status()).isNotEqualTo(LookupResult.Status.HIT);
      assertThat(v.lookup("/d/n").join().status()).isEqualTo(LookupResult.Status.ABSENT);

      backend.gate.complete(null);
      gone.join();
      assertThat(v.lookupNow("/d/n").status()).isNotEqualTo(LookupResult.Status.HIT);
      assertThat(v.lookup("/d/n").join().status()).isEqualTo(LookupResult.Status.ABSENT);
      assertThat(v.verifyCache()).isEmpty();
    }
  }
}
