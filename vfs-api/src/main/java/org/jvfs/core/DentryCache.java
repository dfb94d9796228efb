package org.jvfs.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.jvfs.CacheStats;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.NodeKind;

/**
 * The dentry cache: positive dentries, negative dentries and attribute snapshots, each a Caffeine
 * cache of its own.
 *
 * <h2>Implementation notes</h2>
 *
 * <ul>
 *   <li>Children are keyed by (parent dentry id, name). Ids are never reused, so dropping a
 *       directory's dentry orphans its subtree in O(1); Caffeine evicts the orphans later.
 *   <li>Negative dentries have their own cache and cap, so a flood of lookups of absent names
 *       cannot evict the working set. And one-shot negatives are kept apart from hot ones: a
 *       negative answer goes into a small {@link #probation} cache, and only its second use (a
 *       {@link #peek} that finds it there) promotes it into the main negative cache. A storm of
 *       lookups of unique absent names churns the probation alone. Caffeine's own frequency sketch
 *       cannot do this here: the {@link FrontCache} answers hot lookups without touching Caffeine,
 *       so their entries look cold to it, and such a storm evicted them.
 *   <li>Every cached value is a {@link Cached}, with a version the {@link FrontCache} checks: it is
 *       retired inside the atomic step that removes or replaces it (a {@code compute} on its key,
 *       the {@code removeIf} of a mount drop, Caffeine's eviction listener), and bumped when its
 *       key turns pending ({@link #hide}). Every replacement removes the old answer before it puts
 *       the new one, so that in between a reader sees a miss, never a contradiction. Each value
 *       carries its deadline, stamped before it is cached, and the caches expire it there.
 *   <li>Attributes are keyed by (mount, node), not by dentry, so that hard links share one snapshot
 *       and a write through one name is seen through every other. Under WATCH, snapshots expire
 *       after the policy's attribute bound (dentries do not): a watch sees neither a write through
 *       another hard link in another directory nor one through mmap, nor what changes in a
 *       directory it does not watch (a directory's link count and times).
 *   <li>Concurrent misses of one key share one backend call through {@link #inflight}. This is a
 *       map of its own rather than Caffeine's {@code AsyncCache} because a load may end negative,
 *       and a negative answer belongs in the negative cache with its own cap. A failed load is
 *       removed and never cached. Readers never wait on an in-flight load unless they asked for IO:
 *       {@link #peek} treats in-flight as a miss.
 *   <li>Insertions are guarded by the name, as the kernel's {@code d_seq} guards a dentry: every
 *       change of a name (a mutation's begin and end, a pushed invalidation) takes the next tick of
 *       one {@link #clock} and records it in the name's stripe of {@link #nameTicks}, a striped
 *       table of (directory id, name). A load reads the clock before it calls the backend and
 *       inserts its answer only if no name of its stripe changed since. The guard used to be the
 *       whole directory's generation, so that one change of any name during a load refused the
 *       insert and a directory with a steady trickle of changes to other names was never cached;
 *       now only a change of the same name, or of a name that shares its stripe (one in {@value
 *       #STRIPES}), refuses it. Whole directories and whole mounts need no count of their own: a
 *       directory's children are keyed by its dentry id, so dropping or re-keying the directory's
 *       dentry leaves in-flight loads below it inserting into orphaned keys, and a mount's drop is
 *       counted by {@link Mount#dropCount}. The check and the insert, and a mutation's ticks and
 *       its cache update, happen under the directory's {@link Dentry.DirState} monitor, which is
 *       never held across IO. A mutation also detaches in-flight loads of the keys it changes, so a
 *       lookup that starts after the mutation never joins a load that started before it.
 *   <li>A mutation through the VFS is a {@link Mutation}: {@link #begin} before the backend call,
 *       one of {@link #added}, {@link #removed}, {@link #renamed} or {@link #abandon} after it.
 *       From its begin to its end the names it changes are <em>pending</em>: {@link #peek} answers
 *       MISS for them (whatever is cached stays, hidden), a load that starts meanwhile inserts
 *       nothing, and the walk asks the backend. Without this, the cache answered from before the
 *       change while the backend already showed it: a listing in that gap showed a new name that
 *       the cache still called absent (its negative dentry, cached by the create's own walk), or
 *       left out a removed name the cache still called present. The cache still asserts nothing
 *       before the backend succeeded: pending only takes answers away. Pending keys are counted in
 *       {@link #pendingKeys}, with a striped count in front of it so that a peek with nothing
 *       pending in its stripe costs one array read.
 *   <li>One directory may be known by two dentry ids: a walk whose load of it was refused (or ran
 *       while its name was pending) goes on with an uncached dentry of its own. A refused load
 *       therefore answers with the cached dentry when that has the same node; where a second id
 *       remains, a mutation through one id hides and forgets the name under every cached dentry of
 *       the same node (from the index {@link #directoriesOf}), and a rename re-keys the dentry its
 *       walk found only if that was the one cached under the old name when it began (the backend
 *       moves whatever the name holds by then). An uncached dentry never becomes cached, so its own
 *       children stay unreachable.
 *   <li>Attribute snapshots use the same idea, striped by (mount, node) in {@link #attributeTicks}:
 *       an invalidation takes a tick inside {@code compute} on the key, and a load inserts, inside
 *       {@code compute} on the same key, only if no node of the key's stripe was invalidated after
 *       the clock value it read before calling the backend. (The clock is read before the node is
 *       known, which a per-stripe sequence could not do.) It used to be one global epoch, which any
 *       change anywhere bumped.
 *   <li>Every mutation updates the cache only after the backend succeeded.
 *   <li>Caffeine's maintenance (eviction, expiry, removal notices) runs on an executor of its own
 *       (the common fork-join pool unless the {@code Vfs} was given one), never on a caller: an
 *       event loop's {@link #peek} only records the access.
 * </ul>
 *
 * <p>Thread-safe. With caching disabled, nothing is stored and every peek is a miss; loads are
 * still shared.
 */
