package org.jvfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Regression tests for differences from the JDK's provider that the VFS conformance kit found. */
class VfsJdkParityTest {
  private final Vfs vfs = Vfs.inMemory();

  @AfterEach
  void checkInvariants() {
    assertThat(vfs.verifyCache()).isEmpty();
    assertThat(vfs.pendingOperations()).isZero();
    vfs.close();
  }

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void deleteIfExists_missingDirectoryOnTheWay_isFalse() {
    // Files.deleteIfExists: unlink(2) fails with ENOENT, which means "absent".
    assertThat(vfs.deleteIfExists("/no/such/path").join()).isFalse();
  }

  @Test
  void moveAndCopy_nullOption_throwNullPointerException() {
    vfs.write("/f", new byte[1]).join();
    assertThatThrownBy(() -> vfs.move("/f", "/g", (StandardCopyOption) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> vfs.copy("/f", "/g", (StandardCopyOption) null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void move_intoMissingDirectory_namesSourceThenTarget() {
    vfs.write("/a", new byte[1]).join();
    Throwable t = failure(vfs.move("/a", "/no/b"));
    assertThat(t).isInstanceOf(NoSuchFileException.class).hasMessage("/a -> /no/b");
  }

  @Test
  void list_throughAFile_failsWithNotDirectory() {
    vfs.write("/f", new byte[1]).join();
    assertThat(failure(vfs.list("/f/.."))).isInstanceOf(NotDirectoryException.class);
    assertThat(failure(vfs.list("/f/x"))).isInstanceOf(NotDirectoryException.class);
  }
}
