package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.ClosedFileSystemException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.CoherencePolicy;
import org.jvfs.LookupResult;
import org.jvfs.LookupResult.Status;
import org.jvfs.Saturation;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Capability;
import org.jvfs.spi.ForwardingBackend;
import org.jvfs.spi.Invalidations;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;

/**
 * {@link VfsCore#lookupNow}'s front cache: a repeated lookup is answered without a walk (the dentry
 * cache's counters do not move), and every change that makes the walk answer differently makes the
 * front cache step aside: mutations (also while pending), attribute changes, expiry, pushed
 * invalidations, a mount drop, eviction, close.
 */
class LookupNowFrontTest {
  private final AtomicLong now = new AtomicLong();
  private final MemoryBackend disk = MemoryBackend.create();
  private final Gated backend = new Gated(disk);
  private @Nullable VfsCore core;

  /** The memory backend with WATCH, whose remove can be held open by the test. */
  private static final class Gated extends ForwardingBackend {
    private final Backend delegate;
    final AtomicReference<@Nullable Invalidations> sink = new AtomicReference<>();
    final AtomicReference<@Nullable CompletableFuture<Void>> gate = new AtomicReference<>();

    Gated(Backend delegate) {
      this.delegate = delegate;
    }

    @Override
    protected Backend delegate() {
      return delegate;
    }

    @Override
    public Set<Capability> capabilities() {
      Set<Capability> c = EnumSet.copyOf(delegate.capabilities());
      c.add(Capability.WATCH);
      return c;
    }

    @Override
    public void watch(Invalidations invalidations) {
      sink.set(invalidations);
    }

    @Override
    public CompletionStage<Void> remove(Node dir, Name name, boolean directory) {
      CompletableFuture<Void> g = gate.get();
      if (g == null) {
        return delegate.remove(dir, name, directory);
      }
      return g.thenCompose(v -> delegate.remove(dir, name, directory));
    }
  }

  private VfsCore core(CoherencePolicy policy, long maxDentries) throws Exception {
    VfsCore c =
        new VfsCore(
            new VfsCore.Config(
                true,
                maxDentries,
                maxDentries,
                Runnable::run,
                null,
                64,
                Saturation.FAIL,
                Runnable::run),
            now::get);
    c.mount("/", backend, policy);
    core = c;
    return c;
  }

  private VfsCore core() throws Exception {
    return core(CoherencePolicy.watch(), 1000);
  }

  @AfterEach
  void close() {
    if (core != null) {
      core.close();
    }
  }

  /** Looks {@code path} up twice through the walk, so that lookupNow's answer is in front. */
  private static LookupResult warm(VfsCore c, String path) {
    c.lookup(path, true).join();
    c.lookup(path, true).join();
    c.lookupNow(path, true);
    return c.lookupNow(path, true);
  }

  private static long walks(VfsCore c) {
    return c.stats().hitCount() + c.stats().negativeHitCount() + c.stats().missCount();
  }

  private static void makeTree(VfsCore c) {
    c.tree().createDirectories("/a/b", List.of()).join();
    c.files().write("/a/b/f", new byte[] {1, 2, 3}).join();
  }

  @Test
  void lookupNow_repeatedHit_isAnsweredInFrontWithTheSameResult() throws Exception {
    VfsCore c = core();
    makeTree(c);
    LookupResult first = warm(c, "/a/b/f");
    assertThat(first.isHit()).isTrue();
    assertThat(first.attributes().size()).isEqualTo(3);
    long walks = walks(c);
    assertThat(c.lookupNow("/a/b/f", true)).isSameAs(first);
    assertThat(walks(c)).as("dentry cache lookups").isEqualTo(walks);
  }

  @Test
  void lookupNow_repeatedAbsent_alsoWithAMissingMiddle_isAnsweredInFront() throws Exception {
    VfsCore c = core();
    makeTree(c);
    assertThat(warm(c, "/a/b/x").status()).isEqualTo(Status.ABSENT);
    assertThat(warm(c, "/a/x/f").status()).isEqualTo(Status.ABSENT);
    assertThat(warm(c, "/a/b/f/g").status()).as("through a file").isEqualTo(Status.ABSENT);
    long walks = walks(c);
    assertThat(c.lookupNow("/a/b/x", true).status()).isEqualTo(Status.ABSENT);
    assertThat(c.lookupNow("/a/x/f", true).status()).isEqualTo(Status.ABSENT);
    assertThat(c.lookupNow("/a/b/f/g", true).status()).isEqualTo(Status.ABSENT);
    assertThat(walks(c)).isEqualTo(walks);
  }

