package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.CoherencePolicy;
import org.jvfs.Saturation;
import org.jvfs.memory.MemoryBackend;

class PathWalkerTest {
  private final VfsCore core =
      new VfsCore(
          new VfsCore.Config(
              true, 1000, 1000, Runnable::run, null, 16, Saturation.WAIT, Runnable::run));

  PathWalkerTest() throws Exception {
    core.mount("/", MemoryBackend.create(), CoherencePolicy.PRIVATE);
    core.tree().createDirectories("/a/b", java.util.List.of()).join();
    core.files().write("/a/b/f", new byte[] {1}).join();
  }

  @AfterEach
  void close() {
    core.close();
  }

  private Resolution walk(String path, boolean follow) {
    return core.walker
        .walk(ParsedPath.parse(path), follow, new OpContext(new Semaphore(16), Saturation.WAIT))
        .join();
  }

  private Throwable failure(String path) {
    CompletableFuture<Resolution> f =
        core.walker.walk(
            ParsedPath.parse(path), true, new OpContext(new Semaphore(16), Saturation.WAIT));
    return f.handle((r, e) -> Errors.unwrap(e)).join();
  }

  @Test
  void walk_existing_endsAtParentAndName() {
    Resolution r = walk("/a/b/f", true);
    assertThat(r.name().toString()).isEqualTo("f");
    assertThat(r.parent().name.toString()).isEqualTo("b");
    assertThat(r.entry()).isNotNull();
  }

  @Test
  void walk_absentLast_hasNoEntry() {
    Resolution r = walk("/a/b/g", true);
    assertThat(r.entry()).isNull();
    assertThat(r.name().toString()).isEqualTo("g");
  }

  @Test
  void walk_absentOnTheWay_isNoSuchFile() {
    assertThat(failure("/a/x/f")).isInstanceOf(NoSuchFileException.class).hasMessage("/a/x/f");
  }

  @Test
  void walk_throughAFile_isNotADirectory() {
    assertThat(failure("/a/b/f/g"))
        .isExactlyInstanceOf(FileSystemException.class)
        .hasMessageContaining("Not a directory");
  }

  @Test
  void walk_dotDotAboveRoot_staysAtRoot() {
    assertThat(walk("/../../a/..", true).entry().isMountRoot()).isTrue();
  }

  @Test
  void walk_fortySymlinks_isFine_fortyOne_isALoop() {
    // l0 -> a/b/f, and l(i) -> l(i-1): following l(n) takes n+1 links.
    core.tree().createSymbolicLink("/l0", "a/b/f").join();
    for (int i = 1; i <= 40; i++) {
      core.tree().createSymbolicLink("/l" + i, "l" + (i - 1)).join();
    }
    assertThat(walk("/l39", true).entry().isSymlink()).isFalse();
    assertThat(failure("/l40")).isInstanceOf(FileSystemLoopException.class);
  }

  @Test
  void walk_nofollowFinal_returnsTheLinkItself() {
    core.tree().createSymbolicLink("/l", "a").join();
    assertThat(walk("/l", false).entry().isSymlink()).isTrue();
    assertThat(walk("/l", true).entry().isDirectory()).isTrue();
    assertThat(walk("/l/b/f", false).entry().isSymlink()).isFalse();
  }

  @Test
  void walk_dotDotAfterSymlink_isPhysical() {
    core.tree().createSymbolicLink("/a/lb", "b").join();
    // /a/lb/.. is the parent of b, that is /a, not /a itself lexically minus lb (also /a here);
    // use a link that points elsewhere to tell them apart.
    core.tree().createSymbolicLink("/up", "a/b").join();
    Resolution r = walk("/up/../b/f", true);
    assertThat(r.entry()).isNotNull();
  }

  @Test
  void walkNow_uncached_isMissWithoutBackendCalls() {
    long loads = core.stats().loadCount();
    CompletableFuture<Resolution> f = core.walker.walkNow(ParsedPath.parse("/zz/y"), true, null);
    assertThat(f).isCompletedWithValue(Resolution.MISS);
    assertThat(core.stats().loadCount()).isEqualTo(loads);
  }
}
