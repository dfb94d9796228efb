package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.jvfs.CoherencePolicy;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Name;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;

class DentryCacheTest {
  private final AtomicLong now = new AtomicLong();
  private final DentryCache cache = new DentryCache(true, 1000, 10, now::get, Runnable::run);
  private final Backend backend = MemoryBackend.create();
  private final Mount mount = new Mount("/", backend, CoherencePolicy.PRIVATE, cache.newId());
  private final Dentry root = mount.root;

  private NodeInfo makeFile(String name) {
    return backend
        .open(
            backend.root(),
            Name.of(name),
            OpenFlags.from(
                java.util.Set.of(
                    java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.CREATE)),
            null)
        .toCompletableFuture()
        .join()
        .info();
  }

  private CompletableFuture<@Nullable NodeInfo> lookupIn(NodeInfo dir, String name) {
    return backend.lookup(dir.node(), Name.of(name)).toCompletableFuture();
  }

  private NodeInfo makeFileIn(NodeInfo dir, String name) {
    return backend
        .open(
            dir.node(),
            Name.of(name),
            OpenFlags.from(
                java.util.Set.of(
                    java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.CREATE)),
            null)
        .toCompletableFuture()
        .join()
        .info();
  }

  private CompletableFuture<@Nullable NodeInfo> lookup(String name) {
    return backend.lookup(backend.root(), Name.of(name)).toCompletableFuture();
  }

  @Test
  void peek_uncached_isMissAndCounted() {
    assertThat(cache.peek(root, Name.of("a"))).isNull();
    assertThat(cache.stats().missCount()).isEqualTo(1);
    assertThat(cache.stats().loadCount()).isZero();
  }

  @Test
  void load_absent_cachesNegative() {
    Object answer = cache.load(root, Name.of("a"), () -> lookup("a")).join();
    assertThat(answer).isSameAs(DentryCache.ABSENT);
    assertThat(cache.peek(root, Name.of("a"))).isSameAs(DentryCache.ABSENT);
    assertThat(cache.stats().negativeHitCount()).isEqualTo(1);
    assertThat(cache.stats().negativeSize()).isEqualTo(1);
  }

  @Test
  void load_present_cachesDentryAndAttributes() {
    NodeInfo info = makeFile("f");
    Dentry d = (Dentry) cache.load(root, Name.of("f"), () -> lookup("f")).join();
    assertThat(d.node).isEqualTo(info.node());
    assertThat(cache.peek(root, Name.of("f"))).isSameAs(d);
    assertThat(cache.peekAttributes(mount, d.node)).isEqualTo(info.attributes());
  }

  @Test
  void load_concurrentMisses_shareOneCall() {
    AtomicInteger calls = new AtomicInteger();
    CompletableFuture<@Nullable NodeInfo> gate = new CompletableFuture<>();
    CompletableFuture<Object> first =
        cache.load(
            root,
            Name.of("a"),
            () -> {
              calls.incrementAndGet();
              return gate;
            });
    CompletableFuture<Object> second =
        cache.load(
            root,
            Name.of("a"),
            () -> {
              calls.incrementAndGet();
              return gate;
            });
    assertThat(second).isSameAs(first);
    assertThat(cache.stats().loadsInFlight()).isEqualTo(1);
    gate.complete(null);
    assertThat(first.join()).isSameAs(DentryCache.ABSENT);
    assertThat(calls).hasValue(1);
    assertThat(cache.stats().loadsInFlight()).isZero();
  }

  @Test
  void load_failed_isNotCachedAndNextLoadCallsAgain() {
    AtomicInteger calls = new AtomicInteger();
    CompletableFuture<Object> failed =
        cache.load(
            root,
            Name.of("a"),
            () -> {
              calls.incrementAndGet();
              return CompletableFuture.failedFuture(new java.io.IOException("boom"));
            });
    assertThat(failed).isCompletedExceptionally();
    assertThat(cache.peek(root, Name.of("a"))).isNull();
    cache
        .load(
            root,
            Name.of("a"),
            () -> {
              calls.incrementAndGet();
              return lookup("a");
            })
        .join();
    assertThat(calls).hasValue(2);
  }

