package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Capability;
import org.jvfs.spi.Errno;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.NodeKind;

/** The {@code Symlinks} group of {@link BackendConformanceKit}: symbolic links. */
abstract class BackendSymlinkConformance extends BackendConformanceGroup {

  BackendSymlinkConformance(BackendConformanceKit kit) {
    super(kit);
  }

  @BeforeEach
  void needsSymlinks() {
    requires(Capability.SYMBOLIC_LINKS);
  }

  @Test
  @DisplayName("a link stores its target as given")
  void target() throws Exception {
    NodeInfo l = await(backend().createSymlink(root(), n("l"), "../x//y"));
    assertThat(l.kind()).isEqualTo(NodeKind.SYMLINK);
    assertThat(await(backend().readSymlink(l.node()))).isEqualTo("../x//y");
    assertThat(lookup(root(), "l").kind()).isEqualTo(NodeKind.SYMLINK);
  }

  @Test
  @DisplayName("reading a non-link fails with EINVAL")
  void notALink() throws Exception {
    NodeInfo f = file(root(), "f", "");
    assertErrno(backend().readSymlink(f.node()), Errno.EINVAL);
  }

  @Test
  @DisplayName("a link under a taken name fails with EEXIST")
  void taken() throws Exception {
    file(root(), "f", "");
    assertErrno(backend().createSymlink(root(), n("f"), "x"), Errno.EEXIST);
  }
}
