package org.jvfs.nio;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jvfs.LookupResult;
import org.jvfs.MountInfo;
import org.jvfs.Vfs;

/**
 * {@link Path#toRealPath} for jvfs paths: walks the absolute path a name at a time, replacing each
 * symbolic link by its target (at most 40, as Linux), and {@code ..} by the parent of what has been
 * resolved so far. With {@link LinkOption#NOFOLLOW_LINKS}, only {@code .} and {@code ..} are
 * removed, lexically, and the result must exist. One blocking lookup per name.
 *
 * <p>As in the VFS, a mount's root is a jail: {@code ..} at a mount's root stays there, and an
 * absolute link target starts again at the root of the mount that holds the link.
 */
final class VfsRealPaths {
  private static final int MAX_LINKS = 40;

  private VfsRealPaths() {}

  static VfsPath toRealPath(VfsPath path, LinkOption... options) throws IOException {
    VfsFileSystem fs = path.getFileSystem();
    fs.checkOpen();
    Vfs vfs = fs.vfs();
    boolean follow = true;
    for (LinkOption o : options) {
      if (o == LinkOption.NOFOLLOW_LINKS) {
        follow = false;
      } else if (o == null) {
        throw new NullPointerException("option");
      }
    }
    VfsPath abs = (VfsPath) path.toAbsolutePath();
    List<List<String>> mountPoints = new ArrayList<>();
    for (MountInfo m : vfs.mounts()) {
      mountPoints.add(fs.getPath(m.mountPoint()).names());
    }
    Deque<String> todo = new ArrayDeque<>(abs.names());
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String name = todo.removeFirst();
      if (name.equals(".") || name.isEmpty()) {
        continue;
      }
      if (name.equals("..")) {
        if (!done.isEmpty() && !mountPoints.contains(done)) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      done.add(name);
      String here = "/" + String.join("/", done);
      if (!follow) {
        continue;
      }
      LookupResult r = VfsIo.join(vfs.lookup(here, LinkOption.NOFOLLOW_LINKS));
      if (!r.isHit()) {
        throw new NoSuchFileException(path.toString());
      }
      if (r.attributes() != null && r.attributes().isSymbolicLink()) {
        if (++links > MAX_LINKS) {
          throw new FileSystemLoopException(path.toString());
        }
        String target = VfsIo.join(vfs.readSymbolicLink(here));
        done.remove(done.size() - 1);
        VfsPath t = fs.getPath(target);
        if (t.isAbsolute()) {
          int keep = mountPointLength(mountPoints, done);
          while (done.size() > keep) {
            done.remove(done.size() - 1);
          }
        }
        List<String> names = t.names();
        for (int i = names.size() - 1; i >= 0; i--) {
          todo.addFirst(names.get(i));
        }
      }
    }
    String result = "/" + String.join("/", done);
    if (!follow && !VfsIo.join(vfs.lookup(result, LinkOption.NOFOLLOW_LINKS)).isHit()) {
      throw new NoSuchFileException(path.toString());
    }
    return fs.getPath(result);
  }

  /** Returns how many leading names of {@code names} form the deepest mount point over them. */
  private static int mountPointLength(List<List<String>> mountPoints, List<String> names) {
    int best = 0;
    for (List<String> m : mountPoints) {
      if (m.size() > best && m.size() <= names.size() && names.subList(0, m.size()).equals(m)) {
        best = m.size();
      }
    }
    return best;
  }
}