  @Test
  void load_racingMutation_doesNotInsertStaleAnswer() {
    CompletableFuture<@Nullable NodeInfo> stale = new CompletableFuture<>();
    CompletableFuture<Object> load = cache.load(root, Name.of("f"), () -> stale);
    // The file is created through the VFS while the lookup is in flight.
    DentryCache.Mutation m = cache.begin(root, Name.of("f"));
    NodeInfo info = makeFile("f");
    Dentry added = cache.added(m, info);
    // The lookup read the backend before the create: its answer is "absent".
    stale.complete(null);
    assertThat(load.join()).isSameAs(DentryCache.ABSENT);
    assertThat(cache.peek(root, Name.of("f"))).isSameAs(added);
  }

  @Test
  void load_racingChangesOfOtherNamesInTheDirectory_stillInserts() {
    NodeInfo f = makeFile("f");
    // A busy directory: while "f" is looked up, other names come and go, through the VFS and as
    // pushed invalidations. None shares "f"'s stripe, so none can have changed "f".
    assertThat(DentryCache.stripe(new DentryKey(root.id, Name.of("g"))))
        .isNotEqualTo(DentryCache.stripe(new DentryKey(root.id, Name.of("f"))));
    assertThat(DentryCache.stripe(new DentryKey(root.id, Name.of("h"))))
        .isNotEqualTo(DentryCache.stripe(new DentryKey(root.id, Name.of("f"))));
    CompletableFuture<@Nullable NodeInfo> slow = new CompletableFuture<>();
    CompletableFuture<Object> load = cache.load(root, Name.of("f"), () -> slow);
    DentryCache.Mutation m = cache.begin(root, Name.of("g"));
    cache.added(m, makeFile("g"));
    cache.forget(root, Name.of("h"));
    slow.complete(f);
    Dentry d = (Dentry) load.join();
    assertThat(cache.peek(root, Name.of("f"))).isSameAs(d);
  }

  @Test
  void load_racingAPushedInvalidationOfTheSameName_insertsNothing() {
    NodeInfo f = makeFile("f");
    CompletableFuture<@Nullable NodeInfo> slow = new CompletableFuture<>();
    CompletableFuture<Object> load = cache.load(root, Name.of("f"), () -> slow);
    cache.forget(root, Name.of("f"));
    slow.complete(f);
    assertThat(load.join()).isInstanceOf(Dentry.class);
    assertThat(cache.peek(root, Name.of("f"))).isNull();
  }

  @Test
  void attributes_invalidatedForAnotherNodeDuringLoad_areStillCached() {
    NodeInfo f = makeFile("f");
    int stripe = DentryCache.attributeStripe(mount, f.node());
    // Node hashes vary from run to run: take a file whose attributes do not share f's stripe.
    NodeInfo g = makeFile("g0");
    for (int i = 1; DentryCache.attributeStripe(mount, g.node()) == stripe; i++) {
      g = makeFile("g" + i);
    }
    long epoch = cache.attributeEpoch();
    cache.invalidateAttributes(mount, g.node());
    cache.putAttributes(mount, f.node(), f.attributes(), epoch);
    assertThat(cache.peekAttributes(mount, f.node())).isEqualTo(f.attributes());
  }

  @Test
  void added_detachesInFlightLoad_soLaterLookupsLoadAgain() {
    CompletableFuture<@Nullable NodeInfo> stale = new CompletableFuture<>();
    CompletableFuture<Object> before = cache.load(root, Name.of("f"), () -> stale);
    cache.forget(root, Name.of("f"));
    CompletableFuture<Object> after = cache.load(root, Name.of("f"), () -> lookup("f"));
    assertThat(after).isNotSameAs(before);
    stale.complete(null);
  }

