package org.jvfs.aio.backend;

import java.nio.ByteBuffer;
import java.nio.file.ClosedFileSystemException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.jvfs.aio.ring.FileTable;
import org.jvfs.aio.ring.OpFuture;
import org.jvfs.aio.ring.Ring;
import org.jvfs.posix.PosixErrors;
import org.jvfs.posix.PosixRoot;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;

/**
 * The aio backend's whole-file read ({@link org.jvfs.spi.Backend#readFile}): one submission of four
 * linked SQEs on a direct descriptor, which the kernel runs inline when the path is in its dentry
 * cache and the content in its page cache:
 *
 * <ol>
 *   <li>OPENAT2 of the entry's physical path from the root descriptor, confined as every posix open
 *       is ({@link PosixRoot#resolveFlags}), {@code O_RDONLY | O_NONBLOCK | O_NOFOLLOW}, into a
 *       direct-descriptor slot, IOSQE_IO_LINK: if it fails, the rest complete with -ECANCELED;
 *   <li>READ from the file position into a buffer of up to {@value #FIRST} bytes,
 *       IOSQE_IO_HARDLINK: a short read does not cancel what follows;
 *   <li>READ from the file position again, where the first stopped, into {@value #PROBE} more
 *       bytes, IOSQE_IO_HARDLINK: 0 is the end of file; more bytes say the first read was not the
 *       whole file (it grew, or a read stopped early);
 *   <li>CLOSE of the slot.
 * </ol>
 *
 * <p>The content is returned only when the second read returned 0: a short read is never taken for
 * the end of file. Otherwise the whole chain runs again with a buffer large enough for what was
 * seen, a fresh read of the file as it is then (no content of two opens is ever spliced); after a
 * few rounds, or beyond {@value #MAX_RING_BYTES} bytes, the posix whole-file read (one open, reads
 * until one returns short) takes over.
 *
 * <p>A directory fails with EISDIR (its read does). An empty result goes to the posix read, which
 * tells an empty regular file (empty content) from a FIFO or device that took its place (EINVAL,
 * "not a regular file"). So do a directory not yet watched, EAGAIN, ENXIO, EMFILE and ENFILE, and a
 * ring with no slot or direct descriptor free.
 *
 * <p>If the close was cancelled (the ring's cancel-all at close reached it) while the open had
 * succeeded, one CLOSE of the slot is submitted again (it never ran: not a retried close) and the
 * slot is freed only after it.
 *
 * <p>Thread-safe: each call has its own state.
 */
final class UringWholeFileReads {
  /** The first read's buffer: most small files fit. */
  static final int FIRST = 64 * 1024;

  /** The second read's buffer, which looks for the end of file. */
  static final int PROBE = 4 * 1024;

  /** The largest content read through the ring; beyond it the posix read, which knows the size. */
  static final int MAX_RING_BYTES = 8 << 20;

  private static final int ROUNDS = 3;
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final int ECANCELED = -125;
  private static final int EISDIR = -21;
  private static final int FLAGS = Linux.O_RDONLY | Linux.O_NONBLOCK | Linux.O_NOFOLLOW;

  private final UringBackend owner;

  UringWholeFileReads(UringBackend owner) {
    this.owner = owner;
  }

