package org.jvfs.posix;

import static org.jvfs.posix.ffi.Linux.AT_EMPTY_PATH;

import org.jvfs.posix.Placement.Mode;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;

/**
 * The posix backend's {@link org.jvfs.spi.Backend#open}: a confined open of the name (never
 * following a final link), {@code statx} of the new descriptor, and a {@link PosixFile} over it. An
 * open that neither creates nor truncates has a nonblocking form ({@link Placement}); one that
 * creates tells whether it made the file, as the VFS needs, by trying an exclusive create first.
 *
 * <p>Every open, on any thread, has {@code O_NONBLOCK} ({@link Placement#OPEN_FLAGS}), so that no
 * open waits. Of a FIFO for reading, it returns at once (the first read waits for a writer, in the
 * {@link Poller}); of a FIFO for writing that no one reads, it fails with ENXIO ({@link
 * Placement.NotYet#NO_READER}), and of a file another process holds a lease on, with EAGAIN (the
 * kernel starts breaking the lease, {@link Placement.NotYet#LEASE}): on a caller's thread either
 * sends the call to the pool, and on an IO thread it is tried again later rather than fail, as the
 * JDK's blocking open would wait. A FIFO, a character device or a socket becomes a stream {@link
 * PosixFile}. {@code O_NONBLOCK} changes nothing else for a regular file or a directory.
 *
 * <p>Stateless apart from the root; thread-safe.
 */
final class Opens {
  private static final byte[] EMPTY = new byte[0];

  private final PosixNative nat = PosixNative.get();
  private final PosixRoot root;
  private final Placement placement;

  Opens(PosixRoot root, Placement placement) {
    this.root = root;
    this.placement = placement;
  }

  /**
   * Opens {@code name} in {@code d} in {@code mode}.
   *
   * @param mode the permission bits of a created file
   * @throws Placement.WouldBlock in {@link Mode#NONBLOCKING}, for an open that creates or
   *     truncates, in a directory not yet watched, or not in the kernel's caches
   */
  Opened open(PosixNode d, Name name, OpenFlags flags, int mode, Mode where) throws Exception {
    if (where == Mode.NONBLOCKING) {
      Placement.require(!flags.creates() && !flags.truncate() && root.isWatched(d));
    } else {
      root.watch(d);
    }
    if (root.openFilesFull()) {
      throw new BackendException(Errno.EMFILE);
    }
    int base = PosixRoot.accessFlags(flags) | Placement.OPEN_FLAGS;
    if (flags.createNew()) {
      int fd = openChild(d, name, base | Linux.O_CREAT | Linux.O_EXCL, mode, where);
      return opened(PosixErrors.check(fd), d, name, true, where);
    }
    if (!flags.create()) {
      return opened(PosixErrors.check(openChild(d, name, base, 0, where)), d, name, false, where);
    }
    while (true) {
      int fd = openChild(d, name, base | Linux.O_CREAT | Linux.O_EXCL, mode, where);
      if (fd >= 0) {
        return opened(fd, d, name, true, where);
      }
      if (fd != -Linux.EEXIST) {
        throw PosixErrors.of(fd);
      }
      fd = openChild(d, name, base, 0, where);
      if (fd >= 0) {
        return opened(fd, d, name, false, where);
      }
      if (fd != -Linux.ENOENT) {
        throw PosixErrors.of(fd);
      }
      // Removed between the two opens: try again.
    }
  }

  private int openChild(PosixNode d, Name name, int flags, int mode, Mode where) throws Exception {
    int fd =
        Placement.opened(where, root.openChild(d, name, flags, mode, Placement.cachedOnly(where)));
    if (fd == -Linux.ENXIO && (flags & Linux.O_ACCMODE) != Linux.O_RDONLY) {
      // A FIFO with no reader, or a socket or device without a driver: only the first waits.
      Placement.require(where == Mode.MAY_BLOCK);
      if (isFifo(d, name)) {
        throw Placement.NotYet.NO_READER;
      }
    }
    return fd;
  }

  /** Tells whether {@code name} of {@code d} is a FIFO ({@code O_PATH} opens no FIFO). Blocks. */
  private boolean isFifo(PosixNode d, Name name) throws Exception {
    int fd = root.openChild(d, name, Linux.O_PATH, 0, false);
    if (fd < 0) {
      return false;
    }
    try {
      Statx s = new Statx();
      return nat.statx(fd, EMPTY, AT_EMPTY_PATH, Linux.STATX_TYPE, s) == 0
          && s.type() == Linux.S_IFIFO;
    } finally {
      nat.close(fd);
    }
  }

  /** Wraps a new descriptor; closes it if its statx fails. */
  private Opened opened(int fd, PosixNode dir, Name name, boolean created, Mode where)
      throws BackendException {
    Statx s = new Statx();
    int flags = AT_EMPTY_PATH | Placement.statxSync(where);
    int r = nat.statx(fd, EMPTY, flags, PosixRoot.STATX_MASK, s);
    if (r < 0) {
      root.closeDescriptor(fd);
      throw PosixErrors.of(r);
    }
    PosixNode node = new PosixNode(s.dev, s.ino, dir.child(name));
    int type = s.type();
    boolean stream = type == Linux.S_IFIFO || type == Linux.S_IFCHR || type == Linux.S_IFSOCK;
    PosixFile file = root.adopt(fd, node, placement, stream, type == Linux.S_IFREG);
    return new Opened(file, NodeInfo.of(node, StatxAttributes.of(s)), created);
  }
}
