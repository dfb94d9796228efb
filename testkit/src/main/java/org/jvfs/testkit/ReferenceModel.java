package org.jvfs.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.NodeKind;

/**
 * A deliberately simple, single-threaded model of a POSIX tree, to check a file system against.
 *
 * <p>It holds directories, files (whole byte content), symbolic links and hard links (names that
 * share one file object). Paths are absolute strings, resolved as Linux resolves them: {@code ..}
 * after symbolic links, against the physical tree, never above the root; at most {@value
 * #MAX_SYMLINKS} links per resolution. Each operation returns an {@link Outcome}: a value or the
 * class of the exception the JDK's default provider throws for the same call on Linux.
 *
 * <p>Deliberate simplifications: no times, permissions or owners; sizes are compared for files
 * only. A {@link #rename} with {@code REPLACE_EXISTING} that then fails with {@code EINVAL} (a
 * directory moved into itself) has removed its target only where the target's kind (directory or
 * not) differs from the source's; the JDK removes it in every case, but a file system that renames
 * a directory over an empty one atomically, as {@code rename(2)} does, keeps it.
 *
 * <p>Not thread-safe.
 */
public final class ReferenceModel {

  /** Creates a model of an empty file system: a root directory and nothing else. */
  public ReferenceModel() {}

  /** The most symbolic links one resolution follows, as Linux's {@code MAXSYMLINKS}. */
  public static final int MAX_SYMLINKS = 40;

  /** What {@link #stat} and {@link #lookup} report: the kind, and the size of a file (else -1). */
  public record Stat(NodeKind kind, long size) {}

  /** The value of a lookup of an absent path. */
  public static final String ABSENT = "ABSENT";

  private abstract static class Node {}

  private static final class Dir extends Node {
    final TreeMap<String, Node> entries = new TreeMap<>();
    @Nullable Dir parent;

    Dir(@Nullable Dir parent) {
      this.parent = parent;
    }
  }

  private static final class FileNode extends Node {
    byte[] content = new byte[0];
  }

  private static final class Link extends Node {
    final String target;

    Link(String target) {
      this.target = target;
    }
  }

  /** A failure of the model, carrying the JDK exception class. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final Class<? extends Throwable> type;

    Failure(Class<? extends Throwable> type) {
      super(type.getSimpleName(), null, false, false);
      this.type = type;
    }
  }

  /** Where a resolution ended: the directory holding the name, the name, and what is there. */
  private record Res(@Nullable Dir parent, @Nullable String name, @Nullable Node node) {}

  private final Dir root = new Dir(null);

  // ---- resolution ----