  CompletionStage<byte[]> read(Node dir, Name name, long limit) {
    if (limit < 0) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("limit (" + limit + ") must not be negative"));
    }
    if (!owner.posixRoot().isWatched(dir)) {
      return owner.posix().readFile(dir, name, limit);
    }
    byte[] path = owner.posixRoot().path(dir, name);
    long max = Math.min(limit, MAX_ARRAY);
    CompletableFuture<byte[]> out = new CompletableFuture<>();
    round(dir, name, limit, path, (int) Math.min(FIRST, max), 0, out);
    return out;
  }

  private void toPosix(Node dir, Name name, long limit, CompletableFuture<byte[]> out) {
    owner
        .posix()
        .readFile(dir, name, limit)
        .whenComplete(
            (b, t) -> {
              if (t != null) {
                out.completeExceptionally(AioErrors.unwrap(t));
              } else {
                out.complete(b);
              }
            });
  }

  private void round(
      Node dir,
      Name name,
      long limit,
      byte[] path,
      int first,
      int rounds,
      CompletableFuture<byte[]> out) {
    Ring ring = owner.ring();
    FileTable files = ring.files();
    int slot = files == null ? -1 : files.allocate();
    if (slot < 0) {
      toPosix(dir, name, limit, out);
      return;
    }
    DirectBuffers pool = owner.chainBuffers();
    ByteBuffer buf = pool.take(first + PROBE);
    ByteBuffer a = buf.duplicate().position(0).limit(first);
    ByteBuffer b = buf.duplicate().position(first).limit(first + PROBE);
    int rootFd = owner.posixRoot().descriptor();
    long resolve = PosixRoot.resolveFlags(false);
    OpFuture[] fs;
    try {
      fs =
          ring.submitAll(
              s -> s.openat2(rootFd, path, FLAGS, 0, resolve).fileIndex(slot).link(),
              s -> s.read(slot, a, -1).fixedFile().hardlink(),
              s -> s.read(slot, b, -1).fixedFile().hardlink(),
              s -> s.closeDirect(slot));
    } catch (RuntimeException e) {
      files.free(slot);
      pool.give(buf);
      toPosix(dir, name, limit, out);
      return;
    }
    CompletableFuture.allOf(fs)
        .whenComplete(
            (v, t) -> {
              try {
                finish(fs, t, slot, buf, dir, name, limit, path, rounds, out);
              } catch (RuntimeException | Error e) {
                out.completeExceptionally(e); // never leave the caller waiting
              }
            });
  }

  private void finish(
      OpFuture[] fs,
      @Nullable Throwable t,
      int slot,
      ByteBuffer buf,
      Node dir,
      Name name,
      long limit,
      byte[] path,
      int rounds,
      CompletableFuture<byte[]> out) {
    Ring ring = owner.ring();
    FileTable files = java.util.Objects.requireNonNull(ring.files(), "a slot was allocated");
    DirectBuffers pool = owner.chainBuffers();
    if (t != null) {
      // Only a submission refused before reaching the kernel fails a future.
      files.free(slot);
      pool.give(buf);
      if (AioErrors.refusedForRoom(t)) {
        toPosix(dir, name, limit, out);
      } else {
        out.completeExceptionally(AioErrors.forCaller(t));
      }
      return;
    }
    int open = fs[0].join();
    int r1 = fs[1].join();
    int r2 = fs[2].join();
    int close = fs[3].join();
    byte[] content = null;
    Throwable failure = null;
    int again = -1;
    boolean posix = false;
    if (open < 0) {
      if (open == ECANCELED && owner.isClosed()) {
        failure = new ClosedFileSystemException();
      } else if (posixAnswers(-open)) {
        posix = true;
      } else {
        failure = PosixErrors.of(open);
      }
    } else if (r1 == EISDIR) {
      failure = new BackendException(Errno.EISDIR);
    } else if (r1 < 0 || r2 < 0 || (r1 == 0 && r2 == 0)) {
      posix = !owner.isClosed();
      if (!posix) {
        failure = new ClosedFileSystemException();
      }
    } else if (r2 == 0) {
      content = new byte[r1];
      buf.get(0, content, 0, r1);
    } else {
      long seen = (long) r1 + r2;
      if (seen > limit) {
        failure = new BackendException(Errno.EFBIG);
      } else if (rounds + 1 >= ROUNDS || seen > MAX_RING_BYTES) {
        posix = true;
      } else {
        again = (int) Math.min(Math.min(limit, MAX_ARRAY), Math.max(2 * seen, FIRST));
      }
    }
    if (open >= 0 && close == ECANCELED) { // it never ran: not a retried close
      releaseAfterClose(ring, files, slot);
    } else {
      files.free(slot);
    }
    pool.give(buf);
    if (content != null) {
      out.complete(content);
    } else if (failure != null) {
      out.completeExceptionally(failure);
    } else if (posix) {
      toPosix(dir, name, limit, out);
    } else {
      round(dir, name, limit, path, again, rounds + 1, out);
    }
  }

  private static void releaseAfterClose(Ring ring, FileTable files, int slot) {
    try {
      ring.submit(s -> s.closeDirect(slot)).whenComplete((c, t) -> files.free(slot));
    } catch (RuntimeException e) {
      files.free(slot); // the ring is gone, and its table with it
    }
  }

  /** Errnos of the open that the posix read answers its own way (see the class comment). */
  private static boolean posixAnswers(int errno) {
    return errno == Linux.EAGAIN
        || errno == Linux.ENXIO
        || errno == Linux.EMFILE
        || errno == Linux.ENFILE
        || errno == Linux.EINTR;
  }
}
