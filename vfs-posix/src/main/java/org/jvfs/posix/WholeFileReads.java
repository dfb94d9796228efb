package org.jvfs.posix;

import static org.jvfs.posix.ffi.Linux.AT_EMPTY_PATH;
import static org.jvfs.posix.ffi.Linux.O_RDONLY;

import java.util.Arrays;
import org.jvfs.posix.Placement.Mode;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;

/**
 * The posix backend's whole-file read ({@link org.jvfs.spi.Backend#readFile}) as one call, where
 * the SPI's default composes four: the confined open of the name ({@code O_RDONLY | O_NONBLOCK |
 * O_NOFOLLOW}, one {@code openat2} from the root), {@code statx} of the descriptor for its type and
 * size, {@code pread}s into an array of that size until one comes back short, and close. A
 * directory fails with EISDIR, any other kind of file that is not regular with EINVAL (its content
 * has no end to read to).
 *
 * <p>Each read asks one byte more than the room left ({@link PosixNative#preadPeek}): a file of the
 * size {@code statx} saw takes one read, where {@code Files.readAllBytes} needs a second to see the
 * end. In {@link Mode#NONBLOCKING} that one read is all there is (see {@link Placement}): it must
 * come back with exactly the size, else the call goes to the pool.
 *
 * <p>Stateless apart from the root; thread-safe.
 */
final class WholeFileReads {
  private static final byte[] EMPTY = new byte[0];

  /** The largest array a whole-file read fills, as {@code Files.readAllBytes} allows. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * The open flags of a whole-file read: O_NONBLOCK ({@link Placement#OPEN_FLAGS}) so that a FIFO
   * that took a regular file's place fails (as not regular) instead of holding the thread until a
   * writer comes, and a lease held by another process gives EAGAIN; it changes nothing for a
   * regular file.
   */
  private static final int FLAGS = O_RDONLY | Placement.OPEN_FLAGS;

  private final PosixNative nat = PosixNative.get();
  private final PosixRoot root;

  WholeFileReads(PosixRoot root) {
    this.root = root;
  }

  /**
   * Reads the file {@code name} of {@code d} whole, in {@code mode}.
   *
   * @throws Placement.WouldBlock in {@link Mode#NONBLOCKING}, at a step that would block
   * @throws BackendException EISDIR, EINVAL for a file that is not regular, EFBIG beyond {@code
   *     limit}, or the errno of a step
   */
  byte[] read(PosixNode d, Name name, long limit, Mode mode) throws Exception {
    if (mode == Mode.MAY_BLOCK) {
      root.watch(d);
    } else {
      Placement.require(root.isWatched(d));
    }
    int fd =
        PosixErrors.check(
            Placement.opened(mode, root.openChild(d, name, FLAGS, 0, Placement.cachedOnly(mode))));
    try {
      Statx s = new Statx();
      int flags = AT_EMPTY_PATH | Placement.statxSync(mode);
      PosixErrors.check(nat.statx(fd, EMPTY, flags, Linux.STATX_TYPE | Linux.STATX_SIZE, s));
      if (s.type() == Linux.S_IFDIR) {
        throw new BackendException(Errno.EISDIR);
      }
      if (s.type() != Linux.S_IFREG) {
        throw new BackendException(Errno.EINVAL, "not a regular file");
      }
      return readRegular(fd, s.size, limit, mode);
    } finally {
      root.closeDescriptor(fd); // on the caller's thread, the closer closes it
    }
  }

  /**
   * Reads the regular file {@code fd} whole from its start into an array of {@code size} bytes
   * (what {@code statx} found), each read asking one byte more than the room left, until one comes
   * back short: a short read of a regular file is its end (the kernel's blocking read from a
   * regular file stops early only there), so a file of the expected size takes one read. The array
   * grows only if the file did.
   *
   * <p>In {@link Mode#NONBLOCKING}: one {@code preadv2(RWF_NOWAIT)}, of a file that fits it ({@link
   * Placement#readsHere}), whose count must be the size: a shorter one may have stopped where the
   * page cache does (never an end of file), a longer one says the file grew; either gives up.
   *
   * @throws BackendException EFBIG beyond {@code limit}, or the read's errno
   */
  private byte[] readRegular(int fd, long size, long limit, Mode mode) throws Exception {
    long max = Math.min(limit, MAX_ARRAY);
    if (size > max) {
      throw new BackendException(Errno.EFBIG);
    }
    Placement.require(Placement.readsHere(mode, size));
    int flags = Placement.readFlags(mode);
    byte[] buf = new byte[(int) Math.max(0, size)];
    int count = 0;
    while (true) {
      int room = buf.length - count;
      long n =
          PosixErrors.check(
              Placement.read(mode, nat.preadPeek(fd, buf, count, room, count, flags)));
      if (mode == Mode.NONBLOCKING) {
        Placement.require(n == room);
        return buf;
      }
      if (n > room) {
        // The file goes on past the array (it grew): read on into a larger one.
        count = buf.length;
        if (count + 1L > max) {
          throw new BackendException(Errno.EFBIG);
        }
        buf = Arrays.copyOf(buf, (int) Math.min(max, Math.max(count + 1L, 2L * count + 16)));
        continue;
      }
      count += (int) n;
      if (n < PosixNative.peekRequest(room)) {
        return count == buf.length ? buf : Arrays.copyOf(buf, count);
      }
    }
  }
}