  private static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    for (String part : path.split("/", -1)) {
      if (!part.isEmpty() && !part.equals(".")) {
        out.add(part);
      }
    }
    return out;
  }

  private Res resolve(String path, boolean followFinal) throws Failure {
    Deque<String> pending = new ArrayDeque<>(split(path));
    Deque<Dir> stack = new ArrayDeque<>();
    stack.push(root);
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.removeFirst();
      if (part.equals("..")) {
        if (stack.size() > 1) {
          stack.pop();
        }
        if (pending.isEmpty()) {
          break;
        }
        continue;
      }
      Dir dir = stack.peek();
      Node node = dir.entries.get(part);
      boolean last = pending.isEmpty();
      if (node == null) {
        if (last) {
          return new Res(dir, part, null);
        }
        throw new Failure(NoSuchFileException.class);
      }
      if (node instanceof Link link && (!last || followFinal)) {
        if (++links > MAX_SYMLINKS) {
          throw new Failure(FileSystemLoopException.class);
        }
        if (link.target.isEmpty()) {
          throw new Failure(NoSuchFileException.class);
        }
        if (link.target.startsWith("/")) {
          while (stack.size() > 1) {
            stack.pop();
          }
        }
        List<String> parts = split(link.target);
        for (int i = parts.size() - 1; i >= 0; i--) {
          pending.addFirst(parts.get(i));
        }
        continue;
      }
      if (last) {
        return new Res(dir, part, node);
      }
      if (!(node instanceof Dir)) {
        throw notADirectory();
      }
      stack.push((Dir) node);
    }
    return new Res(null, null, stack.peek());
  }

  private static Failure notADirectory() {
    return new Failure(FileSystemException.class);
  }

  private interface Body {
    Object run() throws Failure;
  }

  private static Outcome outcome(Body body) {
    try {
      Object v = body.run();
      return v == null ? Outcome.DONE : Outcome.of(v);
    } catch (Failure f) {
      return Outcome.failure(f.type);
    }
  }

  private static Stat statOf(Node n) {
    if (n instanceof Dir) {
      return new Stat(NodeKind.DIRECTORY, -1);
    }
    if (n instanceof Link) {
      return new Stat(NodeKind.SYMLINK, -1);
    }
    return new Stat(NodeKind.FILE, ((FileNode) n).content.length);
  }

  /** Returns the hex form of file content, the value of {@link #read}. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static boolean isAncestorOrSelf(Dir ancestor, Dir dir) {
    for (Dir d = dir; d != null; d = d.parent) {
      if (d == ancestor) {
        return true;
      }
    }
    return false;
  }

  // ---- operations ----

  /** {@code Files.createDirectory}. */
  public Outcome mkdir(String path) {
    return outcome(() -> mkdirInternal(path));
  }

  private @Nullable Object mkdirInternal(String path) throws Failure {
    Res r = resolve(path, false);
    if (r.node != null || r.parent == null || r.name == null) {
      throw new Failure(FileAlreadyExistsException.class);
    }
    r.parent.entries.put(r.name, new Dir(r.parent));
    return null;
  }

  /**
   * {@code Files.createDirectories} for a path without {@code ..}, step by step as the JDK does it:
   * try the whole path; failing that (other than with FileAlreadyExistsException), find the nearest
   * existing ancestor and make each name below it.
   */
  public Outcome createDirectories(String path) {
    checkArgument(!split(path).contains(".."), "path (%s) must not contain ..", path);
    return outcome(
        () -> {
          try {
            createAndCheckIsDirectory(path);
            return null;
          } catch (Failure f) {
            if (f.type == FileAlreadyExistsException.class) {
              throw f;
            }
          }
          List<String> parts = split(path);
          int existing = parts.size() - 1;
          while (existing > 0) {
            try {
              if (resolve(prefix(parts, existing), true).node != null) {
                break;
              }
            } catch (Failure f) {
              if (f.type != NoSuchFileException.class) {
                throw f;
              }
            }
            existing--;
          }
          for (int i = existing + 1; i <= parts.size(); i++) {
            createAndCheckIsDirectory(prefix(parts, i));
          }
          return null;
        });
  }

  private static String prefix(List<String> parts, int n) {
    return "/" + String.join("/", parts.subList(0, n));
  }

  private void createAndCheckIsDirectory(String path) throws Failure {
    try {
      mkdirInternal(path);
    } catch (Failure f) {
      if (f.type != FileAlreadyExistsException.class) {
        throw f;
      }
      boolean isDirectory;
      try {
        isDirectory = resolve(path, true).node instanceof Dir;
      } catch (Failure g) {
        isDirectory = false;
      }
      if (!isDirectory) {
        throw f;
      }
    }
  }

  /** Resolves (following links) a file to open for writing, creating it if asked. */
  private FileNode openForWrite(String path, boolean create) throws Failure {
    Res r = resolve(path, true);
    if (r.node == null) {
      if (!create) {
        throw new Failure(NoSuchFileException.class);
      }
      FileNode f = new FileNode();
      r.parent.entries.put(r.name, f);
      return f;
    }
    if (r.node instanceof Dir) {
      throw new Failure(FileSystemException.class); // EISDIR
    }
    return (FileNode) r.node;
  }

  /** {@code Files.write(path, bytes)}: create or truncate, then write. */
  public Outcome write(String path, byte[] bytes) {
    byte[] copy = bytes.clone();
    return outcome(
        () -> {
          openForWrite(path, true).content = copy;
          return null;
        });
  }

  /** Opens with {@code APPEND} (and {@code CREATE} if {@code create}) and writes {@code bytes}. */
  public Outcome append(String path, byte[] bytes, boolean create) {
    return outcome(
        () -> {
          FileNode f = openForWrite(path, create);
          byte[] grown = Arrays.copyOf(f.content, f.content.length + bytes.length);
          System.arraycopy(bytes, 0, grown, f.content.length, bytes.length);
          f.content = grown;
          return null;
        });
  }

  /** Opens with {@code WRITE} and cuts the file to {@code size} if it is longer. */
  public Outcome truncate(String path, long size) {
    checkArgument(size >= 0, "size (%s) must not be negative", size);
    return outcome(
        () -> {
          FileNode f = openForWrite(path, false);
          if (f.content.length > size) {
            f.content = Arrays.copyOf(f.content, (int) size);
          }
          return null;
        });
  }

  /** {@code Files.readAllBytes}; the value is the content in hex ({@link #hex}). */
  public Outcome read(String path) {
    return outcome(
        () -> {
          Node n = resolve(path, true).node;
          if (n == null) {
            throw new Failure(NoSuchFileException.class);
          }
          if (n instanceof Dir) {
            throw new Failure(FileSystemException.class); // EISDIR on read
          }
          return hex(((FileNode) n).content);
        });
  }

  /** {@code Files.move(source, target)}, with or without {@code REPLACE_EXISTING}. */
  public Outcome rename(String source, String target, boolean replace) {
    return outcome(
        () -> {
          Res s = resolve(source, false);
          if (s.node == null) {
            throw new Failure(NoSuchFileException.class);
          }
          Res t = resolve(target, false);
          if (t.node == s.node) {
            return null;
          }
          if (s.parent == null || t.parent == null) {
            throw new Failure(FileSystemException.class); // EBUSY
          }
          if (t.node != null) {
            if (!replace) {
              throw new Failure(FileAlreadyExistsException.class);
            }
            if (t.node instanceof Dir d && !d.entries.isEmpty()) {
              throw new Failure(DirectoryNotEmptyException.class);
            }
            if ((t.node instanceof Dir) != (s.node instanceof Dir)) {
              // rename(2) cannot put a directory over a non-directory or the reverse: the target
              // goes first, as the JDK does it, and stays gone if the rename then fails.
              t.parent.entries.remove(t.name);
            }
          }
          if (s.node instanceof Dir moved && isAncestorOrSelf(moved, t.parent)) {
            throw new Failure(FileSystemException.class); // EINVAL
          }
          s.parent.entries.remove(s.name);
          t.parent.entries.put(t.name, s.node);
          if (s.node instanceof Dir moved) {
            moved.parent = t.parent;
          }
          return null;
        });
  }

  /** {@code Files.delete}: a file, a link or an empty directory. */
  public Outcome delete(String path) {
    return outcome(
        () -> {
          Res r = resolve(path, false);
          if (r.node == null) {
            throw new Failure(NoSuchFileException.class);
          }
          if (r.parent == null) {
            throw new Failure(FileSystemException.class); // EBUSY
          }
          if (r.node instanceof Dir d && !d.entries.isEmpty()) {
            throw new Failure(DirectoryNotEmptyException.class);
          }
          r.parent.entries.remove(r.name);
          return null;
        });
  }

  /** {@code Files.createLink(link, existing)}: a hard link; {@code existing} is not followed. */
  public Outcome link(String link, String existing) {
    return outcome(
        () -> {
          Res e = resolve(existing, false);
          if (e.node == null) {
            throw new Failure(NoSuchFileException.class);
          }
          Res l = resolve(link, false);
          if (l.node != null || l.parent == null) {
            throw new Failure(FileAlreadyExistsException.class);
          }
          if (e.node instanceof Dir) {
            throw new Failure(FileSystemException.class); // EPERM
          }
          l.parent.entries.put(l.name, e.node);
          return null;
        });
  }

  /** {@code Files.createSymbolicLink(link, target)}; the target is stored as given. */
  public Outcome symlink(String link, String target) {
    checkNotNull(target, "target");
    return outcome(
        () -> {
          Res l = resolve(link, false);
          if (l.node != null || l.parent == null) {
            throw new Failure(FileAlreadyExistsException.class);
          }
          l.parent.entries.put(l.name, new Link(target));
          return null;
        });
  }

  /** Lists a directory (following links): its names, sorted. */
  public Outcome list(String path) {
    return outcome(
        () -> {
          Node n;
          try {
            n = resolve(path, true).node;
          } catch (Failure f) {
            // opendir(3) reports a file on the way as ENOTDIR, and the JDK maps ENOTDIR from
            // opendir to NotDirectoryException.
            throw f.type == FileSystemException.class
                ? new Failure(NotDirectoryException.class)
                : f;
          }
          if (n == null) {
            throw new Failure(NoSuchFileException.class);
          }
          if (!(n instanceof Dir)) {
            throw new Failure(NotDirectoryException.class);
          }
          return List.copyOf(((Dir) n).entries.keySet());
        });
  }

  /** {@code Files.readSymbolicLink}. */
  public Outcome readlink(String path) {
    return outcome(
        () -> {
          Node n = resolve(path, false).node;
          if (n == null) {
            throw new Failure(NoSuchFileException.class);
          }
          if (!(n instanceof Link)) {
            throw new Failure(NotLinkException.class);
          }
          return ((Link) n).target;
        });
  }

  /** {@code Files.readAttributes}: a {@link Stat}, following the final link if {@code follow}. */
  public Outcome stat(String path, boolean follow) {
    return outcome(
        () -> {
          Node n = resolve(path, follow).node;
          if (n == null) {
            throw new Failure(NoSuchFileException.class);
          }
          return statOf(n);
        });
  }

  /**
   * A lookup: a {@link Stat}, or {@link #ABSENT} if the path or a directory on its way is absent or
   * not a directory; a loop of links fails.
   */
  public Outcome lookup(String path, boolean follow) {
    return outcome(
        () -> {
          try {
            Node n = resolve(path, follow).node;
            return n == null ? ABSENT : statOf(n);
          } catch (Failure f) {
            if (f.type == NoSuchFileException.class || f.type == FileSystemException.class) {
              return ABSENT;
            }
            throw f;
          }
        });
  }
}
