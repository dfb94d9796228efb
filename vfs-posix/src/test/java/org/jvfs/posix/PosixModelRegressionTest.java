package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.Vfs;
import org.jvfs.testkit.FsOp;
import org.jvfs.testkit.ReferenceModel;

/** Shrunk chains the posix properties found, as plain regression tests against the model. */
class PosixModelRegressionTest {
  private final Path dir = TempRoot.create("posix-regression");

  @AfterEach
  void delete() {
    TempRoot.delete(dir);
  }

  private void agree(boolean caching, String resolve, FsOp... ops) throws Exception {
    ReferenceModel model = new ReferenceModel();
    try (Vfs vfs =
        Vfs.builder()
            .caching(caching)
            .mount(
                "/",
                PosixBackend.open(
                    PosixOptions.builder(dir).resolveBeneath(resolve).watch(false).build()))
            .build()) {
      for (FsOp op : ops) {
        assertThat(op.on(vfs)).as("%s", op).isEqualTo(op.on(model));
      }
    }
  }

  @Test
  void lookupThroughSelfLoop_isAbsent() throws Exception {
    agree(
        true,
        "openat2",
        new FsOp.Symlink("/c", "c"),
        new FsOp.Lookup("/c/b", false),
        new FsOp.Lookup("/c/b", true));
  }
}
