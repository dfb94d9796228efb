package org.jvfs;

/**
 * A snapshot of the dentry cache's counters since the {@link Vfs} was built. A {@link
 * Vfs#lookupNow} answered whole from the front cache (a path answered before whose answer still
 * holds) looks up no component and counts nothing here: counting it would write shared memory on
 * the path that is meant to cost a memory read.
 *
 * @param hitCount lookups of one component answered by a positive dentry
 * @param negativeHitCount lookups of one component answered by a negative dentry
 * @param missCount lookups of one component the cache could not answer
 * @param loadCount backend lookups started (concurrent misses of one key share one load)
 * @param evictionCount dentries evicted for size or expiry
 * @param loadsInFlight backend lookups running now
 * @param positiveSize positive dentries held now (approximate)
 * @param negativeSize negative dentries held now, those in probation (seen once) included
 *     (approximate)
 */
public record CacheStats(
    long hitCount,
    long negativeHitCount,
    long missCount,
    long loadCount,
    long evictionCount,
    long loadsInFlight,
    long positiveSize,
    long negativeSize) {}
