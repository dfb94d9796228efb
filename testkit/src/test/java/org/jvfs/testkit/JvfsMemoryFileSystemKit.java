package org.jvfs.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The java.nio conformance kit on a jvfs file system over the memory backend, made through {@code
 * FileSystems.newFileSystem} with a {@code jvfs:} URI; one fresh file system per test.
 */
abstract class JvfsMemoryFileSystemKit extends FileSystemConformanceKit {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final boolean caching;
  private @Nullable FileSystem fs;

  JvfsMemoryFileSystemKit(boolean caching) {
    this.caching = caching;
  }

  @Override
  protected Path newRoot() throws IOException {
    URI uri = URI.create("jvfs://kit-" + SEQUENCE.incrementAndGet());
    FileSystem made = FileSystems.newFileSystem(uri, Map.of("caching", caching));
    fs = made;
    return Files.createDirectories(made.getPath("/work/root"));
  }

  @Override
  protected void releaseRoot(Path root) throws Exception {
    try {
      super.releaseRoot(root);
    } finally {
      FileSystem done = fs;
      fs = null;
      if (done != null) {
        done.close();
      }
    }
  }

  /** Everything the memory backend has: every feature but memory mapping. */
  @Override
  protected Set<Feature> features() {
    return EnumSet.complementOf(EnumSet.of(Feature.MEMORY_MAPPING));
  }
}
