package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;

/**
 * The default completion executor is safe for callers that chain blocking work: a callback that
 * blocks on another VFS operation does not starve the completions it waits for.
 */
class DefaultCompletionTest {
  private final Vfs vfs;

  DefaultCompletionTest() throws Exception {
    vfs = Vfs.builder().mount("/", AsyncBackend.wrap(MemoryBackend.create())).build();
  }

  @AfterEach
  void close() {
    vfs.close();
  }

  @Test
  void chainedBlockingWork_completes() throws Exception {
    vfs.write("/a", "A".getBytes(UTF_8)).get(5, TimeUnit.SECONDS);
    List<CompletableFuture<String>> chains = new ArrayList<>();
    // More blocked callbacks at once than the backend has IO threads.
    for (int i = 0; i < 16; i++) {
      chains.add(vfs.stat("/a").thenApply(a -> new String(vfs.readAllBytes("/a").join(), UTF_8)));
    }
    for (CompletableFuture<String> c : chains) {
      assertThat(c.get(10, TimeUnit.SECONDS)).isEqualTo("A");
    }
  }
}
