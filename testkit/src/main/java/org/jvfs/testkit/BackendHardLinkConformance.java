package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Capability;
import org.jvfs.spi.Errno;
import org.jvfs.spi.NodeInfo;

/** The {@code HardLinks} group of {@link BackendConformanceKit}: hard links. */
abstract class BackendHardLinkConformance extends BackendConformanceGroup {

  BackendHardLinkConformance(BackendConformanceKit kit) {
    super(kit);
  }

  @BeforeEach
  void needsLinks() {
    requires(Capability.HARD_LINKS);
  }

  @Test
  @DisplayName("a link shares the file and counts two links")
  void link() throws Exception {
    NodeInfo f = file(root(), "f", "abc");
    NodeInfo l = await(backend().link(root(), n("f"), root(), n("g")));
    assertThat(l.node()).isEqualTo(f.node());
    assertThat(l.attributes().linkCount()).isEqualTo(2);
    await(backend().remove(root(), n("f"), false));
    assertThat(content(root(), "g")).isEqualTo("abc");
  }

  @Test
  @DisplayName("linking a directory fails with EPERM")
  void directory() throws Exception {
    mkdir(root(), "d");
    assertErrno(backend().link(root(), n("d"), root(), n("e")), Errno.EPERM);
  }

  @Test
  @DisplayName("linking onto a taken name fails with EEXIST")
  void taken() throws Exception {
    file(root(), "f", "");
    file(root(), "g", "");
    assertErrno(backend().link(root(), n("f"), root(), n("g")), Errno.EEXIST);
  }
}