final class DentryCache {

  /** The answer for a name known to be absent. */
  static final Object ABSENT = new Object();

  /** A negative dentry: the name is absent in its directory. */
  static final class Negative extends Cached {
    final Mount mount;

    Negative(Mount mount) {
      this.mount = mount;
    }
  }

  private record AttrKey(Mount mount, Node node) {}

  /** An attribute snapshot of a node. */
  private static final class Attrs extends Cached {
    final Mount mount;
    final NodeAttributes attributes;

    Attrs(Mount mount, NodeAttributes attributes) {
      this.mount = mount;
      this.attributes = attributes;
    }
  }

  /** A name under another cached dentry of a mutated directory's node. */
  private record Alias(Dentry dir, DentryKey key) {}

  private final boolean enabled;
  private final Cache<DentryKey, Dentry> positive;
  private final Cache<DentryKey, Negative> negative;

  /** Negative dentries seen once: see the implementation notes. */
  private final Cache<DentryKey, Negative> probation;

  private final Cache<AttrKey, Attrs> attributes;
  private final Ticker ticker;

  /** The directory dentries of the positive cache by (mount, node): see {@link #directoriesOf}. */
  private final ConcurrentHashMap<AttrKey, Set<Dentry>> directories = new ConcurrentHashMap<>();

  private final ConcurrentHashMap<DentryKey, CompletableFuture<Object>> inflight =
      new ConcurrentHashMap<>();

  /** How many stripes {@link #pendingStripes} has; a power of two. */
  private static final int STRIPES = 1 << 12;

  /** The keys of mutations begun and not yet ended, with how many of them each has. */
  private final ConcurrentHashMap<DentryKey, Integer> pendingKeys = new ConcurrentHashMap<>();

  /** By {@link #stripe}: how many pending keys fall in it; zero spares a look in the map. */
  private final AtomicIntegerArray pendingStripes = new AtomicIntegerArray(STRIPES);

  private final AtomicLong ids = new AtomicLong();

  /** The clock of changes: each change of a name or of a node's attributes takes its next tick. */
  private final AtomicLong clock = new AtomicLong();

  /** By {@link #stripe} of (directory id, name): the tick of the last change of such a name. */
  private final AtomicLongArray nameTicks = new AtomicLongArray(STRIPES);

  /** By {@link #stripe} of (mount, node): the tick of the last invalidation of such attributes. */
  private final AtomicLongArray attributeTicks = new AtomicLongArray(STRIPES);

  private final LongAdder hits = new LongAdder();
  private final LongAdder negativeHits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder loads = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final AtomicLong loadsInFlight = new AtomicLong();

  /** Makes a cache on the system clock whose maintenance runs on the common fork-join pool. */
  DentryCache(boolean enabled, long maxPositive, long maxNegative) {
    this(enabled, maxPositive, maxNegative, Ticker.systemTicker(), ForkJoinPool.commonPool());
  }

  /**
   * Makes a cache whose TTL expiry reads time from {@code ticker} and whose maintenance (eviction,
   * expiry, removal notices) runs on {@code maintenance}. Never pass an executor that runs tasks on
   * the calling thread outside tests: maintenance then runs on whichever caller's read or write
   * happened to trigger it, an event loop's {@code lookupNow} included, evicting other threads'
   * entries there. Tests pass a fake ticker and {@code Runnable::run} to make eviction happen at
   * once.
   */
  DentryCache(
      boolean enabled, long maxPositive, long maxNegative, Ticker ticker, Executor maintenance) {
    this.enabled = enabled;
    this.ticker = ticker;
    this.positive =
        DentryCache.<DentryKey, Dentry>cache(maxPositive, ticker, maintenance)
            .evictionListener(this::evicted)
            .removalListener((DentryKey k, Dentry v, RemovalCause cause) -> unindex(v))
            .build();
    this.negative =
        DentryCache.<DentryKey, Negative>cache(maxNegative, ticker, maintenance)
            .evictionListener(this::evicted)
            .build();
    this.probation =
        DentryCache.<DentryKey, Negative>cache(probationSize(maxNegative), ticker, maintenance)
            .evictionListener(this::evicted)
            .build();
    this.attributes =
        DentryCache.<AttrKey, Attrs>cache(maxPositive, ticker, maintenance)
            .evictionListener((k, v, cause) -> retire(v))
            .build();
  }

  /** The probation's size for a negative cap: a quarter of it, at least 16; none for no cap. */
  static long probationSize(long maxNegative) {
    return maxNegative == 0 ? 0 : Math.max(16, maxNegative / 4);
  }

  /**
   * Called by Caffeine inside the atomic removal of an evicted (or expired) entry, before readers
   * stop seeing it: retires the value.
   */
  private void evicted(@Nullable Object key, @Nullable Cached value, RemovalCause cause) {
    retire(value);
    evictions.increment();
  }

  private static void retire(@Nullable Cached value) {
    if (value != null) {
      value.retire();
    }
  }

