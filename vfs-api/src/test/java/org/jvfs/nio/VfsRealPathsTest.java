package org.jvfs.nio;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsRealPathsTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  @Test
  void relativeLinks_andDotDotAfterLink_physical() throws Exception {
    Files.createDirectories(fs.getPath("/a/b"));
    Files.writeString(fs.getPath("/a/f"), "");
    Files.createSymbolicLink(fs.getPath("/l"), fs.getPath("a/b"));
    // "..": taken after the link, so /l/.. is /a, not /.
    assertThat(fs.getPath("/l/../f").toRealPath()).isEqualTo(fs.getPath("/a/f"));
    assertThat(fs.getPath("l").toRealPath()).isEqualTo(fs.getPath("/a/b"));
  }

  @Test
  void absoluteLinkChain_resolved() throws Exception {
    Files.createDirectories(fs.getPath("/t"));
    Files.createSymbolicLink(fs.getPath("/one"), fs.getPath("/two"));
    Files.createSymbolicLink(fs.getPath("/two"), fs.getPath("/t"));
    assertThat(fs.getPath("/one").toRealPath()).isEqualTo(fs.getPath("/t"));
    assertThat(fs.getPath("/one").toRealPath(NOFOLLOW_LINKS)).isEqualTo(fs.getPath("/one"));
  }

  @Test
  void loopOrMissing_fail() throws Exception {
    Files.createSymbolicLink(fs.getPath("/x"), fs.getPath("/y"));
    Files.createSymbolicLink(fs.getPath("/y"), fs.getPath("/x"));
    assertThatThrownBy(() -> fs.getPath("/x").toRealPath())
        .isInstanceOf(FileSystemLoopException.class);
    assertThatThrownBy(() -> fs.getPath("/nope").toRealPath(NOFOLLOW_LINKS))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> fs.getPath("/a/../nope").toRealPath())
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void nestedMount_isAJailAsInTheVfs() throws Exception {
    org.jvfs.Vfs vfs =
        org.jvfs.Vfs.builder()
            .mount("/", org.jvfs.memory.MemoryBackend.create())
            .mount("/m", org.jvfs.memory.MemoryBackend.create())
            .build();
    try (VfsFileSystem nested = VfsFileSystems.of("jail", vfs, true)) {
      Files.createDirectories(nested.getPath("/m/x"));
      Files.createSymbolicLink(nested.getPath("/m/abs"), nested.getPath("/x"));
      // ".." at the mount's root stays there, as the VFS's walk does.
      assertThat(nested.getPath("/m/..").toRealPath()).isEqualTo(nested.getPath("/m"));
      assertThat(nested.getPath("/m/../x").toRealPath()).isEqualTo(nested.getPath("/m/x"));
      assertThat(nested.getPath("/m/..").toRealPath(NOFOLLOW_LINKS))
          .isEqualTo(nested.getPath("/m"));
      // An absolute target starts at the root of the mount that holds the link.
      assertThat(nested.getPath("/m/abs").toRealPath()).isEqualTo(nested.getPath("/m/x"));
      assertThat(Files.isDirectory(nested.getPath("/m/abs"))).isTrue();
    }
  }
}
