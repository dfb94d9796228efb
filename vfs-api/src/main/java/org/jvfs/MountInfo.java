package org.jvfs;

import java.util.Set;
import org.jvfs.spi.Capability;

/**
 * The mount that holds a path: where it is mounted and what its backend can do. From {@link
 * Vfs#mountOf}. Immutable.
 *
 * @param mountPoint the absolute path the backend is mounted at
 * @param capabilities the backend's capabilities
 */
public record MountInfo(String mountPoint, Set<Capability> capabilities) {
  /** Copies the capabilities. */
  public MountInfo {
    capabilities = Set.copyOf(capabilities);
  }

  /** Returns true if the backend has {@code capability}. */
  public boolean has(Capability capability) {
    return capabilities.contains(capability);
  }
}
