package org.jvfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Errno;
import org.jvfs.spi.ForwardingBackend;
import org.jvfs.spi.Node;

class MountsTest {
  @Test
  void sample_hasTheSampleTreeAndAColdCache() throws Exception {
    try (Vfs vfs = Mounts.sample()) {
      assertThat(vfs.cacheStats().missCount()).isZero();
      assertThat(vfs.cacheStats().hitCount()).isZero();
      assertThat(new String(vfs.readAllBytes("/README.txt").join(), "UTF-8"))
          .isEqualTo(Mounts.SAMPLE.get("/README.txt"));
      assertThat(vfs.readSymbolicLink("/docs/latest").join()).isEqualTo("guide.txt");
    }
  }

  /**
   * A directory the process may not read fails each command with one line. As root no directory on
   * disk refuses, so a backend refuses here as the kernel would.
   */
  @Test
  void unreadableDirectoryInTheMount_oneLine() {
    Mounts refusing =
        new Mounts() {
          @Override
          Mounted open(MountSpec spec) throws IOException {
            Backend memory = MemoryBackend.create();
            Backend b =
                new ForwardingBackend() {
                  @Override
                  protected Backend delegate() {
                    return memory;
                  }

                  @Override
                  public CompletionStage<List<DirEntry>> readDirectory(Node dir) {
                    return CompletableFuture.failedFuture(new BackendException(Errno.EACCES));
                  }
                };
            return new Mounted(Vfs.builder().mount("/", b).build(), "memory", "");
          }
        };
    for (String command : new String[] {"ls", "tree", "find", "du"}) {
      CliRun run = CliRun.with(refusing, UnaryOperator.identity(), false, command, "memory");
      assertThat(run.code()).as(command).isEqualTo(Jvfs.FAILED);
      assertThat(run.errLines()).as(command).containsExactly("jvfs: /: permission denied");
    }
  }
}
