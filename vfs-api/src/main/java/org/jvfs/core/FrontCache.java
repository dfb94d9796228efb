package org.jvfs.core;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;
import org.jvfs.LookupResult;

/**
 * The answers of recent nonblocking lookups, keyed by the whole path string, so that a repeated
 * {@code lookupNow} costs one probe of a table and a few volatile reads instead of a parse and a
 * walk: Linux's rcu-walk, in the shape of a front cache. Each entry keeps the answer (a HIT with
 * its attributes snapshot, or ABSENT) with its {@link Footprint}: every cached value the walk read,
 * with the version it read. A use checks that every version is unchanged and no deadline has
 * passed; then every value still answered for its key at the instant of the first check (versions
 * only grow, and the dentry cache bumps a value's version before it stops answering), so the walk
 * would have given the same answer then. Anything else is a miss, and the caller walks.
 *
 * <h2>Implementation notes</h2>
 *
 * <ul>
 *   <li>The table is a power-of-two array of sets of {@value #WAYS} slots, indexed by the path's
 *       hash. A use reads at most {@value #WAYS} slots, takes no lock, writes nothing but, the
 *       first time an entry is used, its referenced bit, and allocates nothing. An entry that
 *       failed its check stays until a walk of the same path (or an insert into a full set)
 *       replaces it.
 *   <li>Inserts: a new answer replaces the path's own entry, else takes a free slot or one whose
 *       entry fails its check. Into a full set of live entries it is admitted only if its path was
 *       offered before (a doorkeeper: a table of path hashes, one per slot, overwritten freely),
 *       and then takes the slot of an entry not used since the last sweep (CLOCK: an entry's
 *       referenced bit gives it a second chance). A flood of one-shot lookups therefore fills free
 *       slots and then bounces off the doorkeeper, and never pushes out the hot paths.
 *   <li>Races between inserts are benign: the last write of a slot wins, and a lost entry is only a
 *       miss. Entries are immutable but for the referenced bit, and published through the array.
 * </ul>
 *
 * <p>Thread-safe. Never blocks, never does IO.
 */
final class FrontCache {
  /** Slots per set. */
  static final int WAYS = 4;

  private final AtomicReferenceArray<@Nullable Entry> table;
  private final int[] doorkeeper;
  private final int mask;
  private final Ticker ticker;

  /** One cached answer. */
  static final class Entry {
    final String path;
    final int hash;
    final boolean follow;
    final LookupResult result;
    private final Cached[] values;
    private final long[] versions;
    private final long deadline;

    /** Set on the first use since the last sweep; plain, as a lost write only costs a chance. */
    boolean referenced;

    Entry(String path, int hash, boolean follow, LookupResult result, Footprint footprint) {
      this.path = path;
      this.hash = hash;
      this.follow = follow;
      this.result = result;
      this.values = footprint.values();
      this.versions = footprint.versions();
      this.deadline = footprint.deadline();
    }

    /** Returns true if every value is as it was when recorded and none has expired. */
    boolean holds(Ticker ticker) {
      Cached[] v = values;
      long[] n = versions;
      for (int i = 0; i < v.length; i++) {
        if (v[i].version() != n[i]) {
          return false;
        }
      }
      return deadline == Long.MAX_VALUE || ticker.read() - deadline < 0;
    }
  }

  /**
   * Makes a front cache of about {@code slots} entries (rounded up to a power of two, at least
   * {@value #WAYS}) whose deadlines are read from {@code ticker}, the dentry cache's.
   */
  FrontCache(int slots, Ticker ticker) {
    int n = Integer.highestOneBit(Math.max(WAYS, slots) - 1) << 1;
    this.table = new AtomicReferenceArray<>(n);
    this.doorkeeper = new int[n];
    this.mask = n - 1;
    this.ticker = ticker;
  }

  /** Returns the number of slots. */
  int capacity() {
    return mask + 1;
  }

  /**
   * Returns the answer cached for {@code path} if it still holds, else null. Never blocks, never
   * allocates.
   */
  @Nullable LookupResult get(String path, boolean follow) {
    int h = spread(path.hashCode());
    int base = h & mask & -WAYS;
    for (int w = 0; w < WAYS; w++) {
      Entry e = table.get(base + w);
      if (e != null && e.hash == h && e.follow == follow && e.path.equals(path)) {
        if (!e.holds(ticker)) {
          return null;
        }
        if (!e.referenced) {
          e.referenced = true;
        }
        return e.result;
      }
    }
    return null;
  }

  /**
   * Offers the answer of a walk of {@code path} that rests on {@code footprint}; see the class
   * notes for when it is kept. The caller offers only HIT and ABSENT answers of walks that read
   * every value through the cache.
   */
  void offer(String path, boolean follow, LookupResult result, Footprint footprint) {
    int h = spread(path.hashCode());
    int base = h & mask & -WAYS;
    int free = -1;
    for (int w = 0; w < WAYS; w++) {
      Entry e = table.get(base + w);
      if (e == null || (e.hash == h && e.follow == follow && e.path.equals(path))) {
        table.set(base + w, new Entry(path, h, follow, result, footprint));
        return;
      }
      if (free < 0 && !e.holds(ticker)) {
        free = base + w;
      }
    }
    if (free >= 0) {
      table.set(free, new Entry(path, h, follow, result, footprint));
      return;
    }
    int door = Integer.rotateLeft(h, 16) & mask;
    if (doorkeeper[door] != h) {
      doorkeeper[door] = h;
      return;
    }
    table.set(victim(base), new Entry(path, h, follow, result, footprint));
  }

  /** Returns the slot of the set to replace: the first entry not used since the last sweep. */
  private int victim(int base) {
    for (int round = 0; round < 2; round++) {
      for (int w = 0; w < WAYS; w++) {
        Entry e = table.get(base + w);
        if (e == null || !e.referenced) {
          return base + w;
        }
        e.referenced = false;
      }
    }
    return base;
  }

  /** Drops every entry; on close. */
  void clear() {
    for (int i = 0; i < table.length(); i++) {
      table.set(i, null);
    }
  }

  private static int spread(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 15);
  }
}
