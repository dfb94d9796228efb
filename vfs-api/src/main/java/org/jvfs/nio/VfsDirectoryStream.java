package org.jvfs.nio;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.ClosedDirectoryStreamException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.NodeAttributes;

/**
 * A directory's entries, listed once when the stream opens, filtered lazily as the iterator goes.
 *
 * <p>It is a {@link SecureDirectoryStream} so that libraries such as Guava take their secure path,
 * but a <em>path-based</em> one, not descriptor-based: a relative path given to its methods is
 * resolved against the path the stream was opened on, each time, so if that directory is moved
 * meanwhile they act on whatever is at that path then. Absolute paths are used as they are.
 */
final class VfsDirectoryStream implements SecureDirectoryStream<Path> {
  private final VfsPath dir;
  private final List<String> names;
  private final DirectoryStream.Filter<? super Path> filter;
  private volatile boolean closed;
  private boolean iterated;

  private VfsDirectoryStream(
      VfsPath dir, List<String> names, DirectoryStream.Filter<? super Path> filter) {
    this.dir = dir;
    this.names = names;
    this.filter = filter;
  }

  /** Lists {@code dir}; fails with NotDirectoryException if it is not a directory. */
  static VfsDirectoryStream open(VfsPath dir, DirectoryStream.Filter<? super Path> filter)
      throws IOException {
    checkNotNull(filter, "filter");
    dir.getFileSystem().checkOpen();
    List<String> names = VfsIo.join(dir.getFileSystem().vfs().list(VfsFileChannel.abs(dir)));
    return new VfsDirectoryStream(dir, names, filter);
  }

  private VfsPath resolve(Path path) {
    VfsPath p = VfsPath.check(path);
    return (VfsPath) dir.resolve(p);
  }

  private void checkOpen() {
    if (closed) {
      throw new ClosedDirectoryStreamException();
    }
  }

  @Override
  public synchronized Iterator<Path> iterator() {
    checkOpen();
    if (iterated) {
      throw new IllegalStateException("iterator() already called");
    }
    iterated = true;
    return new Iterator<>() {
      private int next;
      private @Nullable Path ahead;

      @Override
      public boolean hasNext() {
        while (ahead == null && !closed && next < names.size()) {
          Path p = dir.resolve(names.get(next++));
          try {
            if (filter.accept(p)) {
              ahead = p;
            }
          } catch (IOException e) {
            throw new DirectoryIteratorException(e);
          }
        }
        return ahead != null;
      }

      @Override
      public Path next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Path p = ahead;
        ahead = null;
        return p;
      }
    };
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Opens a directory stream on {@code path}, relative to this one's directory. */
  @Override
  public SecureDirectoryStream<Path> newDirectoryStream(Path path, LinkOption... options)
      throws IOException {
    checkOpen();
    VfsPath target = resolve(path);
    if (nofollow(options)) {
      NodeAttributes a = VfsIo.join(dir.getFileSystem().vfs().stat(abs(target), options));
      if (a.isSymbolicLink()) {
        throw new NotDirectoryException(target.toString());
      }
    }
    return open(target, p -> true);
  }

  /** Opens a file relative to this stream's directory. */
  @Override
  public SeekableByteChannel newByteChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    checkOpen();
    return VfsFileChannel.open(resolve(path), options, attrs);
  }

  /** Deletes a non-directory relative to this stream's directory. */
  @Override
  public void deleteFile(Path path) throws IOException {
    delete(path, false);
  }

  /** Deletes an empty directory relative to this stream's directory. */
  @Override
  public void deleteDirectory(Path path) throws IOException {
    delete(path, true);
  }

  private void delete(Path path, boolean directory) throws IOException {
    checkOpen();
    VfsPath target = resolve(path);
    NodeAttributes a =
        VfsIo.join(dir.getFileSystem().vfs().stat(abs(target), LinkOption.NOFOLLOW_LINKS));
    if (a.isDirectory() != directory) {
      throw new FileSystemException(
          target.toString(), null, directory ? "Not a directory" : "Is a directory");
    }
    VfsIo.join(dir.getFileSystem().vfs().delete(abs(target)));
  }

  /**
   * Moves {@code srcpath} (relative to this stream) to {@code targetpath} (relative to {@code
   * targetdir}).
   */
  @Override
  public void move(Path srcpath, SecureDirectoryStream<Path> targetdir, Path targetpath)
      throws IOException {
    checkOpen();
    if (!(targetdir instanceof VfsDirectoryStream other)) {
      throw new java.nio.file.ProviderMismatchException("not a jvfs directory stream");
    }
    other.checkOpen();
    VfsPath from = resolve(srcpath);
    VfsPath to = other.resolve(targetpath);
    dir.getFileSystem().provider().move(from, to);
  }

  /** Returns a view of this stream's directory. */
  @Override
  public <V extends FileAttributeView> @Nullable V getFileAttributeView(Class<V> type) {
    checkOpen();
    return VfsAttributeViews.view(dir, type);
  }

  /** Returns a view of a file relative to this stream's directory. */
  @Override
  public <V extends FileAttributeView> @Nullable V getFileAttributeView(
      Path path, Class<V> type, LinkOption... options) {
    checkOpen();
    return VfsAttributeViews.view(resolve(path), type, options);
  }

  private static boolean nofollow(LinkOption... options) {
    for (LinkOption o : options) {
      if (o == LinkOption.NOFOLLOW_LINKS) {
        return true;
      }
    }
    return false;
  }

  private static String abs(VfsPath p) {
    return VfsFileChannel.abs(p);
  }
}
