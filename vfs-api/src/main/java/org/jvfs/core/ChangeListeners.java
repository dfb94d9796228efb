package org.jvfs.core;

import java.util.concurrent.CopyOnWriteArrayList;
import org.jvfs.ChangeListener;

/**
 * The registry of {@link ChangeListener}s of one VFS. Reporting a change costs one volatile read
 * when no one listens. Thread-safe.
 */
final class ChangeListeners {
  private final CopyOnWriteArrayList<ChangeListener> listeners = new CopyOnWriteArrayList<>();

  void add(ChangeListener l) {
    listeners.add(l);
  }

  void remove(ChangeListener l) {
    listeners.remove(l);
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  /**
   * Reports a change of the entry at {@code path} (as the caller spelled it) to every listener.
   * Paths whose last name is {@code .} or {@code ..}, and the root, are not reported.
   */
  void fire(ChangeListener.Kind kind, String path) {
    if (listeners.isEmpty()) {
      return;
    }
    String p = path;
    int end = p.length();
    while (end > 1 && p.charAt(end - 1) == '/') {
      end--;
    }
    p = p.substring(0, end);
    int slash = p.lastIndexOf('/');
    String name = p.substring(slash + 1);
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return;
    }
    String dir = slash <= 0 ? "/" : p.substring(0, slash);
    if (!dir.startsWith("/")) {
      dir = "/" + dir;
    }
    for (ChangeListener l : listeners) {
      try {
        l.changed(kind, dir, name);
      } catch (RuntimeException e) {
        // A listener's failure must not fail the operation that already succeeded.
      }
    }
  }
}
