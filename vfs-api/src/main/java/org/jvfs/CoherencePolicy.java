package org.jvfs;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a mount's cached dentries stay true to changes made outside the VFS. Changes made through the
 * same {@link Vfs} are always seen at once, whatever the policy. Immutable.
 */
public final class CoherencePolicy {

  /** The kinds of policy. */
  public enum Kind {
    /** Only this VFS changes the backend: cached answers are trusted until evicted. */
    PRIVATE,
    /** Cached answers older than a bound are revalidated, as NFS attribute caching does. */
    TTL,
    /**
     * The backend pushes invalidations for changes made outside the VFS (inotify, say): cached
     * answers are trusted until the backend reports a change. Stale for at most the backend's
     * notification delay; needs a backend with {@link org.jvfs.spi.Capability#WATCH}.
     */
    WATCH
  }

  /** Only this VFS changes the backend. The default for backends no one else can reach. */
  public static final CoherencePolicy PRIVATE = new CoherencePolicy(Kind.PRIVATE, null);

  private static final CoherencePolicy WATCH = new CoherencePolicy(Kind.WATCH, null);

  private final Kind kind;
  private final @Nullable Duration ttl;

  private CoherencePolicy(Kind kind, @Nullable Duration ttl) {
    this.kind = kind;
    this.ttl = ttl;
  }

  /**
   * Returns a policy under which no cached answer is older than {@code ttl}.
   *
   * @throws IllegalArgumentException if {@code ttl} is not positive
   */
  public static CoherencePolicy ttl(Duration ttl) {
    checkNotNull(ttl, "ttl");
    checkArgument(!ttl.isNegative() && !ttl.isZero(), "ttl (%s) must be positive", ttl);
    return new CoherencePolicy(Kind.TTL, ttl);
  }

  /**
   * Returns the policy under which the backend reports changes made outside the VFS ({@link
   * org.jvfs.spi.Backend#watch}). Mounting it on a backend without {@link
   * org.jvfs.spi.Capability#WATCH} fails.
   */
  public static CoherencePolicy watch() {
    return WATCH;
  }

  /** Returns the policy's kind. */
  public Kind kind() {
    return kind;
  }

  /** Returns the bound of a TTL policy, or null for other kinds. */
  public @Nullable Duration ttl() {
    return ttl;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CoherencePolicy
        && ((CoherencePolicy) o).kind == kind
        && Objects.equals(((CoherencePolicy) o).ttl, ttl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, ttl);
  }

  @Override
  public String toString() {
    return ttl == null ? kind.toString() : kind + "(" + ttl + ")";
  }
}
