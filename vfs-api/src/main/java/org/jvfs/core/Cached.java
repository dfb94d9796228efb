package org.jvfs.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A value the {@link DentryCache} holds (a positive dentry, a negative one, an attribute snapshot),
 * with what a lookup that rests on it needs to check that it still holds: a version and a deadline.
 * This is the kernel's {@code d_seq} of rcu-walk, per cached value rather than per dentry.
 *
 * <p>The version only changes one way. The cache retires a value ({@link #RETIRED}, for good)
 * before it stops answering for its key: before it is removed or replaced (also by Caffeine's
 * eviction, inside the atomic removal); it bumps the version when the value's key turns pending (a
 * mutation of the name began) while the value stays cached. A value that leaves the cache never
 * comes back (every insert is a new value), so a reader that read version {@code v} (not retired),
 * found the key not pending after that, and later reads {@code v} again knows that the value
 * answered for its key all along.
 *
 * <p>The deadline is the {@link com.github.benmanes.caffeine.cache.Ticker} time at which the value
 * expires by its mount's policy ({@link Long#MAX_VALUE}: never). It is stamped once, before the
 * value is put into the cache, and the cache's expiry reads it, so that a reader and Caffeine agree
 * on when the value stopped answering.
 *
 * <p>Thread-safe: the version is volatile; the deadline is written before the value is published
 * through the cache and never after.
 */
abstract class Cached {
  private static final VarHandle VERSION;

  static {
    try {
      VERSION = MethodHandles.lookup().findVarHandle(Cached.class, "version", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile long version;
  private long deadline = Long.MAX_VALUE;

  /** Returns the current version. */
  final long version() {
    return version;
  }

  /** The version of a value that left the cache: it never answers again. */
  static final long RETIRED = -1;

  /**
   * Bumps the version: every lookup that rests on this value must look again (its key turned
   * pending). A retired value stays retired.
   */
  final void bump() {
    long v;
    do {
      v = version;
      if (v == RETIRED) {
        return;
      }
    } while (!VERSION.compareAndSet(this, v, v + 1));
  }

  /**
   * Retires the value before it leaves the cache (removed, replaced, evicted, expired): it never
   * answers again, and a reader that finds it retired does not rest anything on it.
   */
  final void retire() {
    version = RETIRED;
  }

  /** Returns the ticker time at which this value expires, or {@link Long#MAX_VALUE}. */
  final long deadline() {
    return deadline;
  }

  /** Sets the deadline; once, before the value is cached. */
  final void deadline(long deadline) {
    this.deadline = deadline;
  }

  /** Sets the deadline to {@code now + ttl} (saturating); once, before the value is cached. */
  final void expireAfter(long now, long ttl) {
    if (ttl == Long.MAX_VALUE) {
      deadline = Long.MAX_VALUE;
      return;
    }
    long d = now + ttl;
    deadline = ((now ^ d) & (ttl ^ d)) < 0 ? Long.MAX_VALUE : d;
  }
}
