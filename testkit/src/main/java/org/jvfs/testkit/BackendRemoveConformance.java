package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.Errno;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;

/** The {@code Remove} group of {@link BackendConformanceKit}: removing entries. */
abstract class BackendRemoveConformance extends BackendConformanceGroup {

  BackendRemoveConformance(BackendConformanceKit kit) {
    super(kit);
  }

  @Test
  @DisplayName("a removed file is gone")
  void file() throws Exception {
    file(root(), "f", "x");
    await(backend().remove(root(), n("f"), false));
    assertThat(find(root(), "f")).isNull();
  }

  @Test
  @DisplayName("an empty directory is removed")
  void emptyDirectory() throws Exception {
    mkdir(root(), "d");
    await(backend().remove(root(), n("d"), true));
    assertThat(find(root(), "d")).isNull();
  }

  @Test
  @DisplayName("removing an absent name fails with ENOENT")
  void absent() {
    assertErrno(backend().remove(root(), n("x"), false), Errno.ENOENT);
  }

  @Test
  @DisplayName("removing a directory as a file fails with EISDIR")
  void directoryAsFile() throws Exception {
    mkdir(root(), "d");
    assertErrno(backend().remove(root(), n("d"), false), Errno.EISDIR);
  }

  @Test
  @DisplayName("removing a file as a directory fails with ENOTDIR")
  void fileAsDirectory() throws Exception {
    file(root(), "f", "");
    assertErrno(backend().remove(root(), n("f"), true), Errno.ENOTDIR);
  }

  @Test
  @DisplayName("removing a directory with entries fails with ENOTEMPTY")
  void nonEmpty() throws Exception {
    NodeInfo d = mkdir(root(), "d");
    file(d.node(), "f", "");
    assertErrno(backend().remove(root(), n("d"), true), Errno.ENOTEMPTY);
  }

  @Test
  @DisplayName("a file removed while open stays readable until closed")
  void openFile() throws Exception {
    file(root(), "f", "kept");
    Opened o = await(backend().open(root(), n("f"), OpenFlags.READ, null));
    try {
      await(backend().remove(root(), n("f"), false));
      assertThat(readAll(o.file())).isEqualTo("kept");
    } finally {
      await(o.file().close());
    }
  }
}
