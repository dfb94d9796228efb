package org.jvfs.spi;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Space figures of a backend's store, in bytes, as {@code statvfs(3)} gives them.
 *
 * @param totalSpace the size of the store
 * @param freeSpace the unallocated bytes
 * @param usableSpace the bytes available to this process
 */
public record StoreInfo(long totalSpace, long freeSpace, long usableSpace) {
  /** Checks that no figure is negative and that usable &lt;= free &lt;= total. */
  public StoreInfo {
    checkArgument(totalSpace >= 0, "totalSpace (%s) must not be negative", totalSpace);
    checkArgument(
        freeSpace >= 0 && freeSpace <= totalSpace,
        "freeSpace (%s) must lie in [0, totalSpace (%s)]",
        freeSpace,
        totalSpace);
    checkArgument(
        usableSpace >= 0 && usableSpace <= freeSpace,
        "usableSpace (%s) must lie in [0, freeSpace (%s)]",
        usableSpace,
        freeSpace);
  }
}
