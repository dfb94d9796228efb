package org.jvfs.nio;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jvfs.MountInfo;
import org.jvfs.spi.StoreInfo;

/**
 * The store of one mount of a jvfs file system: named by its mount point, of type {@code jvfs},
 * with the space figures its backend reports at each call. Two stores are equal if they are the
 * same mount of the same file system. Immutable.
 */
public final class VfsFileStore extends FileStore {
  private final VfsFileSystem fs;
  private final MountInfo mount;

  VfsFileStore(VfsFileSystem fs, MountInfo mount) {
    this.fs = fs;
    this.mount = mount;
  }

  /** Returns the store holding {@code path}; fails with NoSuchFileException if it is absent. */
  static VfsFileStore of(VfsPath path) throws IOException {
    VfsFileSystem fs = path.getFileSystem();
    fs.checkOpen();
    return new VfsFileStore(fs, VfsIo.join(fs.vfs().mountOf(VfsFileChannel.abs(path))));
  }

  private StoreInfo info() throws IOException {
    fs.checkOpen();
    return VfsIo.join(fs.vfs().storeInfo(mount.mountPoint()));
  }

  /** Returns the mount point. */
  @Override
  public String name() {
    return mount.mountPoint();
  }

  /** Returns {@code jvfs}. */
  @Override
  public String type() {
    return "jvfs";
  }

  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  public long getTotalSpace() throws IOException {
    return info().totalSpace();
  }

  @Override
  public long getUsableSpace() throws IOException {
    return info().usableSpace();
  }

  @Override
  public long getUnallocatedSpace() throws IOException {
    return info().freeSpace();
  }

  @Override
  public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
    Set<String> views = VfsFileSystem.views(mount);
    return (type == BasicFileAttributeView.class)
        || (type == PosixFileAttributeView.class && views.contains("posix"))
        || (type == FileOwnerAttributeView.class && views.contains("owner"));
  }

  @Override
  public boolean supportsFileAttributeView(String name) {
    return VfsFileSystem.views(mount).contains(name);
  }

  /** Returns null: jvfs stores have no attribute views of their own. */
  @Override
  public <V extends FileStoreAttributeView> @Nullable V getFileStoreAttributeView(Class<V> type) {
    return null;
  }

  /**
   * Not supported: jvfs stores have no attributes of their own.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public Object getAttribute(String attribute) {
    throw new UnsupportedOperationException("'" + attribute + "' not recognized");
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof VfsFileStore s
        && s.fs == fs
        && s.mount.mountPoint().equals(mount.mountPoint());
  }

  @Override
  public int hashCode() {
    return mount.mountPoint().hashCode();
  }

  @Override
  public String toString() {
    return name() + " (jvfs://" + fs.name() + ")";
  }
}
