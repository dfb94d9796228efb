package org.jvfs.posix;

import static org.jvfs.posix.ffi.Linux.O_CLOEXEC;
import static org.jvfs.posix.ffi.Linux.O_DIRECTORY;
import static org.jvfs.posix.ffi.Linux.O_RDONLY;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jvfs.posix.ffi.Dirent64;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.NodeKind;

/**
 * The posix backend's operations on names: listing ({@code getdents64}), {@code mkdirat}, {@code
 * unlinkat}, {@code renameat2}, {@code linkat}, {@code symlinkat} and {@code readlinkat}. Each
 * takes a descriptor of the directory concerned, opened from the root for the call ({@link
 * PosixRoot#inDir}), and acts on the single name in it. None has a nonblocking form: each runs
 * where {@link Placement#runBlocking} puts it, and blocks.
 *
 * <p>A listing leaves out every name that is not valid UTF-8 ({@link DiskNames}): no string names
 * it, and one that stood for it (U+FFFD for each bad byte) would name another file or none.
 *
 * <p>Stateless apart from the root; thread-safe.
 */
final class NamespaceOps {
  private static final byte[] DOT = {'.'};

  private final PosixNative nat = PosixNative.get();
  private final PosixRoot root;
  private final AttributeOps attributes;

  NamespaceOps(PosixRoot root, AttributeOps attributes) {
    this.root = root;
    this.attributes = attributes;
  }

  /** Lists the (watched) directory {@code d}, without {@code .} and {@code ..}. */
  List<DirEntry> list(PosixNode d) throws Exception {
    return root.inWatchedDir(
        d,
        dirFd -> {
          int fd =
              PosixErrors.check(
                  root.openRetryingOutOfDescriptors(
                      () -> nat.openat(dirFd, DOT, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)));
          try {
            return list(fd);
          } finally {
            nat.close(fd);
          }
        });
  }

  private List<DirEntry> list(int fd) throws BackendException {
    List<DirEntry> out = new ArrayList<>();
    byte[] buf = new byte[32 * 1024];
    while (true) {
      long n = PosixErrors.check(nat.getdents64(fd, buf));
      if (n == 0) {
        return out;
      }
      Dirent64.forEach(
          buf,
          (int) n,
          (b, off, len, type) -> {
            if ((len == 1 && b[off] == '.') || (len == 2 && b[off] == '.' && b[off + 1] == '.')) {
              return;
            }
            Name name = DiskNames.name(b, off, len);
            if (name != null) {
              out.add(new DirEntry(name, kindOf(type)));
            }
          });
    }
  }

  private static NodeKind kindOf(int dType) {
    return switch (dType) {
      case Linux.DT_DIR -> NodeKind.DIRECTORY;
      case Linux.DT_REG -> NodeKind.FILE;
      case Linux.DT_LNK -> NodeKind.SYMLINK;
      default -> NodeKind.OTHER;
    };
  }

  /** Makes the directory {@code name} in (watched) {@code d}; returns it. */
  NodeInfo createDirectory(PosixNode d, Name name, int mode) throws Exception {
    return root.inWatchedDir(
        d,
        fd -> {
          PosixErrors.check(nat.mkdirat(fd, name.bytes(), mode));
          return attributes.statExisting(fd, d, name);
        });
  }

  /** Removes {@code name} of {@code d}: an empty directory if {@code directory}, else a file. */
  void remove(PosixNode d, Name name, boolean directory) throws Exception {
    root.inDir(
        d.path,
        fd ->
            PosixErrors.check(nat.unlinkat(fd, name.bytes(), directory ? Linux.AT_REMOVEDIR : 0)));
  }

  /** Renames {@code fromName} of {@code f} to {@code toName} of {@code t}. */
  void rename(PosixNode f, Name fromName, PosixNode t, Name toName, boolean replace)
      throws Exception {
    int flags = replace ? 0 : Linux.RENAME_NOREPLACE;
    root.inDir(
        f.path,
        ffd ->
            root.inDir(
                t.path,
                tfd ->
                    PosixErrors.check(
                        nat.renameat2(ffd, fromName.bytes(), tfd, toName.bytes(), flags))));
  }

  /** Links {@code toName} of {@code t} to the file {@code fromName} of {@code f}; returns it. */
  NodeInfo link(PosixNode f, Name fromName, PosixNode t, Name toName) throws Exception {
    return root.inDir(
        f.path,
        ffd ->
            root.inDir(
                t.path,
                tfd -> {
                  PosixErrors.check(nat.linkat(ffd, fromName.bytes(), tfd, toName.bytes(), 0));
                  return attributes.statExisting(tfd, t, toName);
                }));
  }

  /** Makes the symbolic link {@code name} of {@code d} to {@code target}; returns it. */
  NodeInfo createSymlink(PosixNode d, Name name, String target) throws Exception {
    byte[] t = target.getBytes(StandardCharsets.UTF_8);
    return root.inDir(
        d.path,
        fd -> {
          PosixErrors.check(nat.symlinkat(t, fd, name.bytes()));
          return attributes.statExisting(fd, d, name);
        });
  }

  /** Reads the target of the link {@code n}; EINVAL for the root or anything not a link. */
  String readSymlink(PosixNode n) throws Exception {
    if (n.isRoot()) {
      throw new BackendException(Errno.EINVAL);
    }
    return root.inDir(n.parentPath(), fd -> attributes.readLink(fd, n.name()));
  }
}
