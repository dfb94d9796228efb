package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Errno;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.NodeKind;

/**
 * The {@code Directories} group of {@link BackendConformanceKit}: making and listing directories.
 */
abstract class BackendDirectoryConformance extends BackendConformanceGroup {

  BackendDirectoryConformance(BackendConformanceKit kit) {
    super(kit);
  }

  @Test
  @DisplayName("a made directory is found and listed")
  void make() throws Exception {
    NodeInfo d = mkdir(root(), "d");
    assertThat(d.kind()).isEqualTo(NodeKind.DIRECTORY);
    assertThat(lookup(root(), "d").node()).isEqualTo(d.node());
    assertThat(await(backend().readDirectory(d.node()))).isEmpty();
  }

  @Test
  @DisplayName("making a directory under a taken name fails with EEXIST")
  void taken() throws Exception {
    file(root(), "f", "");
    assertErrno(backend().createDirectory(root(), n("f"), null), Errno.EEXIST);
  }

  @Test
  @DisplayName("a listing has every entry with its kind, and no . or ..")
  void list() throws Exception {
    file(root(), "f", "");
    NodeInfo d = mkdir(root(), "d");
    file(d.node(), "inner", "");
    assertThat(await(backend().readDirectory(root())))
        .extracting(DirEntry::name)
        .containsExactlyInAnyOrder(n("f"), n("d"));
    assertThat(await(backend().readDirectory(root())))
        .filteredOn(e -> e.kind() != NodeKind.OTHER)
        .allSatisfy(
            e ->
                assertThat(e.kind())
                    .isEqualTo(e.name().equals(n("d")) ? NodeKind.DIRECTORY : NodeKind.FILE));
  }

  @Test
  @DisplayName("listing a file fails with ENOTDIR")
  void listFile() throws Exception {
    NodeInfo f = file(root(), "f", "");
    assertErrno(backend().readDirectory(f.node()), Errno.ENOTDIR);
  }
}