  @Test
  void negatives_haveTheirOwnCap_andDoNotEvictPositives() {
    NodeInfo info = makeFile("keep");
    cache.load(root, Name.of("keep"), () -> lookup("keep")).join();
    for (int i = 0; i < 500; i++) {
      cache.load(root, Name.of("absent" + i), () -> lookup("nothing")).join();
    }
    cache.stats();
    assertThat(((Dentry) cache.peek(root, Name.of("keep"))).node).isEqualTo(info.node());
    long probation = DentryCache.probationSize(10);
    assertThat(cache.stats().negativeSize()).isLessThanOrEqualTo(10 + probation);
    assertThat(cache.stats().evictionCount()).isGreaterThanOrEqualTo(500 - 10 - probation);
  }

  @Test
  void negative_usedOnce_staysInProbation_andAFloodOfOneShotNamesKeepsTheHotOnes() {
    cache.load(root, Name.of("hot"), () -> lookup("hot")).join();
    assertThat(cache.peek(root, Name.of("hot")))
        .as("second use: promoted")
        .isSameAs(DentryCache.ABSENT);
    for (int i = 0; i < 500; i++) {
      cache.load(root, Name.of("once" + i), () -> lookup("nothing")).join();
    }
    assertThat(cache.peek(root, Name.of("hot"))).isSameAs(DentryCache.ABSENT);
    assertThat(cache.peek(root, Name.of("once0"))).as("pushed out of probation").isNull();
  }

  @Test
  void negative_promoted_keepsItsDeadline() {
    DentryCache ttl = new DentryCache(true, 1000, 10, now::get, Runnable::run);
    Mount m = new Mount("/", backend, CoherencePolicy.ttl(Duration.ofSeconds(10)), ttl.newId());
    ttl.load(m.root, Name.of("x"), () -> lookup("x")).join();
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(ttl.peek(m.root, Name.of("x"))).as("promoted").isSameAs(DentryCache.ABSENT);
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(ttl.peek(m.root, Name.of("x"))).as("expired by its first deadline").isNull();
  }

  @Test
  void peek_withAFootprint_recordsTheValuesAndTheirVersions() {
    makeFile("f");
    cache.load(root, Name.of("f"), () -> lookup("f")).join();
    Footprint footprint = new Footprint();
    Dentry d = (Dentry) cache.peek(root, Name.of("f"), footprint);
    assertThat(footprint.values()).containsExactly(d);
    assertThat(cache.peekAttributes(mount, d.node, footprint)).isNotNull();
    assertThat(footprint.size()).isEqualTo(2);
  }

  @Test
  void removed_retiresTheCachedDentryAndItsAttributes() {
    NodeInfo info = makeFile("f");
    cache.load(root, Name.of("f"), () -> lookup("f")).join();
    Footprint footprint = new Footprint();
    Dentry d = (Dentry) cache.peek(root, Name.of("f"), footprint);
    cache.peekAttributes(mount, d.node, footprint);
    Cached[] values = footprint.values();
    cache.removed(cache.begin(root, Name.of("f")), info.node());
    assertThat(values).allSatisfy(v -> assertThat(v.version()).isEqualTo(Cached.RETIRED));
  }

  @Test
  void begin_bumpsTheNamesValues_andAPeekWhilePendingRecordsNothingUsable() {
    cache.load(root, Name.of("x"), () -> lookup("x")).join();
    Footprint before = new Footprint();
    assertThat(cache.peek(root, Name.of("x"), before)).isSameAs(DentryCache.ABSENT);
    Cached negative = before.values()[0];
    long version = negative.version();
    DentryCache.Mutation m = cache.begin(root, Name.of("x"));
    assertThat(negative.version()).isGreaterThan(version);
    assertThat(cache.peek(root, Name.of("x"), new Footprint())).isNull();
    cache.abandon(m);
    Footprint after = new Footprint();
    assertThat(cache.peek(root, Name.of("x"), after)).isSameAs(DentryCache.ABSENT);
    assertThat(after.versions()[0]).isEqualTo(negative.version());
  }