  /**
   * Returns a builder of a cache of at most {@code maximumSize} entries that expire at their
   * values' deadlines (see {@link #expiry}) and does its maintenance on {@code maintenance}.
   * Caffeine then never maintains on a reader's thread (a read only records the access and, at
   * most, hands a drain to the executor); only a writer that finds Caffeine's write buffer full
   * helps with the work.
   */
  private static <K, V extends Cached> Caffeine<K, V> cache(
      long maximumSize, Ticker ticker, Executor maintenance) {
    return Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .ticker(ticker)
        .expireAfter(DentryCache.<K, V>expiry())
        .executor(maintenance);
  }

  /**
   * Returns how long a snapshot is used: the policy's attribute bound, a directory's too. (A
   * directory's attributes change with events in it, which a watching backend reports only while it
   * watches that directory: one whose attributes were read in its parent and that nothing looked
   * into since is not watched, and its link count and times used to stay stale forever.)
   */
  private static long attributeTtl(Attrs a) {
    return a.mount.attributeTtlNanos;
  }

  /**
   * Stamps {@code value}'s deadline, {@code ttl} (Long.MAX_VALUE: never) from now, before it is
   * cached.
   */
  private <V extends Cached> V stamped(V value, long ttl) {
    value.expireAfter(ttl == Long.MAX_VALUE ? 0 : ticker.read(), ttl);
    return value;
  }

