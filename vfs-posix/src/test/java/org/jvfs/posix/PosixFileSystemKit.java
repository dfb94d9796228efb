package org.jvfs.posix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.Vfs;
import org.jvfs.nio.VfsFileSystem;
import org.jvfs.nio.VfsFileSystems;
import org.jvfs.spi.Backend;
import org.jvfs.testkit.Feature;
import org.jvfs.testkit.FileSystemConformanceKit;

/**
 * The java.nio conformance kit on a jvfs file system over the posix backend: one fresh temporary
 * directory, backend, VFS and file system per test. One subclass per matrix cell (cache on/off,
 * openat2 or the forced walk).
 */
@ExtendWith(FdLeakCheck.class)
abstract class PosixFileSystemKit extends FileSystemConformanceKit {
  private static final Set<Feature> FEATURES = probeFeatures();

  private final boolean caching;
  private final String resolve;
  private @Nullable Path dir;
  private @Nullable VfsFileSystem fs;

  PosixFileSystemKit(boolean caching, String resolve) {
    this.caching = caching;
    this.resolve = resolve;
  }

  @Override
  protected Path newRoot() throws Exception {
    Path made = TempRoot.create("posix-nio");
    dir = made;
    Backend backend = open(PosixOptions.builder(made).resolveBeneath(resolve).ioThreads(4).build());
    Vfs vfs = Vfs.builder().caching(caching).mount("/", backend).build();
    VfsFileSystem opened = VfsFileSystems.of(vfs);
    fs = opened;
    return Files.createDirectories(opened.getPath("/work/root"));
  }

  @Override
  protected void releaseRoot(Path root) throws Exception {
    try {
      super.releaseRoot(root);
    } finally {
      VfsFileSystem done = fs;
      fs = null;
      if (done != null) {
        Vfs vfs = done.vfs();
        done.close();
        vfs.close();
      }
      Path d = dir;
      dir = null;
      if (d != null) {
        TempRoot.delete(d);
      }
    }
  }

  /** Opens the backend under test; the aio backend's kits override it. */
  Backend open(PosixOptions options) throws IOException {
    return PosixBackend.open(options);
  }

  /**
   * Everything but memory mapping (no jvfs backend maps memory); birth time only where the file
   * system under the temporary directory records one.
   */
  @Override
  protected Set<Feature> features() {
    return FEATURES;
  }

  private static Set<Feature> probeFeatures() {
    Set<Feature> features = EnumSet.complementOf(EnumSet.of(Feature.MEMORY_MAPPING));
    if (!StatxProbe.reportsBirthTime()) {
      features.remove(Feature.CREATION_TIME);
    }
    return features;
  }
}
