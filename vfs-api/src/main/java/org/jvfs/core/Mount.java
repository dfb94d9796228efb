package org.jvfs.core;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Set;
import org.jvfs.CoherencePolicy;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Capability;
import org.jvfs.spi.NodeKind;

/**
 * A backend mounted at a path of the VFS, with its coherence policy. Immutable but for a counter of
 * cache drops; thread-safe.
 */
final class Mount {
  final String path;
  final Backend backend;
  final CoherencePolicy policy;
  final Set<Capability> capabilities;
  final Dentry root;

  /** Nanoseconds a cached answer stays valid: Long.MAX_VALUE unless the policy is TTL. */
  final long ttlNanos;

  /**
   * Nanoseconds an attribute snapshot stays valid: the TTL, the WATCH policy's attribute bound, or
   * Long.MAX_VALUE under PRIVATE.
   */
  final long attributeTtlNanos;

  Mount(String path, Backend backend, CoherencePolicy policy, long rootId) {
    this.path = checkNotNull(path);
    this.backend = checkNotNull(backend);
    this.policy = checkNotNull(policy);
    this.capabilities = Set.copyOf(backend.capabilities());
    this.root =
        new Dentry(
            rootId,
            -1,
            null,
            this,
            backend.root(),
            NodeKind.DIRECTORY,
            null,
            new Dentry.DirState());
    java.time.Duration ttl = policy.ttl();
    this.ttlNanos = ttl == null ? Long.MAX_VALUE : ttl.toNanos();
    java.time.Duration attributeTtl = policy.attributeTtl();
    this.attributeTtlNanos = attributeTtl == null ? Long.MAX_VALUE : attributeTtl.toNanos();
  }

  /** How many times this mount's whole cache was dropped; see DentryCache.invalidateMount. */
  private final java.util.concurrent.atomic.AtomicLong drops =
      new java.util.concurrent.atomic.AtomicLong();

  long dropCount() {
    return drops.get();
  }

  void countDrop() {
    drops.incrementAndGet();
  }

  /** The cache clock's tick at this mount's last whole-cache drop; see DentryCache. */
  private volatile long dropTick;

  long dropTick() {
    return dropTick;
  }

  void dropTick(long tick) {
    dropTick = tick;
  }

  boolean has(Capability c) {
    return capabilities.contains(c);
  }

  @Override
  public String toString() {
    return "Mount[" + path + ", " + policy + "]";
  }
}
