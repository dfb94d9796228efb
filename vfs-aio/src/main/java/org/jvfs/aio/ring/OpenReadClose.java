package org.jvfs.aio.ring;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.jvfs.aio.ffi.IoUring;

/**
 * A whole-file read in one submission: OPENAT2 into a direct-descriptor slot, linked to a READ of
 * that slot, hard-linked to a CLOSE of the slot (a short read breaks a plain link: the CLOSE would
 * be cancelled).
 *
 * <ul>
 *   <li>The open is IOSQE_IO_LINK: if it fails, the read and the close complete with -ECANCELED and
 *       nothing was installed.
 *   <li>The read is IOSQE_IO_HARDLINK: a short read (the file is smaller than the buffer, the
 *       common case, since the caller cannot know the size without a stat) counts as a failure for
 *       IOSQE_IO_LINK and would cancel the close; with the hard link the close runs whatever the
 *       read gave.
 *   <li>If the read fills the buffer exactly, the file may be longer: {@link Result#complete()} is
 *       false and the caller reads the rest another way.
 *   <li>If the close itself was cancelled (an ASYNC_CANCEL at ring close reached it) while the open
 *       had succeeded, one CLOSE of the slot is submitted again (it never ran, so this is not a
 *       retried close), and the slot is freed only after that.
 * </ul>
 *
 * <p>The open uses no O_CLOEXEC: a direct descriptor is never in the process table, and the kernel
 * refuses O_CLOEXEC with a file slot.
 */
public final class OpenReadClose {
  private static final int ECANCELED = -125;

  private OpenReadClose() {}

  /** The outcome: the open's res, the read's res, whether the read reached end of file. */
  public record Result(int openRes, int readRes, int closeRes, int requested) {
    /** The bytes read, or -errno of the first failure (open, then read). */
    public int bytes() {
      return openRes < 0 ? openRes : readRes;
    }

    /** True if the read returned fewer bytes than requested: the whole file was read. */
    public boolean complete() {
      return openRes >= 0 && readRes >= 0 && readRes < requested;
    }
  }

  /**
   * Submits the chain reading {@code path} (relative to {@code dirfd}, resolved with {@code
   * resolve}) into {@code dst}'s remaining bytes. The stage completes after all three CQEs (and the
   * slot is free again); exceptionally with RejectedExecutionException if the ring has no
   * direct-descriptor slot free, or what {@link Ring#submitAll} fails with.
   *
   * @throws IllegalStateException if the ring has no direct-descriptor table
   */
  public static CompletableFuture<Result> submit(
      Ring ring, int dirfd, byte[] path, long resolve, ByteBuffer dst) {
    FileTable files = ring.files();
    if (files == null) {
      throw new IllegalStateException(ring + " has no direct-descriptor table");
    }
    int slot = files.allocate();
    if (slot < 0) {
      return CompletableFuture.failedFuture(
          new RejectedExecutionException("no free direct-descriptor slot"));
    }
    int requested = dst.remaining();
    OpFuture[] fs;
    try {
      fs =
          ring.submitAll(
              s -> s.openat2(dirfd, path, IoUring.O_RDONLY, 0, resolve).fileIndex(slot).link(),
              s -> s.read(slot, dst, 0).fixedFile().hardlink(),
              s -> s.closeDirect(slot));
    } catch (RuntimeException e) {
      files.free(slot);
      throw e;
    }
    CompletableFuture<Result> out = new CompletableFuture<>();
    CompletableFuture.allOf(fs)
        .whenComplete(
            (v, t) -> {
              if (t != null) {
                // Only a submission refused before reaching the kernel fails a future.
                files.free(slot);
                out.completeExceptionally(t);
                return;
              }
              int open = fs[0].join();
              int read = fs[1].join();
              int close = fs[2].join();
              Result r = new Result(open, read, close, requested);
              if (open >= 0 && close == ECANCELED) { // it never ran: not a retried close
                ring.submit(s -> s.closeDirect(slot))
                    .whenComplete((c, t2) -> files.free(slot))
                    .whenComplete((c, t2) -> out.complete(r));
              } else {
                files.free(slot);
                out.complete(r);
              }
            });
    return out;
  }
}
