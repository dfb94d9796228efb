package org.jvfs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.nio.VfsFileSystem;
import org.jvfs.nio.VfsFileSystems;

/**
 * A fresh jvfs file system over a new in-memory VFS for one test. Closing it checks that the
 * library left nothing open or pending and that the cache agrees with the backend, then closes the
 * file system and its VFS.
 */
final class JvfsFixture implements AutoCloseable {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  final VfsFileSystem fs;

  private JvfsFixture(boolean caching) {
    Vfs vfs;
    try {
      vfs = Vfs.builder().caching(caching).mount("/", MemoryBackend.create()).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fs = VfsFileSystems.of("it-" + SEQUENCE.incrementAndGet(), vfs, true);
  }

  /** Returns a new file system, with the dentry cache on or off. */
  static JvfsFixture open(boolean caching) {
    return new JvfsFixture(caching);
  }

  @Override
  public void close() throws IOException {
    try {
      assertThat(fs.vfs().openFileCount()).as("files left open").isZero();
      assertThat(fs.vfs().pendingOperations()).as("operations left pending").isZero();
      assertThat(fs.vfs().verifyCache()).as("cache disagreements").isEmpty();
    } finally {
      fs.close();
    }
    assertThat(fs.isOpen()).isFalse();
  }
}
