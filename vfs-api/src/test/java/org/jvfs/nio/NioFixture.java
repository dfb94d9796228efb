package org.jvfs.nio;

import java.util.concurrent.atomic.AtomicLong;
import org.jvfs.Vfs;

/** Makes jvfs file systems over fresh in-memory VFSes for the tests of this package. */
final class NioFixture {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private NioFixture() {}

  /** Returns a new file system that owns a new in-memory VFS; close it after the test. */
  static VfsFileSystem newFileSystem() {
    return VfsFileSystems.of("test-" + SEQUENCE.incrementAndGet(), Vfs.inMemory(), true);
  }
}
