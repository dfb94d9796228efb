package org.jvfs.core;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Invalidations;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;

/**
 * The sink a watching backend reports to for one mount under the WATCH policy: a changed name drops
 * its dentry (positive or negative, which orphans a cached subtree) and the attributes of the
 * directory and of the entry; a directory no longer watched drops its own dentries (and so its
 * subtree) and attributes; an overflow drops the whole mount's cache. Thread-safe, never blocks on
 * IO.
 */
final class MountInvalidations implements Invalidations {
  private final DentryCache cache;
  private final Mount mount;

  MountInvalidations(DentryCache cache, Mount mount) {
    this.cache = cache;
    this.mount = mount;
  }

  @Override
  public void changed(Node dir, @Nullable Name name) {
    List<Dentry> dirs = cache.directoriesOf(mount, dir);
    cache.invalidateAttributes(mount, dir);
    if (name == null) {
      return;
    }
    for (Dentry d : dirs) {
      Dentry child = cache.cachedPositive(d.id, name);
      cache.forget(d, name);
      if (child != null) {
        cache.invalidateAttributes(mount, child.node);
      }
    }
  }

  @Override
  public void unwatched(Node dir) {
    cache.forgetDirectory(mount, dir);
  }

  @Override
  public void overflow() {
    cache.invalidateMount(mount);
  }
}
