package org.jvfs.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
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
 *       cannot evict the working set.
 *   <li>Attributes are keyed by (mount, node), not by dentry, so that hard links share one snapshot
 *       and a write through one name is seen through every other.
 *   <li>Concurrent misses of one key share one backend call through {@link #inflight}. This is a
 *       map of its own rather than Caffeine's {@code AsyncCache} because a load may end negative,
 *       and a negative answer belongs in the negative cache with its own cap. A failed load is
 *       removed and never cached. Readers never wait on an in-flight load unless they asked for IO:
 *       {@link #peek} treats in-flight as a miss.
 *   <li>Insertions are guarded by the parent directory's generation (as the kernel's {@code
 *       d_seq}): a load records the generation before it calls the backend and inserts its answer
 *       only if no mutation of that directory completed meanwhile. The check and the insert, and a
 *       mutation's generation bump and its cache update, happen under the directory's {@link
 *       Dentry.DirState} monitor, which is never held across IO. A mutation also detaches in-flight
 *       loads of the keys it changed, so a lookup that starts after the mutation never joins a load
 *       that started before it.
 *   <li>Attribute snapshots use the same idea with one global epoch: an invalidation bumps the
 *       epoch inside {@code compute} on the key, and a load inserts, inside {@code compute} on the
 *       same key, only if the epoch is the one it saw before calling the backend.
 *   <li>Every mutation updates the cache only after the backend succeeded.
 * </ul>
 *
 * <p>Thread-safe. With caching disabled, nothing is stored and every peek is a miss; loads are
 * still shared.
 */
final class DentryCache {

  /** The answer for a name known to be absent. */
  static final Object ABSENT = new Object();

  private record Negative(Mount mount) {}

  private record AttrKey(Mount mount, Node node) {}

  private record Attrs(Mount mount, NodeAttributes attributes) {}

  private final boolean enabled;
  private final Cache<DentryKey, Dentry> positive;
  private final Cache<DentryKey, Negative> negative;
  private final Cache<AttrKey, Attrs> attributes;

  /** The directory dentries of the positive cache by (mount, node): see {@link #directoriesOf}. */
  private final ConcurrentHashMap<AttrKey, Set<Dentry>> directories = new ConcurrentHashMap<>();

  private final ConcurrentHashMap<DentryKey, CompletableFuture<Object>> inflight =
      new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong attrEpoch = new AtomicLong();

  private final LongAdder hits = new LongAdder();
  private final LongAdder negativeHits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder loads = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final AtomicLong loadsInFlight = new AtomicLong();

  DentryCache(boolean enabled, long maxPositive, long maxNegative) {
    this(enabled, maxPositive, maxNegative, Ticker.systemTicker());
  }

  /** Makes a cache whose TTL expiry reads time from {@code ticker}; tests pass a fake one. */
  DentryCache(boolean enabled, long maxPositive, long maxNegative, Ticker ticker) {
    this(enabled, maxPositive, maxNegative, ticker, Runnable::run);
  }

  /**
   * Makes a cache that runs Caffeine's maintenance (eviction, expiry, removal listeners) on {@code
   * maintenance}. Production uses the calling thread; the Lincheck checks pass one explicitly, so
   * that a change of the production executor cannot move maintenance onto threads the model checker
   * does not control.
   */
  DentryCache(
      boolean enabled, long maxPositive, long maxNegative, Ticker ticker, Executor maintenance) {
    this.enabled = enabled;
    this.positive =
        cache(maxPositive, ticker, maintenance, (DentryKey k, Dentry d) -> d.mount.ttlNanos)
            .evictionListener((k, v, cause) -> evictions.increment())
            .removalListener((DentryKey k, Dentry v, RemovalCause cause) -> unindex(v))
            .build();
    this.negative =
        cache(maxNegative, ticker, maintenance, (DentryKey k, Negative n) -> n.mount.ttlNanos)
            .evictionListener((k, v, cause) -> evictions.increment())
            .build();
    this.attributes =
        cache(maxPositive, ticker, maintenance, (AttrKey k, Attrs a) -> a.mount.ttlNanos).build();
  }

  /**
   * Returns a builder of a cache of at most {@code maximumSize} entries that expire by {@code ttl}
   * (see {@link #expiry}) and does its maintenance on {@code maintenance}.
   */
  private static <K, V> Caffeine<K, V> cache(
      long maximumSize, Ticker ticker, Executor maintenance, Ttl<K, V> ttl) {
    return Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .ticker(ticker)
        .expireAfter(expiry(ttl))
        .executor(maintenance);
  }

  private interface Ttl<K, V> {
    long nanos(K key, V value);
  }

  /** An expiry by the mount's policy: Long.MAX_VALUE (never) unless TTL; refreshed on update. */
  private static <K, V> Expiry<K, V> expiry(Ttl<K, V> ttl) {
    return new Expiry<>() {
      @Override
      public long expireAfterCreate(K key, V value, long currentTime) {
        return ttl.nanos(key, value);
      }

      @Override
      public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
        return ttl.nanos(key, value);
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
    if (!enabled) {
      misses.increment();
      return null;
    }
    DentryKey key = new DentryKey(dir.id, name);
    Dentry d = positive.getIfPresent(key);
    if (d != null) {
      hits.increment();
      return d;
    }
    if (negative.getIfPresent(key) != null) {
      negativeHits.increment();
      return ABSENT;
    }
    misses.increment();
    return null;
  }

  /**
   * Loads {@code name} in {@code dir} through {@code call}, sharing the load with concurrent
   * callers, and caches the answer if no mutation of {@code dir} completed meanwhile.
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
    long generation = state.generation();
    long epoch = attrEpoch.get();
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
              if (state.generation == generation && dir.mount.dropCount() == dropped) {
                inserted = true;
                if (answer instanceof Dentry d) {
                  putPositive(key, d);
                  negative.invalidate(key);
                } else {
                  // No mutation through the cache completed since the load began, so a cached
                  // positive entry is older than this answer (a delete whose backend call is done
                  // but whose cache update is not): left in place, peek would report a HIT for the
                  // name this load just found absent.
                  negative.put(key, new Negative(dir.mount));
                  positive.invalidate(key);
                }
              }
            }
            if (inserted && dir.mount.dropCount() != dropped) {
              // The mount's cache was dropped while this answer went in; the drop's sweep may have
              // passed the key already, so take the answer out again (see invalidateMount).
              if (answer instanceof Dentry d) {
                positive.asMap().remove(key, d);
              } else {
                negative.invalidate(key);
              }
            }
            if (info != null) {
              putAttributes(dir.mount, info.node(), info.attributes(), epoch);
            }
          }
          inflight.remove(key, mine);
          mine.complete(answer);
        });
    return mine;
  }

  /** Returns the cached attributes of a node, or null. Never blocks. */
  @Nullable NodeAttributes peekAttributes(Mount mount, Node node) {
    if (!enabled) {
      return null;
    }
    Attrs a = attributes.getIfPresent(new AttrKey(mount, node));
    return a == null ? null : a.attributes;
  }

  /**
   * Returns the epoch a caller reads before fetching attributes to cache with {@link
   * #putAttributes}.
   */
  long attributeEpoch() {
    return attrEpoch.get();
  }

  /** Caches attributes fetched after {@code epoch} was read, unless an invalidation came since. */
  void putAttributes(Mount mount, Node node, NodeAttributes attrs, long epoch) {
    if (!enabled) {
      return;
    }
    attributes
        .asMap()
        .compute(
            new AttrKey(mount, node),
            (k, old) -> attrEpoch.get() == epoch ? new Attrs(mount, attrs) : old);
  }

  /** Forgets a node's attributes after a change; later loads that started earlier are refused. */
  void invalidateAttributes(Mount mount, Node node) {
    attributes
        .asMap()
        .compute(
            new AttrKey(mount, node),
            (k, old) -> {
              attrEpoch.incrementAndGet();
              return null;
            });
  }

  /** Replaces a symlink dentry by one that carries its target, if it is still the cached one. */
  void rememberSymlinkTarget(Dentry link, String target) {
    if (enabled && link.name != null) {
      positive.asMap().replace(link.key(), link, link.withSymlinkTarget(target));
    }
  }

  /**
   * Returns the generation of a directory, which a mutation reads before its backend call and hands
   * to {@link #added}, {@link #removed} or {@link #renamed}.
   */
  long generation(Dentry dir) {
    return dir.dirState().generation();
  }

  /**
   * Records that {@code name} now exists in {@code dir}, after the backend made it.
   *
   * @param generation the directory's {@link #generation} read before the backend call: if another
   *     mutation of the directory completed since, its backend call may have come after this one,
   *     so the name is forgotten (loaded again on demand) rather than asserted
   */
  Dentry added(Dentry dir, Name name, NodeInfo info, long generation) {
    Dentry d = newDentry(dir, name, info);
    DentryKey key = new DentryKey(dir.id, name);
    Dentry.DirState state = dir.dirState();
    synchronized (state) {
      boolean alone = state.generation == generation;
      state.generation++;
      inflight.remove(key);
      if (enabled) {
        negative.invalidate(key);
        if (alone) {
          putPositive(key, d);
        } else {
          positive.invalidate(key);
        }
      }
    }
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
   * Records that {@code name} no longer exists in {@code dir}, after the backend removed it.
   *
   * @param generation the directory's {@link #generation} read before the backend call; see {@link
   *     #added}
   */
  void removed(Dentry dir, Name name, @Nullable Node node, long generation) {
    DentryKey key = new DentryKey(dir.id, name);
    Dentry.DirState state = dir.dirState();
    synchronized (state) {
      boolean alone = state.generation == generation;
      state.generation++;
      inflight.remove(key);
      if (enabled) {
        positive.invalidate(key);
        if (alone) {
          negative.put(key, new Negative(dir.mount));
        } else {
          negative.invalidate(key);
        }
      }
    }
    invalidateAttributes(dir.mount, dir.node);
    if (node != null) {
      invalidateAttributes(dir.mount, node);
    }
  }

  /**
   * Forgets whatever is cached for {@code name} in {@code dir}, when the VFS cannot tell the new
   * state (a failed or partial mutation).
   */
  void forget(Dentry dir, Name name) {
    DentryKey key = new DentryKey(dir.id, name);
    Dentry.DirState state = dir.dirState();
    synchronized (state) {
      state.generation++;
      inflight.remove(key);
      positive.invalidate(key);
      negative.invalidate(key);
    }
    invalidateAttributes(dir.mount, dir.node);
  }

  /**
   * Records a rename after the backend did it. With stable nodes the moved dentry is re-keyed (its
   * cached subtree stays reachable); otherwise the target is forgotten and loaded again. If another
   * mutation of either directory completed since the generations were read (before the backend
   * call), both names are forgotten instead, as in {@link #added}.
   */
  void renamed(
      Dentry fromDir,
      Name fromName,
      Dentry toDir,
      Name toName,
      Dentry moved,
      @Nullable Dentry replaced,
      boolean stableNodes,
      long fromGeneration,
      long toGeneration) {
    DentryKey from = new DentryKey(fromDir.id, fromName);
    DentryKey to = new DentryKey(toDir.id, toName);
    Dentry.DirState first = fromDir.id <= toDir.id ? fromDir.dirState() : toDir.dirState();
    Dentry.DirState second = fromDir.id <= toDir.id ? toDir.dirState() : fromDir.dirState();
    synchronized (first) {
      synchronized (second) {
        // The caller resolved the moved dentry before it read the generations: if the source was
        // replaced in between (deleted and made anew), the backend moved the new node, and
        // re-keying the old dentry would bind the target to a node that is gone. The cached
        // dentry of the source tells: a replacement through the VFS put a new one there.
        Dentry source = positive.getIfPresent(from);
        boolean alone =
            fromDir.dirState().generation == fromGeneration
                && toDir.dirState().generation == toGeneration
                && (!stableNodes || (source != null && source.id == moved.id));
        fromDir.dirState().generation++;
        if (second != first) {
          toDir.dirState().generation++;
        }
        inflight.remove(from);
        inflight.remove(to);
        if (enabled) {
          positive.invalidate(from);
          negative.invalidate(to);
          if (!alone) {
            negative.invalidate(from);
            positive.invalidate(to);
          } else if (stableNodes) {
            negative.put(from, new Negative(fromDir.mount));
            putPositive(to, moved.rekeyed(toDir.id, toName));
          } else {
            negative.put(from, new Negative(fromDir.mount));
            positive.invalidate(to);
          }
        }
      }
    }
    invalidateAttributes(fromDir.mount, fromDir.node);
    invalidateAttributes(toDir.mount, toDir.node);
    invalidateAttributes(moved.mount, moved.node);
    if (replaced != null) {
      invalidateAttributes(replaced.mount, replaced.node);
    }
  }

  /** Drops every cached answer of one mount (a watch queue overflowed, say). */
  void invalidateMount(Mount mount) {
    // Count the drop before sweeping: a load that inserts before the count changes is swept (the
    // sweep starts after the count and sees every entry present when it starts); a load that
    // inserts after sees the new count and takes its answer out again. Attribute puts check the
    // epoch inside compute, so bumping it first refuses the ones that started before.
    mount.countDrop();
    attrEpoch.incrementAndGet();
    positive.asMap().values().removeIf(d -> d.mount == mount);
    negative.asMap().values().removeIf(n -> n.mount == mount);
    attributes.asMap().values().removeIf(a -> a.mount == mount);
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
    if (d.isDirectory()) {
      directories.compute(
          new AttrKey(d.mount, d.node),
          (k, set) -> {
            Set<Dentry> out = set == null ? ConcurrentHashMap.newKeySet() : set;
            out.add(d);
            return out;
          });
    }
    positive.put(key, d);
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
    positive.invalidateAll();
    negative.invalidateAll();
    attributes.invalidateAll();
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
        negative.estimatedSize());
  }
}