  @Test
  void load_positiveOverANegative_retiresTheNegative() {
    cache.load(root, Name.of("f"), () -> lookup("f")).join();
    Footprint footprint = new Footprint();
    cache.peek(root, Name.of("f"), footprint);
    makeFile("f");
    cache.forget(root, Name.of("f"));
    assertThat(footprint.values()[0].version()).isEqualTo(Cached.RETIRED);
  }

  @Test
  void invalidateMount_andEviction_retire() {
    makeFile("f");
    cache.load(root, Name.of("f"), () -> lookup("f")).join();
    Footprint footprint = new Footprint();
    cache.peek(root, Name.of("f"), footprint);
    cache.invalidateMount(mount);
    assertThat(footprint.values()[0].version()).isEqualTo(Cached.RETIRED);

    DentryCache small = new DentryCache(true, 2, 10, now::get, Runnable::run);
    Mount m = new Mount("/", backend, CoherencePolicy.PRIVATE, small.newId());
    java.util.List<Cached> seen = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      makeFile("e" + i);
      String n = "e" + i;
      small.load(m.root, Name.of(n), () -> lookup(n)).join();
      Footprint f = new Footprint();
      if (small.peek(m.root, Name.of(n), f) != null) {
        seen.add(f.values()[0]);
      }
    }
    long live = seen.stream().filter(v -> v.version() != Cached.RETIRED).count();
    assertThat(live).as("only what the cache still holds is not retired").isLessThanOrEqualTo(2);
  }

  @Test
  void removed_turnsPositiveIntoNegative() {
    NodeInfo info = makeFile("f");
    cache.load(root, Name.of("f"), () -> lookup("f")).join();
    cache.removed(cache.begin(root, Name.of("f")), info.node());
    assertThat(cache.peek(root, Name.of("f"))).isSameAs(DentryCache.ABSENT);
    assertThat(cache.peekAttributes(mount, info.node())).isNull();
  }

  @Test
  void attributes_invalidatedDuringLoad_areNotCached() {
    NodeInfo info = makeFile("f");
    long epoch = cache.attributeEpoch();
    cache.invalidateAttributes(mount, info.node());
    cache.putAttributes(mount, info.node(), info.attributes(), epoch);
    assertThat(cache.peekAttributes(mount, info.node())).isNull();
  }

  @Test
  void watchPolicy_boundsAttributes_directoriesToo_butNotNames() {
    // A mount on a watching backend: names are trusted until reported; attributes, a directory's
    // too, only for the policy's attribute bound.
    Mount watched =
        new Mount("/", backend, CoherencePolicy.watch(Duration.ofMillis(100)), cache.newId());
    NodeInfo f = makeFile("f");
    NodeInfo d = makeDirectory("d");
    cache.load(watched.root, Name.of("f"), () -> lookup("f")).join();
    cache.load(watched.root, Name.of("d"), () -> lookup("d")).join();
    cache.load(watched.root, Name.of("g"), () -> lookup("g")).join();
    now.addAndGet(Duration.ofMillis(99).toNanos());
    assertThat(cache.peekAttributes(watched, f.node())).isEqualTo(f.attributes());
    assertThat(cache.peekAttributes(watched, d.node())).isEqualTo(d.attributes());
    now.addAndGet(Duration.ofMillis(2).toNanos());
    assertThat(cache.peekAttributes(watched, f.node())).isNull();
    assertThat(cache.peekAttributes(watched, d.node())).isNull();
    now.addAndGet(Duration.ofDays(365).toNanos());
    assertThat(cache.peek(watched.root, Name.of("f"))).isInstanceOf(Dentry.class);
    assertThat(cache.peek(watched.root, Name.of("d"))).isInstanceOf(Dentry.class);
    assertThat(cache.peek(watched.root, Name.of("g"))).isSameAs(DentryCache.ABSENT);
  }

  @Test
  void ttlPolicy_expiresEntriesAfterTheBound() {
    Mount ttl = new Mount("/", backend, CoherencePolicy.ttl(Duration.ofSeconds(1)), cache.newId());
    makeFile("f");
    cache.load(ttl.root, Name.of("f"), () -> lookup("f")).join();
    cache.load(ttl.root, Name.of("g"), () -> lookup("g")).join();
    now.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(cache.peek(ttl.root, Name.of("f"))).isInstanceOf(Dentry.class);
    assertThat(cache.peek(ttl.root, Name.of("g"))).isSameAs(DentryCache.ABSENT);
    now.addAndGet(Duration.ofMillis(2).toNanos());
    assertThat(cache.peek(ttl.root, Name.of("f"))).isNull();
    assertThat(cache.peek(ttl.root, Name.of("g"))).isNull();
  }

  @Test
  void privatePolicy_neverExpires() {
    makeFile("f");
    cache.load(root, Name.of("f"), () -> lookup("f")).join();
    now.addAndGet(Duration.ofDays(365).toNanos());
    assertThat(cache.peek(root, Name.of("f"))).isInstanceOf(Dentry.class);
  }

  @Test
  void disabled_storesNothing() {
    DentryCache off = new DentryCache(false, 1000, 10);
    Mount m = new Mount("/", backend, CoherencePolicy.PRIVATE, off.newId());
    makeFile("f");
    off.load(m.root, Name.of("f"), () -> lookup("f")).join();
    assertThat(off.peek(m.root, Name.of("f"))).isNull();
    assertThat(off.stats().positiveSize()).isZero();
  }

  @Test
  void added_afterAnotherMutationOfTheDirectory_forgetsInsteadOfAsserting() {
    DentryCache.Mutation create = cache.begin(root, Name.of("f"));
    NodeInfo info = makeFile("f");
    // Another mutation of the same directory completes between this one's backend call and its
    // cache update: its backend call may have come later, so this one must not assert "f exists".
    cache.removed(cache.begin(root, Name.of("f")), info.node());
    cache.added(create, info);
    assertThat(cache.peek(root, Name.of("f"))).isNull();
    assertThat(cache.pendingMutations()).isZero();
  }

  @Test
  void peek_whileAMutationOfTheNameIsPending_isAMissUntilItEnds() {
    cache.load(root, Name.of("f"), () -> lookup("f")).join();
    assertThat(cache.peek(root, Name.of("f"))).isSameAs(DentryCache.ABSENT);
    DentryCache.Mutation m = cache.begin(root, Name.of("f"));
    // The backend makes the file; until the mutation ends, "absent" is no longer the answer.
    NodeInfo info = makeFile("f");
    assertThat(cache.peek(root, Name.of("f"))).isNull();
    assertThat(cache.peek(root, Name.of("g"))).as("other names are not hidden").isNull();
    Dentry added = cache.added(m, info);
    assertThat(cache.peek(root, Name.of("f"))).isSameAs(added);
  }

  @Test
  void load_startedWhileAMutationIsPending_insertsNothing() {
    DentryCache.Mutation m = cache.begin(root, Name.of("f"));
    // A lookup in the gap reads the backend before the create: it must not cache "absent".
    Object answer = cache.load(root, Name.of("f"), () -> lookup("f")).join();
    assertThat(answer).isSameAs(DentryCache.ABSENT);
    assertThat(cache.stats().negativeSize()).isZero();
    NodeInfo info = makeFile("f");
    Dentry added = cache.added(m, info);
    assertThat(cache.peek(root, Name.of("f"))).isSameAs(added);
  }

  @Test
  void added_throughAnotherDentryOfACachedDirectory_forgetsTheNameUnderTheCachedOne() {
    // "d" is cached with "c" known absent in it.
    NodeInfo dInfo = makeDirectory("d");
    Dentry d = (Dentry) cache.load(root, Name.of("d"), () -> lookup("d")).join();
    cache.load(d, Name.of("c"), () -> lookupIn(dInfo, "c")).join();
    assertThat(cache.peek(d, Name.of("c"))).isSameAs(DentryCache.ABSENT);
    // While a mutation of "d" itself is pending (a mkdir that will fail, say), a walk through
    // "d" reads it from the backend; the answer is the same directory.
    DentryCache.Mutation mkdir = cache.begin(root, Name.of("d"));
    Object walked = cache.load(root, Name.of("d"), () -> lookup("d")).join();
    assertThat(((Dentry) walked).node).isEqualTo(d.node);
    // Whatever dentry the walk got, a create of "c" through it must not leave "c" absent in d.
    Dentry through = (Dentry) walked;
    DentryCache.Mutation create = cache.begin(through, Name.of("c"));
    assertThat(cache.peek(d, Name.of("c"))).as("pending under the cached dentry too").isNull();
    NodeInfo c = makeFileIn(dInfo, "c");
    cache.added(create, c);
    cache.abandon(mkdir);
    assertThat(cache.peek(d, Name.of("c"))).isNotSameAs(DentryCache.ABSENT);
    assertThat(cache.pendingMutations()).isZero();
  }

  @Test
  void renamed_ofADentryNoLongerCachedUnderItsName_isNotRekeyed() {
    NodeInfo aInfo = makeDirectory("a");
    Dentry a = (Dentry) cache.load(root, Name.of("a"), () -> lookup("a")).join();
    // Another thread replaced "a" through the VFS since this rename's walk found it.
    cache.removed(cache.begin(root, Name.of("a")), aInfo.node());
    DentryCache.Mutation rename = cache.beginRename(root, Name.of("a"), root, Name.of("b"), a);
    cache.renamed(rename, a, null, true);
    assertThat(cache.peek(root, Name.of("b"))).as("not the stale dentry").isNull();
    assertThat(cache.peek(root, Name.of("a"))).isSameAs(DentryCache.ABSENT);
  }

  @Test
  void abandon_showsWhatWasCachedAgain() {
    makeFile("f");
    Dentry d = (Dentry) cache.load(root, Name.of("f"), () -> lookup("f")).join();
    DentryCache.Mutation m = cache.begin(root, Name.of("f"));
    assertThat(cache.peek(root, Name.of("f"))).isNull();
    // The create failed (EEXIST, say): nothing changed.
    cache.abandon(m);
    assertThat(cache.peek(root, Name.of("f"))).isSameAs(d);
    assertThat(cache.pendingMutations()).isZero();
  }

  @Test
  void renamed_hidesBothNamesWhilePending() {
    makeFile("a");
    Dentry a = (Dentry) cache.load(root, Name.of("a"), () -> lookup("a")).join();
    cache.load(root, Name.of("b"), () -> lookup("b")).join();
    DentryCache.Mutation m = cache.beginRename(root, Name.of("a"), root, Name.of("b"), a);
    assertThat(cache.peek(root, Name.of("a"))).isNull();
    assertThat(cache.peek(root, Name.of("b"))).isNull();
    backend
        .rename(backend.root(), Name.of("a"), backend.root(), Name.of("b"), false)
        .toCompletableFuture()
        .join();
    cache.renamed(m, a, null, true);
    assertThat(cache.peek(root, Name.of("a"))).isSameAs(DentryCache.ABSENT);
    assertThat(((Dentry) cache.peek(root, Name.of("b"))).id).isEqualTo(a.id);
  }

  @Test
  void renamed_racingACreateOfTheOldName_leavesNoStaleNegative() {
    NodeInfo a = makeFile("a");
    Dentry moved = (Dentry) cache.load(root, Name.of("a"), () -> lookup("a")).join();
    DentryCache.Mutation rename = cache.beginRename(root, Name.of("a"), root, Name.of("b"), moved);
    // The rename's backend call ran; then another thread created "a" again and recorded it.
    backend
        .rename(backend.root(), Name.of("a"), backend.root(), Name.of("b"), false)
        .toCompletableFuture()
        .join();
    DentryCache.Mutation create = cache.begin(root, Name.of("a"));
    NodeInfo again = makeFile("a");
    cache.added(create, again);
    // Now the rename records itself: "a" must not become a negative dentry.
    cache.renamed(rename, moved, null, true);
    assertThat(cache.peek(root, Name.of("a"))).isNotSameAs(DentryCache.ABSENT);
    assertThat(a.node()).isNotEqualTo(again.node());
  }

  @Test
  void invalidateMount_whileALoadIsInFlight_keepsItsAnswerOut() {
    makeFile("f");
    CompletableFuture<@Nullable NodeInfo> slow = new CompletableFuture<>();
    CompletableFuture<Object> load = cache.load(root, Name.of("f"), () -> slow);
    // A watch queue overflowed: everything cached for the mount is dropped, and the answer of a
    // lookup that started before must not come back in.
    cache.invalidateMount(mount);
    slow.complete(lookup("f").join());
    assertThat(load.join()).isInstanceOf(Dentry.class);
    assertThat(cache.peek(root, Name.of("f"))).isNull();
  }

  @Test
  void invalidateMount_refusesAttributesFetchedBeforeIt() {
    NodeInfo f = makeFile("f");
    long before = cache.attributeEpoch();
    cache.invalidateMount(mount);
    cache.putAttributes(mount, f.node(), f.attributes(), before);
    assertThat(cache.peekAttributes(mount, f.node())).isNull();
    long after = cache.attributeEpoch();
    cache.putAttributes(mount, f.node(), f.attributes(), after);
    assertThat(cache.peekAttributes(mount, f.node())).isEqualTo(f.attributes());
  }

  private NodeInfo makeDirectory(String name) {
    return backend
        .createDirectory(backend.root(), Name.of(name), null)
        .toCompletableFuture()
        .join();
  }

  @Test
  void directoriesOf_followsTheCache_withoutAScan() {
    NodeInfo a = makeDirectory("a");
    makeFile("f");
    assertThat(cache.directoriesOf(mount, a.node())).isEmpty();
    Dentry da = (Dentry) cache.load(root, Name.of("a"), () -> lookup("a")).join();
    cache.load(root, Name.of("f"), () -> lookup("f")).join();
    assertThat(cache.directoriesOf(mount, a.node())).containsExactly(da);
    assertThat(cache.directoriesOf(mount, root.node)).containsExactly(root);
    // Forgotten: out of the index too.
    cache.forget(root, Name.of("a"));
    assertThat(cache.directoriesOf(mount, a.node())).isEmpty();
    // Added through the VFS, then renamed with stable nodes: the re-keyed dentry is the indexed
    // one.
    Dentry added = cache.added(cache.begin(root, Name.of("a")), a);
    assertThat(cache.directoriesOf(mount, a.node())).containsExactly(added);
    cache.renamed(
        cache.beginRename(root, Name.of("a"), root, Name.of("b"), added), added, null, true);
    Dentry b = cache.cachedPositive(root.id, Name.of("b"));
    assertThat(b).isNotNull();
    assertThat(cache.directoriesOf(mount, a.node())).containsExactly(b);
    // A whole-mount drop empties it.
    cache.invalidateMount(mount);
    assertThat(cache.directoriesOf(mount, a.node())).isEmpty();
  }

  @Test
  void forgetDirectory_dropsEveryDentryOfTheNode_andWhatIsBelow_andNothingElse() {
    NodeInfo a = makeDirectory("a");
    NodeInfo other = makeDirectory("other");
    makeFileIn(a, "f");
    Dentry da = (Dentry) cache.load(root, Name.of("a"), () -> lookup("a")).join();
    cache.load(da, Name.of("f"), () -> lookupIn(a, "f")).join();
    cache.load(da, Name.of("absent"), () -> lookupIn(a, "absent")).join();
    Dentry dOther = (Dentry) cache.load(root, Name.of("other"), () -> lookup("other")).join();
    cache.load(dOther, Name.of("x"), () -> lookupIn(other, "x")).join();
    assertThat(cache.peekAttributes(mount, a.node())).isNotNull();

    cache.forgetDirectory(mount, a.node());

    assertThat(cache.peek(root, Name.of("a"))).isNull();
    assertThat(cache.directoriesOf(mount, a.node())).isEmpty();
    assertThat(cache.peekAttributes(mount, a.node())).isNull();
    assertThat(cache.peek(root, Name.of("other"))).isSameAs(dOther);
    assertThat(cache.peek(dOther, Name.of("x"))).isSameAs(DentryCache.ABSENT);
    // Loaded again: a fresh id, with nothing cached below it.
    Dentry again = (Dentry) cache.load(root, Name.of("a"), () -> lookup("a")).join();
    assertThat(again.id).isNotEqualTo(da.id);
    assertThat(cache.peek(again, Name.of("f"))).isNull();
    assertThat(cache.peek(again, Name.of("absent"))).isNull();
  }

  @Test
  void forgetDirectory_ofTheRoot_dropsTheMount() {
    makeFile("f");
    cache.load(root, Name.of("f"), () -> lookup("f")).join();
    cache.forgetDirectory(mount, root.node);
    assertThat(cache.peek(root, Name.of("f"))).isNull();
  }

  @Test
  void peek_neverRunsCacheMaintenanceOnTheCallingThread() throws Exception {
    // Maintenance goes to a queue that only the test's maintenance thread runs.
    ConcurrentLinkedQueue<Runnable> maintenance = new ConcurrentLinkedQueue<>();
    DentryCache small = new DentryCache(true, 3, 3, now::get, maintenance::add);
    Mount m = new Mount("/", backend, CoherencePolicy.PRIVATE, small.newId());
    for (int i = 0; i < 20; i++) {
      String n = "f" + i;
      makeFile(n);
      small.load(m.root, Name.of(n), () -> lookup(n)).join();
    }
    // An event loop asks for every name, often enough to fill Caffeine's read buffers.
    Thread loop =
        new Thread(
            () -> {
              for (int round = 0; round < 500; round++) {
                for (int i = 0; i < 20; i++) {
                  small.peek(m.root, Name.of("f" + i));
                  small.peekAttributes(m, m.root.node);
                }
              }
            },
            "event-loop");
    loop.start();
    loop.join();
    assertThat(small.stats().evictionCount()).as("evictions before maintenance ran").isZero();
    assertThat(maintenance).as("maintenance handed to the executor").isNotEmpty();

    Thread maintainer =
        new Thread(
            () -> {
              for (Runnable r = maintenance.poll(); r != null; r = maintenance.poll()) {
                r.run();
              }
            },
            "maintenance");
    maintainer.start();
    maintainer.join();
    assertThat(small.stats().evictionCount()).isGreaterThanOrEqualTo(17);
    assertThat(small.stats().positiveSize()).isLessThanOrEqualTo(3);
  }

  @Test
  void directoriesOf_dropsEvictedDirectories() {
    DentryCache small = new DentryCache(true, 3, 10, now::get, Runnable::run);
    Mount m = new Mount("/", backend, CoherencePolicy.PRIVATE, small.newId());
    NodeInfo[] dirs = new NodeInfo[20];
    for (int i = 0; i < dirs.length; i++) {
      String n = "d" + i;
      dirs[i] = makeDirectory(n);
      small.load(m.root, Name.of(n), () -> lookup(n)).join();
    }
    small.forEachPositive(d -> assertThat(small.indexed(d)).isTrue());
    int indexed = 0;
    for (NodeInfo d : dirs) {
      indexed += small.directoriesOf(m, d.node()).size();
    }
    assertThat(indexed).as("no more than the cache holds").isLessThanOrEqualTo(3);
  }
}
