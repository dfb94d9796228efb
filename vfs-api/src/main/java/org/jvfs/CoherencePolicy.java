package org.jvfs;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a mount's cached dentries and attribute snapshots stay true to changes made outside the VFS.
 * Changes made through the same {@link Vfs} are always seen at once, whatever the policy.
 *
 * <p>What each policy bounds:
 *
 * <ul>
 *   <li>{@link #PRIVATE}: nothing expires; only this VFS changes the backend.
 *   <li>{@link #ttl(Duration) ttl(d)}: every cached answer (names and attributes) is used for at
 *       most {@code d}.
 *   <li>{@link #watch()}: names are trusted until the backend reports a change (within its
 *       notification delay). Attribute snapshots are used for at most {@link #attributeTtl()}
 *       ({@link #DEFAULT_WATCH_ATTRIBUTE_TTL}, or the bound given to {@link #watch(Duration)}),
 *       because a watch cannot see every change of them: inotify reports a change in the directory
 *       of the name that was used, so a file reached through another hard link (its size, times,
 *       link count) would stay stale forever, and a write through {@code mmap} raises no event at
 *       all. A directory's attributes change with events in that directory, which a backend that
 *       watches directory by directory reports only if it watches that one, not just its parent.
 * </ul>
 *
 * <p>Immutable.
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
     * names are trusted until the backend reports a change, and are stale for at most the backend's
     * notification delay; attribute snapshots also expire after {@link
     * CoherencePolicy#attributeTtl()}. Needs a backend with {@link org.jvfs.spi.Capability#WATCH}.
     */
    WATCH
  }

  /** Only this VFS changes the backend. The default for backends no one else can reach. */
  public static final CoherencePolicy PRIVATE = new CoherencePolicy(Kind.PRIVATE, null);

  /**
   * How long {@link #watch()} uses an attribute snapshot: one second, the order of NFS's shortest
   * attribute cache time (its {@code acregmin} is 3 s), short enough that a change no event reports
   * is seen soon, long enough that a hot file costs one stat a second.
   */
  public static final Duration DEFAULT_WATCH_ATTRIBUTE_TTL = Duration.ofSeconds(1);

  private static final CoherencePolicy WATCH =
      new CoherencePolicy(Kind.WATCH, DEFAULT_WATCH_ATTRIBUTE_TTL);

  private final Kind kind;

  /** The bound of TTL (for everything) or of WATCH (for attributes). */
  private final @Nullable Duration bound;

  private CoherencePolicy(Kind kind, @Nullable Duration bound) {
    this.kind = kind;
    this.bound = bound;
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
   * org.jvfs.spi.Backend#watch}), with attribute snapshots bounded by {@link
   * #DEFAULT_WATCH_ATTRIBUTE_TTL}. Mounting it on a backend without {@link
   * org.jvfs.spi.Capability#WATCH} fails.
   */
  public static CoherencePolicy watch() {
    return WATCH;
  }

  /**
   * Returns the WATCH policy with attribute snapshots used for at most {@code attributeTtl} (see
   * the class comment for why they need a bound).
   *
   * @throws IllegalArgumentException if {@code attributeTtl} is not positive
   */
  public static CoherencePolicy watch(Duration attributeTtl) {
    checkNotNull(attributeTtl, "attributeTtl");
    checkArgument(
        !attributeTtl.isNegative() && !attributeTtl.isZero(),
        "attributeTtl (%s) must be positive",
        attributeTtl);
    return attributeTtl.equals(DEFAULT_WATCH_ATTRIBUTE_TTL)
        ? WATCH
        : new CoherencePolicy(Kind.WATCH, attributeTtl);
  }

  /** Returns the policy's kind. */
  public Kind kind() {
    return kind;
  }

  /** Returns the bound of a TTL policy on every cached answer, or null for other kinds. */
  public @Nullable Duration ttl() {
    return kind == Kind.TTL ? bound : null;
  }

  /**
   * Returns how long an attribute snapshot is used: the bound of a TTL policy, the attribute bound
   * of a WATCH policy, null (as long as it is cached) for PRIVATE.
   */
  public @Nullable Duration attributeTtl() {
    return bound;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CoherencePolicy
        && ((CoherencePolicy) o).kind == kind
        && Objects.equals(((CoherencePolicy) o).bound, bound);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, bound);
  }

  /** Returns {@code PRIVATE}, {@code TTL(PT5S)} or {@code WATCH(attributes PT1S)}. */
  @Override
  public String toString() {
    if (bound == null) {
      return kind.toString();
    }
    return kind == Kind.WATCH ? "WATCH(attributes " + bound + ")" : kind + "(" + bound + ")";
  }
}
