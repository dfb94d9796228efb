package org.jvfs;

/**
 * A snapshot of the dentry cache's counters since the {@link Vfs} was built.
 *
 * @param hitCount lookups of one component answered by a positive dentry
 * @param negativeHitCount lookups of one component answered by a negative dentry
 * @param missCount lookups of one component the cache could not answer
 * @param loadCount backend lookups started (concurrent misses of one key share one load)
 * @param evictionCount dentries evicted for size or expiry
 * @param loadsInFlight backend lookups running now
 * @param positiveSize positive dentries held now (approximate)
 * @param negativeSize negative dentries held now (approximate)
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
