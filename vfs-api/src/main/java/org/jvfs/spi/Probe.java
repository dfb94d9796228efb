package org.jvfs.spi;

import static com.google.common.base.Preconditions.checkNotNull;

import org.jspecify.annotations.Nullable;

/**
 * The answer of a nonblocking probe: found (with the node), absent, or unknown (the backend cannot
 * tell without blocking). Immutable.
 */
public final class Probe {
  private static final Probe UNKNOWN = new Probe(false, null);
  private static final Probe ABSENT = new Probe(true, null);

  private final boolean known;
  private final @Nullable NodeInfo info;

  private Probe(boolean known, @Nullable NodeInfo info) {
    this.known = known;
    this.info = info;
  }

  /** The backend cannot answer without blocking. */
  public static Probe unknown() {
    return UNKNOWN;
  }

  /** The name is known to be absent. */
  public static Probe absent() {
    return ABSENT;
  }

  /** The name was found. */
  public static Probe found(NodeInfo info) {
    return new Probe(true, checkNotNull(info, "info"));
  }

  /** Returns true if the probe answered (found or absent). */
  public boolean isKnown() {
    return known;
  }

  /** Returns the node found, or null if absent or unknown. */
  public @Nullable NodeInfo info() {
    return info;
  }
}
