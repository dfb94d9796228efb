package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;

class MoverTest {
  private final Vfs vfs;

  MoverTest() throws Exception {
    vfs =
        Vfs.builder()
            .mount("/", MemoryBackend.create())
            .mount("/m", MemoryBackend.create())
            .build();
  }

  @AfterEach
  void close() {
    assertThat(vfs.verifyCache()).isEmpty();
    vfs.close();
  }

  private static Throwable failure(java.util.concurrent.CompletableFuture<?> f) {
    return f.handle((v, e) -> Errors.unwrap(e)).join();
  }

  @Test
  void move_directory_keepsItsCachedSubtreeReachable() {
    vfs.createDirectories("/a/b").join();
    vfs.write("/a/b/f", new byte[4]).join();
    vfs.lookup("/a/b/f").join();
    long loads = vfs.cacheStats().loadCount();
    vfs.move("/a", "/z").join();
    // The directory was re-keyed, not dropped: its children answer from memory at once.
    LookupResult r = vfs.lookupNow("/z/b/f");
    assertThat(r.status()).isEqualTo(LookupResult.Status.HIT);
    assertThat(r.attributes().size()).isEqualTo(4);
    assertThat(vfs.lookupNow("/a").status()).isEqualTo(LookupResult.Status.ABSENT);
    assertThat(vfs.cacheStats().loadCount()).isEqualTo(loads + 1);
  }

  @Test
  void move_fileOverEmptyDirectoryWithReplace_replacesIt() {
    vfs.write("/f", new byte[1]).join();
    vfs.createDirectory("/d").join();
    vfs.move("/f", "/d", StandardCopyOption.REPLACE_EXISTING).join();
    assertThat(vfs.stat("/d").join().isRegularFile()).isTrue();
    assertThat(vfs.lookup("/f").join().status()).isEqualTo(LookupResult.Status.ABSENT);
  }

  @Test
  void move_acrossMounts_copiesAndDeletes() {
    vfs.write("/f", new byte[] {7}).join();
    vfs.move("/f", "/m/f").join();
    assertThat(vfs.readAllBytes("/m/f").join()).containsExactly(7);
    assertThat(vfs.lookup("/f").join().status()).isEqualTo(LookupResult.Status.ABSENT);
  }

  @Test
  void move_nonEmptyDirectoryAcrossMounts_isDirectoryNotEmpty() {
    vfs.createDirectories("/d/e").join();
    assertThat(failure(vfs.move("/d", "/m/d")))
        .isInstanceOf(DirectoryNotEmptyException.class)
        .hasMessage("/d");
    assertThat(vfs.list("/d").join()).containsExactly("e");
  }

  @Test
  void move_atomicAcrossMounts_isRefused() {
    vfs.write("/f", new byte[1]).join();
    assertThat(failure(vfs.move("/f", "/m/f", StandardCopyOption.ATOMIC_MOVE)))
        .isInstanceOf(AtomicMoveNotSupportedException.class);
    assertThat(vfs.lookup("/f").join().isHit()).isTrue();
  }
}
