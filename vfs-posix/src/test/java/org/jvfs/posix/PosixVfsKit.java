package org.jvfs.posix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.spi.Backend;
import org.jvfs.testkit.CompletionMode;
import org.jvfs.testkit.VfsConformanceKit;

/**
 * The VFS conformance kit on the posix backend; one subclass per matrix cell (cache on/off,
 * completion mode, confinement, watching).
 */
@ExtendWith(FdLeakCheck.class)
abstract class PosixVfsKit extends VfsConformanceKit {
  private final boolean caching;
  private final CompletionMode mode;
  private final String resolve;
  private final boolean watch;
  // Deleted after the class: the kit's own @AfterEach checks run after a subclass's @AfterEach.
  private static final List<Path> roots = new ArrayList<>();

  PosixVfsKit(boolean caching, CompletionMode mode, String resolve, boolean watch) {
    this.caching = caching;
    this.mode = mode;
    this.resolve = resolve;
    this.watch = watch;
  }

  @Override
  protected Backend newBackend() throws Exception {
    Path root = TempRoot.create("posix-vfs");
    roots.add(root);
    return open(
        PosixOptions.builder(root).resolveBeneath(resolve).watch(watch).ioThreads(4).build());
  }

  /** Opens the backend under test; the aio backend's kits override it. */
  Backend open(PosixOptions options) throws IOException {
    return PosixBackend.open(options);
  }

  @Override
  protected boolean asyncBackend() {
    return false;
  }

  @Override
  protected boolean caching() {
    return caching;
  }

  @Override
  protected boolean pushesInvalidations() {
    return watch;
  }

  @Override
  protected CompletionMode completionMode() {
    return mode;
  }

  @AfterAll
  static void deleteRoots() {
    roots.forEach(TempRoot::delete);
    roots.clear();
  }
}
