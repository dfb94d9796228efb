package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.ClosedFileSystemException;
import java.nio.file.InvalidPathException;
import org.junit.jupiter.api.Test;
import org.jvfs.Vfs;

class VfsFileSystemTest {

  @Test
  void basics_separatorRootsStores() throws Exception {
    try (VfsFileSystem fs = NioFixture.newFileSystem()) {
      assertThat(fs.getSeparator()).isEqualTo("/");
      assertThat(fs.getRootDirectories()).containsExactly(fs.getPath("/"));
      assertThat(fs.getFileStores()).hasSize(1);
      assertThat(fs.isReadOnly()).isFalse();
      assertThat(fs.provider()).isInstanceOf(VfsFileSystemProvider.class);
      assertThat(fs.toString()).contains(fs.name());
    }
  }

  @Test
  void getFileStores_listsEveryMount() throws Exception {
    Vfs vfs =
        Vfs.builder()
            .mount("/", org.jvfs.memory.MemoryBackend.create())
            .mount("/data", org.jvfs.memory.MemoryBackend.builder().totalSpace(1 << 20).build())
            .build();
    try (VfsFileSystem fs = VfsFileSystems.of("stores", vfs, true)) {
      java.util.List<java.nio.file.FileStore> stores = new java.util.ArrayList<>();
      fs.getFileStores().forEach(stores::add);
      assertThat(stores).hasSize(2);
      assertThat(stores.get(1).getTotalSpace()).isEqualTo(1 << 20);
      assertThat(java.nio.file.Files.getFileStore(fs.getPath("/data")).getTotalSpace())
          .isEqualTo(1 << 20);
    }
  }

  @Test
  void getPath_joinsPartsSkippingEmpty_rejectsNul() throws Exception {
    try (VfsFileSystem fs = NioFixture.newFileSystem()) {
      assertThat(fs.getPath("/a", "", "b", "c/d").toString()).isEqualTo("/a/b/c/d");
      assertThat(fs.getPath("", "x").toString()).isEqualTo("x");
      assertThatThrownBy(() -> fs.getPath("a", "b\u0000")).isInstanceOf(InvalidPathException.class);
    }
  }

  @Test
  void closedVfsUnderneath_closesFileSystem() throws Exception {
    Vfs vfs = Vfs.inMemory();
    VfsFileSystem fs = VfsFileSystems.of(vfs);
    vfs.close();
    assertThat(fs.isOpen()).isFalse();
    assertThatThrownBy(fs::getRootDirectories).isInstanceOf(ClosedFileSystemException.class);
    fs.close();
  }
}
