package org.jvfs.nio;

import java.nio.file.ClosedFileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jvfs.AsyncFile;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.spi.NodeAttributes;

/**
 * The asynchronous jvfs API from a jvfs {@link Path}, for code that holds {@code java.nio} types:
 * each method runs the {@link Vfs} operation of the path's file system on the path made absolute.
 * Failures fail the future as {@link Vfs} documents; a foreign path throws {@link
 * ProviderMismatchException} and a closed file system {@link ClosedFileSystemException} at once.
 */
public final class AsyncPaths {
  private AsyncPaths() {}

  private static VfsPath check(Path path) {
    VfsPath p = VfsPath.check(path);
    p.getFileSystem().checkOpen();
    return p;
  }

  private static Vfs vfs(VfsPath p) {
    return p.getFileSystem().vfs();
  }

  private static String abs(VfsPath p) {
    return VfsFileChannel.abs(p);
  }

  /** Opens a file, as {@link Vfs#open(String, OpenOption...)}. */
  public static CompletableFuture<AsyncFile> open(Path path, OpenOption... options) {
    VfsPath p = check(path);
    return vfs(p).open(abs(p), Set.of(options));
  }

  /** Returns a path's attributes, as {@link Vfs#stat}. */
  public static CompletableFuture<NodeAttributes> stat(Path path, LinkOption... options) {
    VfsPath p = check(path);
    return vfs(p).stat(abs(p), options);
  }

  /** Looks a path up, as {@link Vfs#lookup}. */
  public static CompletableFuture<LookupResult> lookup(Path path, LinkOption... options) {
    VfsPath p = check(path);
    return vfs(p).lookup(abs(p), options);
  }

  /** Answers from the dentry cache alone, never blocking, as {@link Vfs#lookupNow}. */
  public static LookupResult lookupNow(Path path, LinkOption... options) {
    VfsPath p = check(path);
    return vfs(p).lookupNow(abs(p), options);
  }

  /** Reads a whole file, as {@link Vfs#readAllBytes}. */
  public static CompletableFuture<byte[]> readAllBytes(Path path) {
    VfsPath p = check(path);
    return vfs(p).readAllBytes(abs(p));
  }

  /** Writes a whole file, as {@link Vfs#write}. */
  public static CompletableFuture<Void> write(Path path, byte[] bytes, OpenOption... options) {
    VfsPath p = check(path);
    return vfs(p).write(abs(p), bytes, options);
  }
}
