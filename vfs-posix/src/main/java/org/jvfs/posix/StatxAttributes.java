package org.jvfs.posix;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.Statx;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeKind;

/**
 * Converts a {@link Statx} into {@link NodeAttributes} and permissions into mode bits. Shared with
 * the other native backends (vfs-aio), not an API for applications. Stateless.
 */
public final class StatxAttributes {
  private StatxAttributes() {}

  /** The file key, as the JDK's {@code UnixFileKey}: device and inode. */
  record FileKey(long dev, long ino) {
    @Override
    public String toString() {
      return "(dev=" + Long.toHexString(dev) + ",ino=" + ino + ")";
    }
  }

  private static final PosixFilePermission[] BITS = {
    PosixFilePermission.OTHERS_EXECUTE,
    PosixFilePermission.OTHERS_WRITE,
    PosixFilePermission.OTHERS_READ,
    PosixFilePermission.GROUP_EXECUTE,
    PosixFilePermission.GROUP_WRITE,
    PosixFilePermission.GROUP_READ,
    PosixFilePermission.OWNER_EXECUTE,
    PosixFilePermission.OWNER_WRITE,
    PosixFilePermission.OWNER_READ
  };

  /** Returns the kind of file the type bits of {@code mode} ({@code stx_mode}) say. */
  public static NodeKind kind(int mode) {
    return switch (mode & Linux.S_IFMT) {
      case Linux.S_IFREG -> NodeKind.FILE;
      case Linux.S_IFDIR -> NodeKind.DIRECTORY;
      case Linux.S_IFLNK -> NodeKind.SYMLINK;
      default -> NodeKind.OTHER;
    };
  }

  /** Returns the attributes a {@code statx} filled {@code s} with. */
  public static NodeAttributes of(Statx s) {
    FileTime mtime = time(s.mtimeSec, s.mtimeNsec);
    return NodeAttributes.builder(kind(s.mode))
        .size(s.size)
        .lastModifiedTime(mtime)
        .lastAccessTime(time(s.atimeSec, s.atimeNsec))
        .changeTime(time(s.ctimeSec, s.ctimeNsec))
        .creationTime((s.mask & Linux.STATX_BTIME) != 0 ? time(s.btimeSec, s.btimeNsec) : mtime)
        .fileKey(new FileKey(s.dev, s.ino))
        .permissions(permissions(s.mode))
        .owner(s.uid, s.gid)
        .linkCount(s.nlink)
        .build();
  }

  private static FileTime time(long sec, int nsec) {
    return FileTime.from(Instant.ofEpochSecond(sec, nsec));
  }

  /** Returns the permissions of the low nine bits of {@code mode}. */
  public static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < BITS.length; i++) {
      if ((mode & (1 << i)) != 0) {
        out.add(BITS[i]);
      }
    }
    return out;
  }

  /** Returns the mode bits of {@code perms}. */
  public static int mode(Set<PosixFilePermission> perms) {
    int m = 0;
    for (int i = 0; i < BITS.length; i++) {
      if (perms.contains(BITS[i])) {
        m |= 1 << i;
      }
    }
    return m;
  }
}