  /** Returns the nanoseconds from {@code now} to {@code value}'s deadline. */
  private static long remaining(Cached value, long now) {
    long deadline = value.deadline();
    return deadline == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, deadline - now);
  }

  /**
   * An expiry at each value's deadline (stamped before it was cached from its mount's policy: never
   * unless TTL, or WATCH's attribute bound), so that the {@link FrontCache}, which reads the same
   * deadline, and Caffeine agree on the instant a value stops answering.
   */
  private static <K, V extends Cached> Expiry<K, V> expiry() {
    return new Expiry<>() {
      @Override
      public long expireAfterCreate(K key, V value, long currentTime) {
        return remaining(value, currentTime);
      }

      @Override
      public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
        return remaining(value, currentTime);
      }

      @Override
      public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
        return currentDuration;
      }
    };
  }

  boolean enabled() {
    return enabled;
  }

  /** Returns a fresh dentry id. */
  long newId() {
    return ids.incrementAndGet();
  }

  /** Makes a dentry for {@code info} found as {@code name} in {@code dir}. */
  Dentry newDentry(Dentry dir, Name name, NodeInfo info) {
    NodeKind kind = info.kind();
    return new Dentry(
        newId(),
        dir.id,
        name,
        dir.mount,
        info.node(),
        kind,
        info.symlinkTarget(),
        kind == NodeKind.DIRECTORY ? new Dentry.DirState() : null);
  }

  /**
   * Answers from memory alone: the dentry, {@link #ABSENT}, or null for a miss. Never blocks, never
   * waits for a load in flight.
   */
  @Nullable Object peek(Dentry dir, Name name) {
    return peek(dir, name, null);
  }

  /**
   * Answers as {@link #peek(Dentry, Name)}, and records the value the answer rests on (the dentry,
   * or the negative dentry) in {@code footprint}, if given. Then it reads the key's pending state
   * once more: a mutation marks its key pending before it bumps the key's values, so a value whose
   * bumped version was recorded is seen pending here, and the answer is a miss.
   *
   * <p>A negative dentry found in probation is promoted to the main negative cache: this is its
   * second use (see the implementation notes).
   */
  @Nullable Object peek(Dentry dir, Name name, @Nullable Footprint footprint) {
    if (!enabled) {
      misses.increment();
      return null;
    }
    DentryKey key = new DentryKey(dir.id, name);
    // Read before the entries: a mutation updates the entries before it stops being pending.
    if (pending(key)) {
      misses.increment();
      return null;
    }
    Dentry d = positive.getIfPresent(key);
    if (d != null) {
      if (footprint != null && !rests(footprint, d, key)) {
        misses.increment();
        return null;
      }
      hits.increment();
      return d;
    }
    Negative n = negative.getIfPresent(key);
    if (n == null) {
      n = probation.getIfPresent(key);
      if (n != null) {
        n = promote(key, n);
      }
    }
    if (n != null) {
      if (footprint != null && !rests(footprint, n, key)) {
        misses.increment();
        return null;
      }
      negativeHits.increment();
      return ABSENT;
    }
    misses.increment();
    return null;
  }

  /** Records {@code value} in {@code footprint}; false if it is retired or its key now pending. */
  private boolean rests(Footprint footprint, Cached value, DentryKey key) {
    return footprint.add(value) && !pending(key);
  }

  /**
   * Moves a negative dentry found in probation into the main negative cache, as a new value with
   * the same deadline; returns the main cache's value for the key, or null if {@code n} left
   * probation meanwhile.
   *
   * <p>Against a concurrent removal of the name: removals take a negative out of probation first
   * and out of the main cache second ({@link #dropNegative}). The check that {@code n} is still in
   * probation runs inside the main cache's {@code compute} on the key: if the removal's probation
   * step came first, nothing is inserted; if it came after, the removal's main-cache step comes
   * after this {@code compute} too, and takes the copy out again.
   */
  private @Nullable Negative promote(DentryKey key, Negative n) {
    Negative[] out = new Negative[1];
    negative
        .asMap()
        .compute(
            key,
            (k, old) -> {
              if (old != null) {
                out[0] = old;
                return old;
              }
              if (probation.policy().getIfPresentQuietly(k) != n || n.version() == Cached.RETIRED) {
                return null;
              }
              Negative copy = new Negative(n.mount);
              copy.deadline(n.deadline());
              out[0] = copy;
              return copy;
            });
    probation
        .asMap()
        .computeIfPresent(
            key,
            (k, v) -> {
              if (v != n) {
                return v;
              }
              v.retire();
              return null;
            });
    return out[0];
  }

  /**
   * Loads {@code name} in {@code dir} through {@code call}, sharing the load with concurrent
   * callers, and caches the answer unless a mutation of the name was under way when the load
   * started, or a change of the name (or of a name in its stripe) began, ended or was reported
   * since.
   *
   * @return a future of a {@link Dentry} or {@link #ABSENT}
   */
  CompletableFuture<Object> load(
      Dentry dir, Name name, Supplier<CompletionStage<@Nullable NodeInfo>> call) {
    DentryKey key = new DentryKey(dir.id, name);
    CompletableFuture<Object> existing = inflight.get(key);
    if (existing != null) {
      return existing;
    }
    CompletableFuture<Object> mine = new CompletableFuture<>();
    existing = inflight.putIfAbsent(key, mine);
    if (existing != null) {
      return existing;
    }
    Dentry.DirState state = dir.dirState();
    int stripe = stripe(key);
    long start = clock.get();
    // Read after the clock: a mutation marks its key pending before it takes its tick, so a load
    // that read the tick sees the mark, and one that read the clock before sees the tick later.
    boolean hidden = pending(key);
    long dropped = dir.mount.dropCount();
    loads.increment();
    loadsInFlight.incrementAndGet();
    CompletionStage<@Nullable NodeInfo> stage;
    try {
      stage = call.get();
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (info, error) -> {
          loadsInFlight.decrementAndGet();
          if (error != null) {
            inflight.remove(key, mine);
            mine.completeExceptionally(error);
            return;
          }
          Object answer = info == null ? ABSENT : newDentry(dir, name, info);
          if (enabled) {
            boolean inserted = false;
            synchronized (state) {
              if (!hidden && nameTicks.get(stripe) <= start && dir.mount.dropCount() == dropped) {
                inserted = true;
                if (answer instanceof Dentry d) {
                  // The negative goes first: in between, a reader finds neither (a miss).
                  dropNegative(key);
                  putPositive(key, d);
                } else {
                  // No mutation through the cache completed since the load began, so a cached
                  // positive entry is older than this answer (a delete whose backend call is done
                  // but whose cache update is not): left in place, peek would report a HIT for the
                  // name this load just found absent.
                  dropPositive(key);
                  putNegative(key, new Negative(dir.mount));
                }
              }
            }
            if (!inserted && answer instanceof Dentry d) {
              // Refused (a change of the name was under way or came since): if the cache holds
              // a dentry of the same node under the name, go on with it rather than with a new
              // id for the same directory (see hideUnderAliases).
              Dentry cached = positive.getIfPresent(key);
              if (cached != null && cached.node.equals(d.node) && cached.kind == d.kind) {
                answer = cached;
              }
            }
            if (inserted && dir.mount.dropCount() != dropped) {
              // The mount's cache was dropped while this answer went in; the drop's sweep may have
              // passed the key already, so take the answer out again (see invalidateMount).
              if (answer instanceof Dentry d) {
                dropPositive(key, d);
              } else {
                dropNegative(key);
              }
            }
            if (info != null) {
              putAttributes(dir.mount, info.node(), info.attributes(), start);
            }
          }
          inflight.remove(key, mine);
          mine.complete(answer);
        });
    return mine;
  }

  /** Returns the cached attributes of a node, or null. Never blocks. */
  @Nullable NodeAttributes peekAttributes(Mount mount, Node node) {
    return peekAttributes(mount, node, null);
  }

  /**
   * Returns the cached attributes of a node, or null, and records the snapshot in {@code
   * footprint}, if given (null if it was retired meanwhile). Never blocks.
   */
  @Nullable NodeAttributes peekAttributes(Mount mount, Node node, @Nullable Footprint footprint) {
    if (!enabled) {
      return null;
    }
    Attrs a = attributes.getIfPresent(new AttrKey(mount, node));
    if (a == null || (footprint != null && !footprint.add(a))) {
      return null;
    }
    return a.attributes;
  }

  /**
   * Returns the epoch (the clock) a caller reads before fetching attributes to cache with {@link
   * #putAttributes}.
   */
  long attributeEpoch() {
    return clock.get();
  }

  /**
   * Caches attributes fetched after {@code epoch} was read, unless the node's attributes (or those
   * of a node sharing its stripe, or the whole mount's) were invalidated since.
   */
  void putAttributes(Mount mount, Node node, NodeAttributes attrs, long epoch) {
    if (!enabled) {
      return;
    }
    AttrKey key = new AttrKey(mount, node);
    int stripe = attributeStripe(mount, node);
    Attrs fresh = new Attrs(mount, attrs);
    stamped(fresh, attributeTtl(fresh));
    attributes
        .asMap()
        .compute(
            key,
            (k, old) -> {
              if (attributeTicks.get(stripe) <= epoch && mount.dropTick() <= epoch) {
                retire(old);
                return fresh;
              }
              return old;
            });
  }

  /** Forgets a node's attributes after a change; later loads that started earlier are refused. */
  void invalidateAttributes(Mount mount, Node node) {
    AttrKey key = new AttrKey(mount, node);
    int stripe = attributeStripe(mount, node);
    attributes
        .asMap()
        .compute(
            key,
            (k, old) -> {
              tick(attributeTicks, stripe);
              retire(old);
              return null;
            });
  }

  /** Takes the clock's next tick for a change in {@code stripe} of {@code ticks}; returns it. */
  private long tick(AtomicLongArray ticks, int stripe) {
    long t = clock.incrementAndGet();
    // Ticks of one stripe may be recorded out of order by racing threads: keep the latest.
    ticks.accumulateAndGet(stripe, t, Math::max);
    return t;
  }

  /** Replaces a symlink dentry by one that carries its target, if it is still the cached one. */
  void rememberSymlinkTarget(Dentry link, String target) {
    if (enabled && link.name != null) {
      Dentry replacement = link.withSymlinkTarget(target);
      replacement.deadline(link.deadline());
      positive
          .asMap()
          .computeIfPresent(
              link.key(),
              (k, v) -> {
                if (v != link) {
                  return v;
                }
                link.retire();
                return replacement;
              });
    }
  }

  /**
   * A change of one name (or, for a rename, two) through the VFS, from before its backend call to
   * after it. Made by {@link #begin} or {@link #beginRename}; ended exactly once by {@link #added},
   * {@link #removed}, {@link #renamed} or {@link #abandon}. Until then its names are pending (see
   * the implementation notes). Not thread-safe: one per call, handed from the thread that begins it
   * to the one that ends it through the backend's future.
   */
  static final class Mutation {
    final Dentry dir;
    final Name name;
    final DentryKey key;
    final @Nullable Dentry toDir;
    final @Nullable Name toName;
    final @Nullable DentryKey toKey;

    /**
     * The ticks this mutation's begin took for its names; still the latest of their stripes at its
     * end if no other change of those stripes came meanwhile.
     */
    long tick;

    long toTick;

    /** The names hidden under other cached dentries of the same directories; see aliases(). */
    List<Alias> aliases = List.of();

    /** For a rename: whether the moved dentry was the cached one, so that it may be re-keyed. */
    boolean rekeyable;

    private boolean ended;

    private Mutation(Dentry dir, Name name, @Nullable Dentry toDir, @Nullable Name toName) {
      this.dir = dir;
      this.name = name;
      this.key = new DentryKey(dir.id, name);
      this.toDir = toDir;
      this.toName = toName;
      this.toKey = toDir == null || toName == null ? null : new DentryKey(toDir.id, toName);
    }

    private void end() {
      if (ended) {
        throw new IllegalStateException("mutation of " + name + " ended twice");
      }
      ended = true;
    }
  }

  /**
   * Begins a change of {@code name} in {@code dir}, right before the backend call that makes it:
   * the name is pending until the mutation ends. Whoever begins a mutation ends it, whatever the
   * backend answers.
   */
  Mutation begin(Dentry dir, Name name) {
    Mutation m = new Mutation(dir, name, null, null);
    Dentry.DirState state = dir.dirState();
    synchronized (state) {
      hide(m.key);
      m.tick = tick(nameTicks, stripe(m.key));
      inflight.remove(m.key);
    }
    m.aliases = hideUnderAliases(dir, name, List.of());
    return m;
  }

  /**
   * Begins a rename of {@code fromName} in {@code fromDir} to {@code toName} in {@code toDir}, of
   * {@code moved}, the dentry the caller's walk found there.
   */
  Mutation beginRename(Dentry fromDir, Name fromName, Dentry toDir, Name toName, Dentry moved) {
    Mutation m = new Mutation(fromDir, fromName, toDir, toName);
    Dentry.DirState first = fromDir.id <= toDir.id ? fromDir.dirState() : toDir.dirState();
    Dentry.DirState second = fromDir.id <= toDir.id ? toDir.dirState() : fromDir.dirState();
    synchronized (first) {
      synchronized (second) {
        hide(m.key);
        hide(java.util.Objects.requireNonNull(m.toKey));
        m.tick = tick(nameTicks, stripe(m.key));
        m.toTick = tick(nameTicks, stripe(m.toKey));
        if (stripe(m.key) == stripe(m.toKey)) {
          m.tick = m.toTick;
        }
        inflight.remove(m.key);
        inflight.remove(m.toKey);
        // The backend moves whatever the name holds when it gets there. Only if the cache still
        // held the walk's dentry under the name, with no other change of it under way, is that
        // dentry (and the subtree cached under its id) known to be what moves.
        Dentry cached = positive.getIfPresent(m.key);
        m.rekeyable =
            cached != null
                && cached.id == moved.id
                && cached.node.equals(moved.node)
                && pendingKeys.getOrDefault(m.key, 0) == 1;
      }
    }
    m.aliases = hideUnderAliases(fromDir, fromName, List.of());
    m.aliases = hideUnderAliases(toDir, toName, m.aliases);
    return m;
  }

  /**
   * Hides {@code name} under every other cached dentry of {@code dir}'s node, for a mutation
   * through {@code dir}, and returns those names added to {@code more}.
   *
   * <p>One directory may be known by more than one dentry id: a walk that loaded a name while a
   * mutation of it was pending (or while a load of it was refused) goes on with a dentry of its
   * own, not cached, while the cached one keeps its children. A mutation through the uncached one
   * must still change what the cached one says: it is pending under both and forgotten under the
   * cached one at its end. (Ids are never reused, so such a dentry's own children are unreachable.)
   */
  private List<Alias> hideUnderAliases(Dentry dir, Name name, List<Alias> more) {
    List<Alias> out = more;
    for (Dentry other : directoriesOf(dir.mount, dir.node)) {
      if (other.id == dir.id) {
        continue;
      }
      Alias a = new Alias(other, new DentryKey(other.id, name));
      synchronized (other.dirState()) {
        hide(a.key);
        tick(nameTicks, stripe(a.key));
        inflight.remove(a.key);
      }
      if (out.isEmpty()) {
        out = new ArrayList<>(more);
      }
      out.add(a);
    }
    return out;
  }

  /**
   * Ends the names {@code m} hid under other dentries of its directories: forgets them (if {@code
   * changed}) and shows them again. Dentries of the same nodes cached since the begin are forgotten
   * too.
   */
  private void endAliases(Mutation m, boolean changed) {
    for (Alias a : m.aliases) {
      synchronized (a.dir.dirState()) {
        tick(nameTicks, stripe(a.key));
        inflight.remove(a.key);
        if (changed) {
          dropPositive(a.key);
          dropNegative(a.key);
        }
        unhide(a.key);
      }
    }
    if (changed) {
      forgetUnderAliases(m.dir, m.name);
      if (m.toDir != null && m.toName != null) {
        forgetUnderAliases(m.toDir, m.toName);
      }
    }
  }

  /** Forgets {@code name} under every cached dentry of {@code dir}'s node but {@code dir}. */
  private void forgetUnderAliases(Dentry dir, Name name) {
    for (Dentry other : directoriesOf(dir.mount, dir.node)) {
      if (other.id != dir.id) {
        forgetOne(other, new DentryKey(other.id, name));
      }
    }
  }

  /**
   * Ends {@code m} after the backend made its name: the name now exists as {@code info}.
   *
   * <p>If another change of the name (or of one in its stripe) began, ended or was reported since
   * {@code m} began, the other's backend call may have come after this one, so the name is
   * forgotten (loaded again on demand) rather than asserted.
   */
  Dentry added(Mutation m, NodeInfo info) {
    Dentry dir = m.dir;
    Dentry d = newDentry(dir, m.name, info);
    Dentry.DirState state = dir.dirState();
    synchronized (state) {
      m.end();
      int stripe = stripe(m.key);
      boolean alone = nameTicks.get(stripe) == m.tick;
      tick(nameTicks, stripe);
      inflight.remove(m.key);
      if (enabled) {
        dropNegative(m.key);
        if (alone) {
          putPositive(m.key, d);
        } else {
          dropPositive(m.key);
        }
      }
      unhide(m.key);
    }
    endAliases(m, true);
    invalidateAttributes(dir.mount, dir.node);
    // The node's snapshot is dropped, not replaced by the backend's answer: a hard link changes
    // the link count of a node whose old snapshot may be cached, and another thread may already
    // have changed a new file (written to it, linked it) between the backend's answer and this
    // line. Only a put guarded by an epoch read before the backend call would be safe, and the
    // invalidation above refuses exactly that put; the next stat loads the truth.
    invalidateAttributes(dir.mount, info.node());
    return d;
  }

  /**
   * Ends {@code m} after the backend removed its name, which was {@code node} (if known). As in
   * {@link #added}, a concurrent change of the name makes it forget rather than assert.
   */
  void removed(Mutation m, @Nullable Node node) {
    Dentry dir = m.dir;
    Dentry.DirState state = dir.dirState();
    synchronized (state) {
      m.end();
      int stripe = stripe(m.key);
      boolean alone = nameTicks.get(stripe) == m.tick;
      tick(nameTicks, stripe);
      inflight.remove(m.key);
      if (enabled) {
        dropPositive(m.key);
        if (alone) {
          putNegative(m.key, new Negative(dir.mount));
        } else {
          dropNegative(m.key);
        }
      }
      unhide(m.key);
    }
    endAliases(m, true);
    invalidateAttributes(dir.mount, dir.node);
    if (node != null) {
      invalidateAttributes(dir.mount, node);
    }
  }

  /**
   * Ends {@code m} when its backend call changed nothing (it failed, or found the name as it was):
   * what was cached shows again. A failure that leaves the name's state unknown is followed by
   * {@link #forget}.
   */
  void abandon(Mutation m) {
    Dentry.DirState first = m.dir.dirState();
    Dentry.DirState second = m.toDir == null ? first : m.toDir.dirState();
    if (m.toDir != null && m.toDir.id < m.dir.id) {
      Dentry.DirState t = first;
      first = second;
      second = t;
    }
    synchronized (first) {
      synchronized (second) {
        m.end();
        tick(nameTicks, stripe(m.key));
        inflight.remove(m.key);
        unhide(m.key);
        if (m.toKey != null) {
          tick(nameTicks, stripe(m.toKey));
          inflight.remove(m.toKey);
          unhide(m.toKey);
        }
      }
    }
    endAliases(m, false);
  }

  /**
   * Ends a rename begun by {@link #beginRename} after the backend did it. With stable nodes, if the
   * moved dentry was the one cached under the old name when the rename began, it is re-keyed (its
   * cached subtree stays reachable); otherwise the target is forgotten and loaded again. If another
   * change of either name began, ended or was reported since {@code m} began, both names are
   * forgotten instead, as in {@link #added}.
   */
  void renamed(Mutation m, Dentry moved, @Nullable Dentry replaced, boolean stableNodes) {
    Dentry fromDir = m.dir;
    Dentry toDir = java.util.Objects.requireNonNull(m.toDir);
    Name toName = java.util.Objects.requireNonNull(m.toName);
    DentryKey from = m.key;
    DentryKey to = java.util.Objects.requireNonNull(m.toKey);
    Dentry.DirState first = fromDir.id <= toDir.id ? fromDir.dirState() : toDir.dirState();
    Dentry.DirState second = fromDir.id <= toDir.id ? toDir.dirState() : fromDir.dirState();
    synchronized (first) {
      synchronized (second) {
        m.end();
        boolean alone =
            nameTicks.get(stripe(from)) == m.tick && nameTicks.get(stripe(to)) == m.toTick;
        tick(nameTicks, stripe(from));
        tick(nameTicks, stripe(to));
        inflight.remove(from);
        inflight.remove(to);
        if (enabled) {
          dropPositive(from);
          dropNegative(to);
          if (!alone) {
            dropNegative(from);
            dropPositive(to);
          } else if (stableNodes && m.rekeyable) {
            putNegative(from, new Negative(fromDir.mount));
            putPositive(to, moved.rekeyed(toDir.id, toName));
          } else {
            putNegative(from, new Negative(fromDir.mount));
            dropPositive(to);
          }
        }
        unhide(from);
        unhide(to);
      }
    }
    endAliases(m, true);
    invalidateAttributes(fromDir.mount, fromDir.node);
    invalidateAttributes(toDir.mount, toDir.node);
    invalidateAttributes(moved.mount, moved.node);
    if (replaced != null) {
      invalidateAttributes(replaced.mount, replaced.node);
    }
  }

  /** Returns the number of mutations begun and not yet ended; zero once the VFS is idle. */
  int pendingMutations() {
    int n = 0;
    for (int c : pendingKeys.values()) {
      n += c;
    }
    return n;
  }

  /** Returns the stripe of a node's attributes; package-private for tests. */
  static int attributeStripe(Mount mount, Node node) {
    return stripe(new AttrKey(mount, node).hashCode());
  }

  /** Returns the stripe of {@code key} in the striped tables; package-private for tests. */
  static int stripe(DentryKey key) {
    return stripe(key.hashCode());
  }

  private static int stripe(int hash) {
    int h = hash * 0x9E3779B9;
    return (h ^ (h >>> 16)) & (STRIPES - 1);
  }

  /** Returns true while a mutation of {@code key} is under way. Never blocks. */
  private boolean pending(DentryKey key) {
    return pendingStripes.get(stripe(key)) != 0 && pendingKeys.containsKey(key);
  }

  /**
   * Marks {@code key} pending: into the map first, so that a nonzero stripe finds it there; then
   * bumps the values cached under it, so that no answer resting on them is used while it is pending
   * (see {@link #peek(Dentry, Name, Footprint)} for the order).
   */
  private void hide(DentryKey key) {
    pendingKeys.merge(key, 1, Integer::sum);
    pendingStripes.incrementAndGet(stripe(key));
    bump(positive.policy().getIfPresentQuietly(key));
    bump(negative.policy().getIfPresentQuietly(key));
    bump(probation.policy().getIfPresentQuietly(key));
  }

  private static void bump(@Nullable Cached value) {
    if (value != null) {
      value.bump();
    }
  }

  /** Takes one pending mark of {@code key} away; called after the entries were updated. */
  private void unhide(DentryKey key) {
    pendingKeys.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
    pendingStripes.decrementAndGet(stripe(key));
  }

  /**
   * Forgets whatever is cached for {@code name} in {@code dir}, when the VFS cannot tell the new
   * state (a failed or partial mutation).
   */
  void forget(Dentry dir, Name name) {
    forgetOne(dir, new DentryKey(dir.id, name));
    forgetUnderAliases(dir, name);
    invalidateAttributes(dir.mount, dir.node);
  }

  private void forgetOne(Dentry dir, DentryKey key) {
    synchronized (dir.dirState()) {
      tick(nameTicks, stripe(key));
      inflight.remove(key);
      dropPositive(key);
      dropNegative(key);
    }
  }

  /** Drops every cached answer of one mount (a watch queue overflowed, say). */
  void invalidateMount(Mount mount) {
    // Count the drop before sweeping: a load that inserts before the count changes is swept (the
    // sweep starts after the count and sees every entry present when it starts); a load that
    // inserts after sees the new count and takes its answer out again. Attribute puts check the
    // mount's drop tick inside compute, as they check their stripe's: one that started before the
    // drop and puts after it is refused.
    mount.countDrop();
    mount.dropTick(clock.incrementAndGet());
    positive.asMap().values().removeIf(d -> retiredIf(d, d.mount == mount));
    probation.asMap().values().removeIf(n -> retiredIf(n, n.mount == mount));
    negative.asMap().values().removeIf(n -> retiredIf(n, n.mount == mount));
    attributes.asMap().values().removeIf(a -> retiredIf(a, a.mount == mount));
  }

  /** Retires {@code value} if {@code remove}, before a removeIf takes it out; returns remove. */
  private static boolean retiredIf(Cached value, boolean remove) {
    if (remove) {
      value.retire();
    }
    return remove;
  }

  /** Removes the positive dentry of {@code key}, retiring it inside the removal. */
  private void dropPositive(DentryKey key) {
    positive.asMap().computeIfPresent(key, (k, v) -> retired(v));
  }

  /** Removes {@code d} from {@code key} if it is still the cached dentry there. */
  private void dropPositive(DentryKey key, Dentry d) {
    positive.asMap().computeIfPresent(key, (k, v) -> v == d ? retired(v) : v);
  }

  /**
   * Removes the negative dentries of {@code key}: from probation first, then from the main cache
   * (the order {@link #promote} relies on), each retired inside its removal. Both steps are {@code
   * compute}, not {@code computeIfPresent}: Caffeine's {@code computeIfPresent} returns at once,
   * without the key's lock, when it finds no entry, so it would not wait for a promotion's {@code
   * compute} under way on the key, and the promoted copy would outlive the removal (found by the
   * Lincheck cache check).
   */
  private void dropNegative(DentryKey key) {
    probation.asMap().compute(key, (k, v) -> v == null ? null : retired(v));
    negative.asMap().compute(key, (k, v) -> v == null ? null : retired(v));
  }

  private static <V extends Cached> @Nullable V retired(V value) {
    value.retire();
    return null;
  }

  /**
   * Puts a negative dentry, seen once, into probation (retiring the one it replaces there); a
   * second use promotes it (see {@link #promote}).
   */
  private void putNegative(DentryKey key, Negative n) {
    stamped(n, n.mount.ttlNanos);
    probation
        .asMap()
        .compute(
            key,
            (k, old) -> {
              retire(old);
              return n;
            });
  }

  /**
   * Forgets every cached dentry of the directory {@code node} of {@code mount}, which orphans what
   * is cached below each, and the directory's attributes: its changes will no longer be reported (a
   * watching backend gave up its watch, or cannot watch it). Nothing else is dropped, but for the
   * mount's root, which no entry names: then the whole mount's cache goes.
   *
   * <p>A load of the directory's name that races with this may still insert it, under a fresh id
   * with nothing cached below: whatever is looked up in it then goes through the backend, which
   * watches the directory again first, or reports it unwatched again. (A dentry re-keyed by a
   * rename through the VFS at the same moment keeps its id and subtree; only a backend with {@link
   * org.jvfs.spi.Capability#STABLE_NODES} is re-keyed, and the rename's own events in the parent,
   * which a watching backend reports, drop the name afterwards.)
   */
  void forgetDirectory(Mount mount, Node node) {
    if (node.equals(mount.root.node)) {
      invalidateMount(mount);
      return;
    }
    for (Dentry d : directoriesOf(mount, node)) {
      // Removes exactly this value: a dentry cached under the same key since is a fresh load.
      dropPositive(d.key(), d);
    }
    invalidateAttributes(mount, node);
  }

  /**
   * Returns the cached directory dentries of {@code mount} whose node is {@code node} (several
   * where a directory was reached through more than one path), from the index of directory
   * dentries: a pushed invalidation costs a hash lookup, not a scan of the cache. The answer may
   * hold dentries just removed from the cache (harmless: forgetting names under them does nothing),
   * never misses one in it.
   */
  java.util.List<Dentry> directoriesOf(Mount mount, Node node) {
    if (node.equals(mount.root.node)) {
      return java.util.List.of(mount.root);
    }
    Set<Dentry> dirs = directories.get(new AttrKey(mount, node));
    return dirs == null ? java.util.List.of() : java.util.List.copyOf(dirs);
  }

  /**
   * Puts a positive dentry, indexing it first if it is a directory, so that the index always holds
   * every directory dentry in the cache (the removal listener takes dentries out after they left).
   */
  private void putPositive(DentryKey key, Dentry d) {
    stamped(d, d.mount.ttlNanos);
    if (d.isDirectory()) {
      directories.compute(
          new AttrKey(d.mount, d.node),
          (k, set) -> {
            Set<Dentry> out = set == null ? ConcurrentHashMap.newKeySet() : set;
            out.add(d);
            return out;
          });
    }
    positive
        .asMap()
        .compute(
            key,
            (k, old) -> {
              if (old != d) {
                retire(old);
              }
              return d;
            });
  }

  private void unindex(@Nullable Dentry d) {
    if (d != null && d.isDirectory()) {
      directories.computeIfPresent(
          new AttrKey(d.mount, d.node),
          (k, set) -> {
            set.remove(d);
            return set.isEmpty() ? null : set;
          });
    }
  }

  /** Returns true if the index of directories holds {@code d}; for invariant checks. */
  boolean indexed(Dentry d) {
    Set<Dentry> dirs = directories.get(new AttrKey(d.mount, d.node));
    return dirs != null && dirs.contains(d);
  }

  /** Returns the cached positive dentry for a key, or null; for invariant checks. */
  @Nullable Dentry cachedPositive(long parentId, Name name) {
    return positive.getIfPresent(new DentryKey(parentId, name));
  }

  /** Visits every cached positive dentry; for invariant checks. */
  void forEachPositive(java.util.function.Consumer<Dentry> action) {
    positive.asMap().values().forEach(action);
  }

  /** Visits every cached negative key; for invariant checks. */
  void forEachNegative(java.util.function.BiConsumer<DentryKey, Mount> action) {
    negative.asMap().forEach((k, n) -> action.accept(k, n.mount));
    probation.asMap().forEach((k, n) -> action.accept(k, n.mount));
  }

  /** Visits every cached attribute snapshot; for invariant checks. */
  void forEachAttributes(TriConsumer action) {
    attributes.asMap().forEach((k, a) -> action.accept(k.mount, k.node, a.attributes));
  }

  /** A consumer of three arguments. */
  interface TriConsumer {
    void accept(Mount mount, Node node, NodeAttributes attributes);
  }

  /** Drops everything; on close. */
  void clear() {
    positive.asMap().values().removeIf(v -> retiredIf(v, true));
    probation.asMap().values().removeIf(v -> retiredIf(v, true));
    negative.asMap().values().removeIf(v -> retiredIf(v, true));
    attributes.asMap().values().removeIf(v -> retiredIf(v, true));
  }

  CacheStats stats() {
    return new CacheStats(
        hits.sum(),
        negativeHits.sum(),
        misses.sum(),
        loads.sum(),
        evictions.sum(),
        loadsInFlight.get(),
        positive.estimatedSize(),
        negative.estimatedSize() + probation.estimatedSize());
  }
}