  @Test
  void lookupNow_afterDelete_isNotTheOldHit() throws Exception {
    VfsCore c = core();
    makeTree(c);
    warm(c, "/a/b/f");
    c.tree().delete("/a/b/f").join();
    assertThat(c.lookupNow("/a/b/f", true).status()).isEqualTo(Status.ABSENT);
  }

  @Test
  void lookupNow_afterCreate_isNotTheOldAbsent() throws Exception {
    VfsCore c = core();
    makeTree(c);
    warm(c, "/a/b/g");
    warm(c, "/a/x/g");
    c.files().write("/a/b/g", new byte[] {7}).join();
    c.tree().createDirectories("/a/x", List.of()).join();
    c.files().write("/a/x/g", new byte[] {7, 7}).join();
    assertThat(c.lookupNow("/a/b/g", true).status()).isNotEqualTo(Status.ABSENT);
    assertThat(c.lookupNow("/a/x/g", true).status()).isNotEqualTo(Status.ABSENT);
    assertThat(warm(c, "/a/x/g").attributes().size()).isEqualTo(2);
  }

  @Test
  void lookupNow_whileADeleteIsPending_isMiss() throws Exception {
    VfsCore c = core();
    makeTree(c);
    warm(c, "/a/b/f");
    CompletableFuture<Void> gate = new CompletableFuture<>();
    backend.gate.set(gate);
    CompletableFuture<Void> delete = c.tree().delete("/a/b/f");
    assertThat(delete).isNotDone();
    assertThat(c.lookupNow("/a/b/f", true).status()).isEqualTo(Status.MISS);
    gate.complete(null);
    delete.join();
    assertThat(c.lookupNow("/a/b/f", true).status()).isEqualTo(Status.ABSENT);
  }

  @Test
  void lookupNow_whileAFailingDeleteIsPending_isMiss_andHitsAgainAfter() throws Exception {
    VfsCore c = core();
    makeTree(c);
    LookupResult hit = warm(c, "/a/b/f");
    CompletableFuture<Void> gate = new CompletableFuture<>();
    backend.gate.set(gate);
    CompletableFuture<Void> delete = c.tree().delete("/a/b/f");
    assertThat(c.lookupNow("/a/b/f", true).status()).isEqualTo(Status.MISS);
    gate.completeExceptionally(new java.io.IOException("refused"));
    assertThat(delete).isCompletedExceptionally();
    backend.gate.set(null);
    LookupResult again = c.lookupNow("/a/b/f", true);
    assertThat(again.status()).isEqualTo(Status.HIT);
    assertThat(again.attributes()).isEqualTo(hit.attributes());
    long walks = walks(c);
    assertThat(c.lookupNow("/a/b/f", true)).isSameAs(again);
    assertThat(walks(c)).as("in front again").isEqualTo(walks);
  }

  @Test
  void lookupNow_afterAWrite_isNotTheOldSize() throws Exception {
    VfsCore c = core();
    makeTree(c);
    warm(c, "/a/b/f");
    c.files().write("/a/b/f", new byte[] {9}, StandardOpenOption.APPEND).join();
    LookupResult r = c.lookupNow("/a/b/f", true);
    if (r.isHit()) {
      assertThat(r.attributes().size()).isEqualTo(4);
    }
    assertThat(warm(c, "/a/b/f").attributes().size()).isEqualTo(4);
  }

  @Test
  void lookupNow_afterTheAttributeBound_isMiss() throws Exception {
    VfsCore c = core(CoherencePolicy.watch(Duration.ofSeconds(1)), 1000);
    makeTree(c);
    warm(c, "/a/b/f");
    now.addAndGet(Duration.ofSeconds(1).toNanos() - 1);
    assertThat(c.lookupNow("/a/b/f", true).isHit()).isTrue();
    now.addAndGet(1);
    assertThat(c.lookupNow("/a/b/f", true).status()).isEqualTo(Status.MISS);
  }

  @Test
  void lookupNow_afterTheTtl_isMiss_alsoForAbsent() throws Exception {
    VfsCore c = core(CoherencePolicy.ttl(Duration.ofSeconds(5)), 1000);
    makeTree(c);
    warm(c, "/a/b/f");
    warm(c, "/a/b/x");
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(c.lookupNow("/a/b/f", true).status()).isEqualTo(Status.MISS);
    assertThat(c.lookupNow("/a/b/x", true).status()).isEqualTo(Status.MISS);
  }

