package org.jvfs;

/**
 * Told of every change made through a {@link Vfs}, after the backend succeeded: an entry created,
 * deleted, or modified (written, truncated, its times or permissions set). Registered with {@link
 * Vfs#addChangeListener}.
 *
 * <p>Changes are reported under the path the operation named, lexically: the directory is that
 * path's parent as spelled by the caller (made absolute), not resolved through symbolic links, so a
 * change made through a link or another hard link is reported under that other name. Changes made
 * behind the VFS's back (by another process on a shared backend) are not reported.
 *
 * <p>Listeners are called on the thread that completed the operation, which may be an IO thread:
 * they must be quick and must not block. An exception a listener throws is ignored.
 */
@FunctionalInterface
public interface ChangeListener {

  /** What happened to an entry. */
  enum Kind {
    /** The entry was created (or a rename or copy put it there). */
    CREATE,
    /** The entry was deleted (or a rename took it away). */
    DELETE,
    /** The entry's content or attributes changed. */
    MODIFY
  }

  /**
   * Reports one change.
   *
   * @param kind what happened
   * @param directory the absolute path of the directory holding the entry, as the caller spelled it
   * @param name the entry's name in that directory
   */
  void changed(Kind kind, String directory, String name);
}
