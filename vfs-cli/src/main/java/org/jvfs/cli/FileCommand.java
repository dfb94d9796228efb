package org.jvfs.cli;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.jvfs.CacheStats;
import org.jvfs.Vfs;
import org.jvfs.spi.NodeAttributes;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code ls}, {@code stat}, {@code cat}, {@code tree}, {@code find} and {@code du} share: a
 * mount spec, a path inside it, and {@code --stats}, which prints the dentry cache's counters on
 * stderr when the command is done.
 */
abstract class FileCommand implements Callable<Integer> {
  final Context context;

  @Parameters(
      index = "0",
      paramLabel = "MOUNT",
      converter = MountSpec.Converter.class,
      description = "memory, posix:DIR, aio:DIR or auto:DIR")
  MountSpec mount;

  @Parameters(
      index = "1",
      paramLabel = "PATH",
      arity = "0..1",
      defaultValue = "/",
      description = "a path inside the mount (default: its root, /)")
  String path = "/";

  @Option(
      names = "--stats",
      description = "print the dentry cache's hits and misses on stderr when done")
  boolean stats;

  FileCommand(Context context) {
    this.context = context;
  }

  @Override
  public final Integer call() throws Exception {
    try (Mounts.Mounted m = context.mounts().open(mount)) {
      String p = path.startsWith("/") ? path : "/" + path;
      int code = run(m.vfs(), p);
      context.out().flush();
      if (stats) {
        printStats(m);
      }
      return code;
    }
  }

  /**
   * Does the command on {@code path} of {@code vfs}.
   *
   * @return the exit code
   * @throws IOException if the path cannot be read (it becomes one line)
   */
  abstract int run(Vfs vfs, String path) throws Exception;

  private void printStats(Mounts.Mounted m) {
    CacheStats s = m.vfs().cacheStats();
    if (!m.note().isEmpty()) {
      context.err().println(m.note());
    }
    context
        .err()
        .printf(
            "cache of the %s mount: %d hits, %d negative hits, %d misses, %d backend lookups,"
                + " %d evictions; holds %d dentries, %d negative%n",
            m.backend(),
            s.hitCount(),
            s.negativeHitCount(),
            s.missCount(),
            s.loadCount(),
            s.evictionCount(),
            s.positiveSize(),
            s.negativeSize());
  }

  /** Returns the attributes of {@code path}, not following a final symbolic link. */
  static NodeAttributes lstat(Vfs vfs, String path) throws IOException {
    return join(vfs.stat(path, LinkOption.NOFOLLOW_LINKS));
  }

  /** Returns a directory's entry names, sorted. */
  static List<String> list(Vfs vfs, String dir) throws IOException {
    return join(vfs.list(dir)).stream().sorted().toList();
  }

  /** Returns {@code dir/name}. */
  static String child(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  /** Waits for a future; an IO failure is thrown as itself. */
  static <T> T join(java.util.concurrent.CompletableFuture<T> f) throws IOException {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      Throwable t = Jvfs.unwrap(e);
      if (t instanceof IOException io) {
        throw io;
      }
      if (t instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Returns a one-letter kind, as ls -l: d, l, - or ?. */
  static char kindLetter(NodeAttributes a) {
    return switch (a.kind()) {
      case DIRECTORY -> 'd';
      case SYMLINK -> 'l';
      case FILE -> '-';
      default -> '?';
    };
  }

  /** Returns {@code rwxr-x---}, or {@code ?????????} if the backend keeps no permissions. */
  static String permissions(NodeAttributes a) {
    var perms = a.permissions();
    return perms == null
        ? "?????????"
        : java.nio.file.attribute.PosixFilePermissions.toString(perms);
  }
}
