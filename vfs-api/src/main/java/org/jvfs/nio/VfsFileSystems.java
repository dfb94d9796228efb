package org.jvfs.nio;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.spi.FileSystemProvider;
import java.util.concurrent.atomic.AtomicLong;
import org.jvfs.Vfs;

/**
 * Makes {@code java.nio} file systems from {@link Vfs}es built in code. The file system is
 * registered with the installed {@link VfsFileSystemProvider} under its name, so its paths' URIs
 * round-trip through {@link java.nio.file.Path#of(java.net.URI)} until it is closed.
 */
public final class VfsFileSystems {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private VfsFileSystems() {}

  /**
   * Returns a file system over {@code vfs}, named {@code vfs-N}. Closing the file system leaves the
   * VFS open: the caller owns it.
   */
  public static VfsFileSystem of(Vfs vfs) {
    return of("vfs-" + SEQUENCE.incrementAndGet(), vfs, false);
  }

  /**
   * Returns a file system over {@code vfs} under {@code name}.
   *
   * @param closeVfs whether closing the file system also closes the VFS
   * @throws java.nio.file.FileSystemAlreadyExistsException if an open file system has that name
   * @throws IllegalArgumentException if the name is not letters, digits, '-', '.' or '_'
   */
  public static VfsFileSystem of(String name, Vfs vfs, boolean closeVfs) {
    checkNotNull(vfs, "vfs");
    try {
      return provider().register(VfsUris.checkName(name), vfs, closeVfs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the installed provider, or a private one if jvfs is not on the system class path. */
  static VfsFileSystemProvider provider() {
    for (FileSystemProvider p : FileSystemProvider.installedProviders()) {
      if (p instanceof VfsFileSystemProvider v) {
        return v;
      }
    }
    return Holder.PRIVATE;
  }

  private static final class Holder {
    static final VfsFileSystemProvider PRIVATE = new VfsFileSystemProvider();
  }
}
