/**
 * jvfs's API, its backend SPI, the in-memory backend and the {@code java.nio} provider for {@code
 * jvfs:} URIs. The path walker and the dentry cache ({@code org.jvfs.core}) stay inside.
 *
 * @provides org.jvfs.spi.BackendProvider the in-memory backend, named {@code memory}
 * @provides java.nio.file.spi.FileSystemProvider the {@code jvfs} scheme
 * @uses org.jvfs.spi.BackendProvider backends named in a {@code java.nio} environment
 */
module org.jvfs {
  requires com.github.benmanes.caffeine;
  requires com.google.common;
  requires static transitive org.jspecify;

  exports org.jvfs;
  exports org.jvfs.spi;
  exports org.jvfs.memory;
  exports org.jvfs.nio;

  uses org.jvfs.spi.BackendProvider;

  provides org.jvfs.spi.BackendProvider with
      org.jvfs.memory.MemoryBackendProvider;
  provides java.nio.file.spi.FileSystemProvider with
      org.jvfs.nio.VfsFileSystemProvider;
}
