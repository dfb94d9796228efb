package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.BackendFile;
import org.jvfs.spi.Capability;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Node;

/**
 * The SPI contract every {@link Backend} must meet, as JUnit 5 tests. Subclass it, supply a fresh,
 * empty backend per test in {@link #newBackend()}, and run the subclass.
 *
 * <p>Tests of optional features skip (with an assumption naming the missing {@link Capability})
 * when the backend does not declare the capability. After each test the kit checks that no {@link
 * BackendFile} was left open, then closes the backend. Stages are awaited for up to {@link
 * #TIMEOUT_SECONDS} seconds, so backends that complete on other threads run it too.
 */
public abstract class BackendConformanceKit {
  /** For subclasses, which supply the backend. */
  protected BackendConformanceKit() {}

  /** How long the kit waits for a stage. */
  protected static final long TIMEOUT_SECONDS = 10;

  private HandleTrackingBackend backend;
  private Node root;

  /** Returns a new, empty backend, owned by the kit (which closes it). */
  protected abstract Backend newBackend() throws Exception;

  @BeforeEach
  final void openBackend() throws Exception {
    backend = new HandleTrackingBackend(newBackend());
    root = backend.root();
  }

  @AfterEach
  final void checkAndCloseBackend() {
    try {
      backend.assertNoOpenHandles();
    } finally {
      backend.close();
    }
  }

  /** Returns the backend under test (wrapped for handle tracking). */
  protected final Backend backend() {
    return backend;
  }

  /** Returns the root node of the backend under test, as it answered before the test. */
  final Node rootNode() {
    return root;
  }

  // ---- helpers ---------------------------------------------------------------------------

  /** Waits for a stage and returns its value; fails the test with the stage's failure. */
  protected static <T> T await(CompletionStage<T> stage) throws Exception {
    try {
      return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw new AssertionError(cause);
    }
  }

  /** Asserts that a stage fails with a {@link BackendException} carrying {@code errno}. */
  protected static void assertErrno(CompletionStage<?> stage, Errno errno) {
    assertThatThrownBy(() -> await(stage))
        .isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).errno())
        .isEqualTo(errno);
  }

  @Nested
  @DisplayName("Looking up names")
  class Lookup extends BackendLookupConformance {
    Lookup() {
      super(BackendConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Opening, reading and writing files")
  class OpenReadWrite extends BackendReadWriteConformance {
    OpenReadWrite() {
      super(BackendConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Reading whole files")
  class ReadFile extends BackendReadFileConformance {
    ReadFile() {
      super(BackendConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Making and listing directories")
  class Directories extends BackendDirectoryConformance {
    Directories() {
      super(BackendConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Removing entries")
  class Remove extends BackendRemoveConformance {
    Remove() {
      super(BackendConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Renaming, as rename(2)")
  class Rename extends BackendRenameConformance {
    Rename() {
      super(BackendConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Hard links")
  class HardLinks extends BackendHardLinkConformance {
    HardLinks() {
      super(BackendConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Symbolic links")
  class Symlinks extends BackendSymlinkConformance {
    Symlinks() {
      super(BackendConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Attributes")
  class Attributes extends BackendAttributeConformance {
    Attributes() {
      super(BackendConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Store figures")
  class Store extends BackendStoreConformance {
    Store() {
      super(BackendConformanceKit.this);
    }
  }
}
