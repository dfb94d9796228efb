package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.AsyncFile;
import org.jvfs.LookupResult;

class AsyncPathsTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  @Test
  void writeThenReadAndStat() {
    Path p = fs.getPath("rel");
    AsyncPaths.write(p, new byte[] {1, 2}).join();
    assertThat(AsyncPaths.readAllBytes(p).join()).containsExactly(1, 2);
    assertThat(AsyncPaths.stat(fs.getPath("/rel")).join().size()).isEqualTo(2);
    assertThat(AsyncPaths.lookup(p).join().isHit()).isTrue();
  }

  @Test
  void lookupNow_hitAfterLookup_absentAfterMiss() {
    Path p = fs.getPath("/f");
    AsyncPaths.write(p, new byte[] {1}).join();
    AsyncPaths.lookup(p).join();
    assertThat(AsyncPaths.lookupNow(p).status()).isEqualTo(LookupResult.Status.HIT);
    AsyncPaths.lookup(fs.getPath("/g")).join();
    assertThat(AsyncPaths.lookupNow(fs.getPath("/g")).status())
        .isEqualTo(LookupResult.Status.ABSENT);
  }

  @Test
  void open_readsAndWrites() {
    Path p = fs.getPath("/f");
    AsyncFile f = AsyncPaths.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE).join();
    f.write(ByteBuffer.wrap(new byte[] {9}), 0).join();
    f.close().join();
    assertThat(AsyncPaths.readAllBytes(p).join()).containsExactly(9);
  }

  @Test
  void missing_failsFuture_foreignThrows() {
    assertThatThrownBy(() -> AsyncPaths.readAllBytes(fs.getPath("/nope")).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> AsyncPaths.stat(Path.of("/")))
        .isInstanceOf(ProviderMismatchException.class);
  }
}
