package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.AsyncFile;
import org.jvfs.CoherencePolicy;
import org.jvfs.Vfs;

/** With a handle limit below the files opened, EMFILE is a clear exception and nothing leaks. */
@ExtendWith(FdLeakCheck.class)
@DisplayName("A handle limit gives EMFILE and leaks nothing")
class DescriptorLimitTest {
  static final int LIMIT = 8;

  Path root;
  PosixBackend backend;
  Vfs vfs;

  @BeforeEach
  void setUp() throws Exception {
    root = TempRoot.create("posix-emfile");
    for (int i = 0; i < 3 * LIMIT; i++) {
      Files.writeString(root.resolve("f" + i), "x" + i);
    }
    backend =
        PosixBackend.open(PosixOptions.builder(root).maxOpenFiles(LIMIT).watch(false).build());
    vfs = Vfs.builder().mount("/", backend, CoherencePolicy.PRIVATE).build();
  }

  @AfterEach
  void tearDown() {
    vfs.close();
    TempRoot.delete(root);
  }

  @Test
  void open_beyondTheLimit_failsWithTooManyOpenFiles() {
    int before = FdLeakCheck.openDescriptors();
    List<AsyncFile> files = new ArrayList<>();
    int failures = 0;
    Throwable first = null;
    for (int i = 0; i < 3 * LIMIT; i++) {
      String p = "/f" + i;
      try {
        files.add(vfs.open(p).join());
      } catch (CompletionException e) {
        failures++;
        if (first == null) {
          first = e.getCause();
        }
      }
    }
    assertThat(files).hasSize(LIMIT);
    assertThat(failures).isEqualTo(2 * LIMIT);
    assertThat(first)
        .isInstanceOf(FileSystemException.class)
        .hasMessageContaining("/f" + LIMIT)
        .hasMessageContaining("Too many open files");
    for (AsyncFile f : files) {
      f.close().join();
    }
    assertThat(vfs.openFileCount()).isZero();
    assertThat(backend.heldDescriptors()).isZero();
    assertThat(FdLeakCheck.openDescriptors()).isLessThanOrEqualTo(before);
    // After the files are closed, opens work again.
    assertThat(vfs.readAllBytes("/f0").join()).isEqualTo("x0".getBytes());
  }

  @Test
  void close_ofTheBackend_closesEveryDescriptor() {
    int before = FdLeakCheck.openDescriptors();
    for (int i = 0; i < LIMIT; i++) {
      vfs.open("/f" + i).join();
    }
    vfs.readAllBytes("/f0");
    assertThat(catchThrowable(() -> vfs.open("/f" + LIMIT).join())).isNotNull();
    vfs.close();
    assertThat(backend.heldDescriptors()).isZero();
    // The backend's root descriptor and its IO threads are gone too.
    assertThat(FdLeakCheck.openDescriptors()).isLessThan(before);
  }
}
