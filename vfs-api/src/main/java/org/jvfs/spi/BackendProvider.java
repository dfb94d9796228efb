package org.jvfs.spi;

import java.io.IOException;
import java.util.Map;

/**
 * Makes backends of one kind; found with {@link java.util.ServiceLoader}. Implementations have a
 * public no-argument constructor and are thread-safe.
 */
public interface BackendProvider {

  /** Returns the backend kind's name, such as {@code memory} or {@code posix}; lower case. */
  String name();

  /**
   * Makes a backend.
   *
   * @param config backend-specific settings, documented by each provider; unknown keys are refused
   * @return a new backend, owned by the caller
   * @throws IllegalArgumentException for an unknown key or a bad value
   * @throws IOException if the backend cannot be opened
   */
  Backend create(Map<String, ?> config) throws IOException;
}
