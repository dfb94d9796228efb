package org.jvfs.memory;

import java.util.Map;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendProvider;

/**
 * Makes {@link MemoryBackend}s for {@link java.util.ServiceLoader}, under the name {@code memory}.
 *
 * <p>Configuration keys:
 *
 * <ul>
 *   <li>{@code space}: the store's size in bytes, a {@link Long} (or another integral {@link
 *       Number}, or a decimal string), not negative; default 1 GiB.
 * </ul>
 *
 * <p>Thread-safe and stateless.
 */
public final class MemoryBackendProvider implements BackendProvider {
  /** The configuration key for the store's size in bytes. */
  public static final String SPACE = "space";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public MemoryBackendProvider() {}

  /** Returns {@code memory}. */
  @Override
  public String name() {
    return "memory";
  }

  /**
   * Makes an empty memory backend.
   *
   * @throws NullPointerException if {@code config} is null
   * @throws IllegalArgumentException for a key other than {@code space}, or a bad space value
   */
  @Override
  public Backend create(Map<String, ?> config) {
    MemoryBackend.Builder builder = MemoryBackend.builder();
    for (Map.Entry<String, ?> e : config.entrySet()) {
      if (!SPACE.equals(e.getKey())) {
        throw new IllegalArgumentException(
            "unknown memory backend setting: " + e.getKey() + " (known: " + SPACE + ")");
      }
      builder.totalSpace(space(e.getValue()));
    }
    return builder.build();
  }

  private static long space(Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof String) {
      try {
        return Long.parseLong(((String) value).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("space must be a number of bytes: " + value, e);
      }
    }
    throw new IllegalArgumentException(
        "space must be a Long number of bytes, not " + value.getClass().getName());
  }
}
