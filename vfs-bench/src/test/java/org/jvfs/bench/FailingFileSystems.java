package org.jvfs.bench;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.nio.VfsFileSystems;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.ForwardingBackend;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;

/**
 * java.nio file systems (jvfs on the memory backend) that fail as a user's disk may: one that fills
 * up (ENOSPC) and one in which nothing can be made (EACCES, as an unwritable directory). They fail
 * the same way for root, for whom a chmod'ed directory stays writable. The jvfs command's tests use
 * them too (vfs-bench's test jar).
 */
public final class FailingFileSystems {
  private FailingFileSystems() {}

  /** Returns a file system with {@code bytes} of space. */
  public static FileSystem full(long bytes) throws IOException {
    return VfsFileSystems.of(
        Vfs.builder().mount("/", MemoryBackend.builder().totalSpace(bytes).build()).build());
  }

  /** Returns a file system whose directories refuse new entries with EACCES. */
  public static FileSystem unwritable() throws IOException {
    Backend memory = MemoryBackend.create();
    Backend refusing =
        new ForwardingBackend() {
          @Override
          protected Backend delegate() {
            return memory;
          }

          @Override
          public CompletionStage<NodeInfo> createDirectory(
              Node dir, Name name, @Nullable Set<PosixFilePermission> permissions) {
            return CompletableFuture.failedFuture(new BackendException(Errno.EACCES));
          }

          @Override
          public CompletionStage<Opened> open(
              Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> perms) {
            return CompletableFuture.failedFuture(new BackendException(Errno.EACCES));
          }
        };
    return VfsFileSystems.of(Vfs.builder().mount("/", refusing).build());
  }
}
