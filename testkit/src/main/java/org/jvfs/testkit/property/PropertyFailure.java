package org.jvfs.testkit.property;

import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A property's failure: a case that failed (its seed and shrunk form in the message and in {@link
 * #seed()} and {@link #shrunkCase()}, its failure as the cause), or a coverage requirement not met.
 */
public final class PropertyFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final @Nullable Long seed;
  private final @Nullable String shrunkCase;

  PropertyFailure(String message, @Nullable Throwable cause) {
    this(message, cause, null, null);
  }

  PropertyFailure(
      String message, @Nullable Throwable cause, @Nullable Long seed, @Nullable String shrunkCase) {
    super(message, cause);
    this.seed = seed;
    this.shrunkCase = shrunkCase;
  }

  /** Returns the seed of the failing case ({@code -Djvfs.seed} replays it), if a case failed. */
  public OptionalLong seed() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  /** Returns the shrunk failing case as the report prints it, if a case failed. */
  public Optional<String> shrunkCase() {
    return Optional.ofNullable(shrunkCase);
  }
}
