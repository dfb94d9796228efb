package org.jvfs.aio.backend;

import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.jvfs.aio.ring.OpFuture;
import org.jvfs.posix.PosixErrors;
import org.jvfs.posix.PosixRoot;
import org.jvfs.posix.StatxAttributes;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.posix.ffi.Statx;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;

/**
 * The aio backend's {@link org.jvfs.spi.Backend#open}: one IORING_OP_OPENAT2 of the entry's
 * physical path from the shared root descriptor, with the posix confinement ({@link
 * PosixRoot#resolveFlags}: {@code RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_SYMLINKS})
 * and the posix open flags ({@code O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK}). The kernel completes it
 * inside the submit on a dentry-cache hit, and on one of its own workers otherwise; no Java thread
 * waits. Then {@code statx} of the new descriptor ({@code AT_STATX_DONT_SYNC}, which never waits on
 * a local file system) on the thread that reaped the open.
 *
 * <p>An open that creates without {@code CREATE_NEW} first tries {@code O_CREAT | O_EXCL}, then a
 * plain open on EEXIST, to tell the VFS whether it made the file, as the posix backend does.
 *
 * <p>Whatever the ring cannot answer the way the posix backend would goes to the posix open: a
 * directory not yet watched (the posix open watches it first), EAGAIN (a lease another process
 * holds), ENXIO (a FIFO opened for writing with no reader), EMFILE or ENFILE (the posix closer may
 * hold descriptors it can close first), a FIFO, device or socket opened (closed again: the posix
 * backend's streams wait in its poller), a file removed between the two opens of a create, and a
 * ring with every slot in flight.
 *
 * <p>Stateless apart from the backend; thread-safe.
 */
final class UringOpens {
  private static final byte[] EMPTY = new byte[0];
  private static final int STATX_MASK = Linux.STATX_BASIC_STATS | Linux.STATX_BTIME;

  private final PosixNative nat = PosixNative.get();
  private final UringBackend owner;

  UringOpens(UringBackend owner) {
    this.owner = owner;
  }

  /** A marker: the posix path answers this call. */
  private static final class ToPosix extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final ToPosix INSTANCE = new ToPosix();

    private ToPosix() {
      super("to the posix path", null, false, false);
    }
  }

  CompletionStage<Opened> open(
      Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions) {
    PosixRoot root = owner.posixRoot();
    if (!root.isWatched(dir)) {
      return owner.posix().open(dir, name, flags, permissions);
    }
    if (owner.openFilesFull()) {
      return CompletableFuture.failedFuture(new BackendException(Errno.EMFILE));
    }
    int mode = permissions == null ? 0666 : StatxAttributes.mode(permissions);
    byte[] path = root.path(dir, name);
    int base = PosixRoot.openFlags(PosixRoot.accessFlags(flags) | Linux.O_NONBLOCK);
    CompletableFuture<Opened> result;
    if (flags.createNew()) {
      result =
          attempt(path, base | Linux.O_CREAT | Linux.O_EXCL, mode, dir, name, true, false, false);
    } else if (flags.create()) {
      result =
          attempt(path, base | Linux.O_CREAT | Linux.O_EXCL, mode, dir, name, true, true, false)
              .thenCompose(
                  o ->
                      o != null
                          ? CompletableFuture.completedFuture(o)
                          : attempt(path, base, 0, dir, name, false, false, true));
    } else {
      result = attempt(path, base, 0, dir, name, false, false, false);
    }
    return result
        .handle(
            (o, t) -> {
              if (t == null) {
                return CompletableFuture.completedFuture(o);
              }
              Throwable c = AioErrors.unwrap(t);
              if (c instanceof ToPosix) {
                return owner.posix().open(dir, name, flags, permissions).toCompletableFuture();
              }
              return CompletableFuture.<Opened>failedFuture(c);
            })
        .thenCompose(f -> f);
  }

  /**
   * One OPENAT2 through the ring; completes with the opened file, or null for EEXIST when {@code
   * nullIfExists}, or fails ({@link ToPosix} for what the posix open answers; for ENOENT when
   * {@code afterExists}: the file was removed between a create's two opens, and the posix open
   * loops).
   */
  private CompletableFuture<@Nullable Opened> attempt(
      byte[] path,
      int flags,
      int mode,
      Node dir,
      Name name,
      boolean created,
      boolean nullIfExists,
      boolean afterExists) {
    int rootFd = owner.posixRoot().descriptor();
    long resolve = PosixRoot.resolveFlags(false);
    OpFuture op;
    try {
      op = owner.ring().submit(s -> s.openat2(rootFd, path, flags, mode, resolve));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(ToPosix.INSTANCE);
    }
    CompletableFuture<@Nullable Opened> out = new CompletableFuture<>();
    op.whenComplete(
        (res, t) -> {
          if (t != null) {
            out.completeExceptionally(
                AioErrors.refusedForRoom(t) ? ToPosix.INSTANCE : AioErrors.forCaller(t));
          } else if (res >= 0) {
            try {
              out.complete(opened(res, dir, name, created));
            } catch (Throwable e) {
              out.completeExceptionally(e);
            }
          } else if (res == -Linux.EEXIST && nullIfExists) {
            out.complete(null);
          } else if (toPosix(-res) || (res == -Linux.ENOENT && afterExists)) {
            out.completeExceptionally(ToPosix.INSTANCE);
          } else {
            out.completeExceptionally(failure(res));
          }
        });
    return out;
  }

  private Throwable failure(int res) {
    return res == -125 && owner.isClosed()
        ? new java.nio.file.ClosedFileSystemException()
        : PosixErrors.of(res);
  }

  private static boolean toPosix(int errno) {
    return errno == Linux.EAGAIN
        || errno == Linux.ENXIO
        || errno == Linux.EMFILE
        || errno == Linux.ENFILE
        || errno == Linux.EINTR;
  }

  /** Wraps a descriptor the ring opened; a stream goes back to the posix open. */
  private Opened opened(int fd, Node dir, Name name, boolean created) throws Exception {
    Statx s = new Statx();
    int r = nat.statx(fd, EMPTY, Linux.AT_EMPTY_PATH | Linux.AT_STATX_DONT_SYNC, STATX_MASK, s);
    int type = s.type();
    if (r < 0 || type == Linux.S_IFIFO || type == Linux.S_IFCHR || type == Linux.S_IFSOCK) {
      owner.posixRoot().closeDescriptor(fd);
      if (r < 0) {
        throw PosixErrors.of(r);
      }
      throw ToPosix.INSTANCE;
    }
    Node node = owner.posixRoot().node(s, dir, name);
    UringFile file = owner.adopt(node, fd);
    return new Opened(file, NodeInfo.of(node, StatxAttributes.of(s)), created);
  }
}
