package org.jvfs.posix;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link PosixBackend}, with their defaults. Immutable; build one with {@link
 * #builder(Path)}.
 *
 * @param root the directory the backend is confined to
 * @param ioThreads the number of IO threads
 * @param queueCapacity the bound of tasks waiting for an IO thread
 * @param resolveMode how resolution is confined, or null to use openat2 where the kernel has it
 * @param maxOpenFiles how many files may be open through the backend at once (EMFILE beyond)
 * @param probe whether lookups, whole-file reads of small files and opens that neither create nor
 *     truncate are first tried on the caller's thread in their nonblocking form ({@code
 *     RESOLVE_CACHED}, {@code AT_STATX_DONT_SYNC}, {@code RWF_NOWAIT})
 * @param watch whether the backend can watch its tree with inotify ({@link
 *     org.jvfs.spi.Capability#WATCH})
 * @param maxWatches how many directories may be watched
 */
public record PosixOptions(
    Path root,
    int ioThreads,
    int queueCapacity,
    @Nullable ResolveMode resolveMode,
    int maxOpenFiles,
    boolean probe,
    boolean watch,
    int maxWatches) {

  /** Returns a builder with the defaults, for the directory {@code root}. */
  public static Builder builder(Path root) {
    return new Builder(checkNotNull(root, "root"));
  }

  /** Builds {@link PosixOptions}. Not thread-safe. */
  public static final class Builder {
    private final Path root;
    private int ioThreads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private int queueCapacity = 4096;
    private @Nullable ResolveMode resolveMode;
    private int maxOpenFiles = Integer.MAX_VALUE;
    private boolean probe = true;
    private boolean watch = true;
    private int maxWatches = 8192;

    private Builder(Path root) {
      this.root = root;
    }

    /** Sets the number of IO threads (default: twice the processors, at least 4). */
    public Builder ioThreads(int n) {
      checkArgument(n > 0, "ioThreads (%s) must be positive", n);
      this.ioThreads = n;
      return this;
    }

    /** Sets the bound of tasks waiting for an IO thread (default 4096). */
    public Builder queueCapacity(int n) {
      checkArgument(n > 0, "queueCapacity (%s) must be positive", n);
      this.queueCapacity = n;
      return this;
    }

    /**
     * Forces the confinement: {@code "openat2"} or {@code "walk"} (the O_NOFOLLOW component walk);
     * default: openat2 where the kernel has it.
     */
    public Builder resolveBeneath(String mode) {
      checkNotNull(mode, "mode");
      this.resolveMode =
          switch (mode) {
            case "openat2" -> ResolveMode.OPENAT2;
            case "walk" -> ResolveMode.WALK;
            default ->
                throw new IllegalArgumentException(
                    "resolveBeneath must be openat2 or walk, not " + mode);
          };
      return this;
    }

    /** Caps the files open through the backend at once; beyond, opens fail with EMFILE. */
    public Builder maxOpenFiles(int n) {
      checkArgument(n > 0, "maxOpenFiles (%s) must be positive", n);
      this.maxOpenFiles = n;
      return this;
    }

    /**
     * Turns the probe on the caller's thread on (default) or off. On (and with openat2 and {@code
     * RESOLVE_CACHED}, Linux 5.12), a lookup, a whole-file read of a file smaller than 256 KiB or
     * an open that neither creates nor truncates, called on a thread that is not one of the
     * backend's IO threads, is first tried on that thread in its nonblocking form, and goes to the
     * IO pool at the first step that would block. Off, such calls go to the pool. Either way, a
     * call made on one of the backend's IO threads runs there, and every other call goes to the
     * pool. See {@link PosixBackend}, "Where calls run", for the syscalls a caller's thread then
     * makes.
     */
    public Builder probe(boolean on) {
      this.probe = on;
      return this;
    }

    /** Turns inotify watching on (default) or off. */
    public Builder watch(boolean on) {
      this.watch = on;
      return this;
    }

    /**
     * Caps the watched directories (default 8192). Beyond the cap the directory watched longest
     * (never the root) is given up, and what the VFS cached in and below it is looked up again: a
     * working set of more directories than this misses.
     */
    public Builder maxWatches(int n) {
      checkArgument(n > 0, "maxWatches (%s) must be positive", n);
      this.maxWatches = n;
      return this;
    }

    /** Returns the options. */
    public PosixOptions build() {
      return new PosixOptions(
          root, ioThreads, queueCapacity, resolveMode, maxOpenFiles, probe, watch, maxWatches);
    }
  }
}
