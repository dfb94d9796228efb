package org.jvfs.spi;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One entry of a directory listing.
 *
 * @param name the entry's name
 * @param kind the entry's kind ({@code d_type}); {@link NodeKind#OTHER} where the backend does not
 *     know without a stat
 */
public record DirEntry(Name name, NodeKind kind) {
  /** Checks the components. */
  public DirEntry {
    checkNotNull(name, "name");
    checkNotNull(kind, "kind");
  }
}
