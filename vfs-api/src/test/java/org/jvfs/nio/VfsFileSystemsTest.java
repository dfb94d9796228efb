package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.jvfs.Vfs;

class VfsFileSystemsTest {

  @Test
  void of_borrowedVfs_staysOpenAfterClose() throws Exception {
    try (Vfs vfs = Vfs.inMemory()) {
      VfsFileSystem fs = VfsFileSystems.of(vfs);
      Files.writeString(fs.getPath("/f"), "shared");
      Path viaUri = Path.of(fs.getPath("/f").toUri());
      assertThat(viaUri.getFileSystem()).isSameAs(fs);
      fs.close();
      assertThat(vfs.isOpen()).isTrue();
      assertThat(vfs.readAllBytes("/f").join()).hasSize(6);
    }
  }

  @Test
  void of_owned_closesVfs_nameTaken() throws Exception {
    Vfs vfs = Vfs.inMemory();
    VfsFileSystem fs = VfsFileSystems.of("owned-1", vfs, true);
    assertThatThrownBy(() -> VfsFileSystems.of("owned-1", Vfs.inMemory(), true))
        .isInstanceOf(FileSystemAlreadyExistsException.class);
    assertThatThrownBy(() -> VfsFileSystems.of("bad name", vfs, true))
        .isInstanceOf(IllegalArgumentException.class);
    fs.close();
    assertThat(vfs.isOpen()).isFalse();
  }
}
