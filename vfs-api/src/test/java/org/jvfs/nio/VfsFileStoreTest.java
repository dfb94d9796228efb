package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFileAttributeView;
import org.junit.jupiter.api.Test;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;

class VfsFileStoreTest {

  @Test
  void spaceFigures_fromBackend_shrinkAsDataIsWritten() throws Exception {
    Vfs vfs = Vfs.builder().mount("/", MemoryBackend.builder().totalSpace(1 << 20).build()).build();
    try (VfsFileSystem fs = VfsFileSystems.of("store-a", vfs, true)) {
      FileStore store = Files.getFileStore(fs.getPath("/"));
      assertThat(store.getTotalSpace()).isEqualTo(1 << 20);
      long before = store.getUnallocatedSpace();
      Files.write(fs.getPath("/f"), new byte[100_000]);
      assertThat(store.getUnallocatedSpace()).isLessThan(before);
      assertThat(store.getUsableSpace()).isLessThanOrEqualTo(store.getUnallocatedSpace());
      assertThat(store.type()).isEqualTo("jvfs");
      assertThat(store.supportsFileAttributeView(PosixFileAttributeView.class)).isTrue();
      assertThat(store.supportsFileAttributeView("unix")).isTrue();
      assertThatThrownBy(() -> store.getAttribute("x:y"))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void mounts_areDistinctStores() throws Exception {
    Vfs vfs = Vfs.builder().mount("/data", MemoryBackend.create()).build();
    try (VfsFileSystem fs = VfsFileSystems.of("store-b", vfs, true)) {
      FileStore root = Files.getFileStore(fs.getPath("/"));
      FileStore data = Files.getFileStore(fs.getPath("/data"));
      assertThat(data.name()).isEqualTo("/data");
      assertThat(root).isNotEqualTo(data);
      assertThat(Files.getFileStore(Files.createDirectory(fs.getPath("/data/x")))).isEqualTo(data);
      assertThatThrownBy(() -> Files.getFileStore(fs.getPath("/missing")))
          .isInstanceOf(NoSuchFileException.class);
    }
  }
}
