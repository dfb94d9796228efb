package org.jvfs.core;

import org.jvfs.spi.Name;

/**
 * The cache key of a child: its parent dentry's id and its name.
 *
 * <p>The hash mixes both parts: the record's default ({@code 31 * parent + name}) collides heavily
 * for sequential ids and names that differ in their last characters ({@code d001/f0042}, {@code
 * d002/f0011}), which turned hash-table bins into trees on the lookup path.
 *
 * @param parentId the parent dentry's VFS-assigned id
 * @param name the child's name
 */
record DentryKey(long parentId, Name name) {
  @Override
  public int hashCode() {
    // A 64-bit finalizer (MurmurHash3's fmix64 constants) over the id and the name's hash.
    long h = parentId * 0x9E3779B97F4A7C15L ^ name.hashCode();
    h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
    h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return (int) (h ^ (h >>> 33));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DentryKey k && k.parentId == parentId && k.name.equals(name);
  }
}
