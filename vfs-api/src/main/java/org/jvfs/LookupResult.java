package org.jvfs;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.MoreObjects;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.NodeAttributes;

/**
 * The answer to a lookup: {@link Status#HIT} with the node's attributes, {@link Status#ABSENT}, or
 * (only from {@link Vfs#lookupNow}) {@link Status#MISS}, meaning the cache cannot tell without IO.
 * Immutable.
 */
public final class LookupResult {

  /** What a lookup found. */
  public enum Status {
    /** The path exists; {@link LookupResult#attributes()} holds its attributes. */
    HIT,
    /** The path does not exist (or a component of it is not a directory). */
    ABSENT,
    /** The cache cannot tell without IO; call {@link Vfs#lookup}. Only from lookupNow. */
    MISS
  }

  private static final LookupResult ABSENT = new LookupResult(Status.ABSENT, null);
  private static final LookupResult MISS = new LookupResult(Status.MISS, null);

  private final Status status;
  private final @Nullable NodeAttributes attributes;

  private LookupResult(Status status, @Nullable NodeAttributes attributes) {
    this.status = status;
    this.attributes = attributes;
  }

  /** Returns a hit with the given attributes. */
  public static LookupResult hit(NodeAttributes attributes) {
    return new LookupResult(Status.HIT, checkNotNull(attributes, "attributes"));
  }

  /** Returns the shared ABSENT answer. */
  public static LookupResult absent() {
    return ABSENT;
  }

  /** Returns the shared MISS answer. */
  public static LookupResult miss() {
    return MISS;
  }

  /** Returns the status. */
  public Status status() {
    return status;
  }

  /** Returns true if the status is {@link Status#HIT}. */
  public boolean isHit() {
    return status == Status.HIT;
  }

  /** Returns the attributes of a hit, or null for ABSENT and MISS. */
  public @Nullable NodeAttributes attributes() {
    return attributes;
  }

  @Override
  public String toString() {
    return MoreObjects.toStringHelper(this)
        .omitNullValues()
        .add("status", status)
        .add("attributes", attributes)
        .toString();
  }
}