  @Test
  void lookupNow_afterAPushedInvalidation_isNotTheOldAnswer() throws Exception {
    VfsCore c = core();
    makeTree(c);
    warm(c, "/a/b/f");
    warm(c, "/a/b/x");
    Node a = disk.lookup(disk.root(), Name.of("a")).toCompletableFuture().join().node();
    Node b = disk.lookup(a, Name.of("b")).toCompletableFuture().join().node();
    disk.remove(b, Name.of("f"), false).toCompletableFuture().join();
    backend.sink.get().changed(b, Name.of("f"));
    assertThat(c.lookupNow("/a/b/f", true).status()).isEqualTo(Status.MISS);
    // A directory on the way: its name changed, so everything below it is looked up again.
    backend.sink.get().changed(a, Name.of("b"));
    assertThat(c.lookupNow("/a/b/x", true).status()).isEqualTo(Status.MISS);
  }

  @Test
  void lookupNow_afterAMountDrop_isMiss() throws Exception {
    VfsCore c = core();
    makeTree(c);
    warm(c, "/a/b/f");
    warm(c, "/a/x/f");
    backend.sink.get().overflow();
    assertThat(c.lookupNow("/a/b/f", true).status()).isEqualTo(Status.MISS);
    assertThat(c.lookupNow("/a/x/f", true).status()).isEqualTo(Status.MISS);
  }

  @Test
  void lookupNow_afterTheMiddleDirectoryMoved_isNotTheOldHit() throws Exception {
    VfsCore c = core();
    makeTree(c);
    warm(c, "/a/b/f");
    c.tree().move("/a/b", "/a/c").join();
    assertThat(c.lookupNow("/a/b/f", true).status()).isNotEqualTo(Status.HIT);
    assertThat(warm(c, "/a/c/f").isHit()).isTrue();
    assertThat(warm(c, "/a/b/f").status()).isEqualTo(Status.ABSENT);
  }

  @Test
  void lookupNow_throughASymlink_followsChangesOfTheTarget() throws Exception {
    VfsCore c = core();
    makeTree(c);
    c.tree().createSymbolicLink("/l", "a/b/f").join();
    assertThat(warm(c, "/l").isHit()).isTrue();
    c.tree().delete("/a/b/f").join();
    assertThat(c.lookupNow("/l", true).status()).isNotEqualTo(Status.HIT);
    assertThat(warm(c, "/l").status()).isEqualTo(Status.ABSENT);
    assertThat(warm(c, "/l", false).isHit()).as("the link itself").isTrue();
  }

  private static LookupResult warm(VfsCore c, String path, boolean follow) {
    c.lookup(path, follow).join();
    c.lookupNow(path, follow);
    return c.lookupNow(path, follow);
  }

  @Test
  void lookupNow_afterEviction_isMiss() throws Exception {
    VfsCore c = core(CoherencePolicy.watch(), 8);
    c.files().write("/f", new byte[] {1}).join();
    assertThat(warm(c, "/f").isHit()).isTrue();
    for (int i = 0; i < 200; i++) {
      c.files().write("/g" + i, new byte[] {1}).join();
      c.lookup("/g" + i, true).join();
    }
    LookupResult r = c.lookupNow("/f", true);
    if (r.status() != Status.MISS) {
      // Still cached (Caffeine kept it): the walk agrees.
      assertThat(c.cache.cachedPositive(c.mounts.rootMount().root.id, Name.of("f"))).isNotNull();
    }
  }

  @Test
  void lookupNow_afterClose_throws() throws Exception {
    VfsCore c = core();
    makeTree(c);
    warm(c, "/a/b/f");
    c.close();
    assertThatThrownBy(() -> c.lookupNow("/a/b/f", true))
        .isInstanceOf(ClosedFileSystemException.class);
  }

  @Test
  void lookupNow_cachingOff_isAlwaysMiss() throws Exception {
    VfsCore c =
        new VfsCore(
            new VfsCore.Config(
                false, 1000, 1000, Runnable::run, null, 64, Saturation.FAIL, Runnable::run),
            now::get);
    core = c;
    c.mount("/", backend, CoherencePolicy.watch());
    makeTree(c);
    assertThat(warm(c, "/a/b/f").status()).isEqualTo(Status.MISS);
    assertThat(c.front).isNull();
  }
}
