package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Errno;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.NodeKind;

/** The {@code Lookup} group of {@link BackendConformanceKit}: looking up names. */
abstract class BackendLookupConformance extends BackendConformanceGroup {

  BackendLookupConformance(BackendConformanceKit kit) {
    super(kit);
  }

  @Test
  @DisplayName("an absent name gives null")
  void absent() throws Exception {
    assertThat(find(root(), "nothing")).isNull();
  }

  @Test
  @DisplayName("a created file is found with its kind and size")
  void file() throws Exception {
    file(root(), "f", "abc");
    NodeInfo info = lookup(root(), "f");
    assertThat(info.kind()).isEqualTo(NodeKind.FILE);
    assertThat(info.attributes().size()).isEqualTo(3);
  }

  @Test
  @DisplayName("looking up in a file fails with ENOTDIR")
  void inFile() throws Exception {
    NodeInfo f = file(root(), "f", "");
    assertErrno(backend().lookup(f.node(), n("x")), Errno.ENOTDIR);
  }

  @Test
  @DisplayName("the same file looked up twice gives equal nodes")
  void equalNodes() throws Exception {
    file(root(), "f", "");
    assertThat(lookup(root(), "f").node()).isEqualTo(lookup(root(), "f").node());
  }

  @Test
  @DisplayName("the root is a directory")
  void rootIsDirectory() throws Exception {
    assertThat(attrs(root()).kind()).isEqualTo(NodeKind.DIRECTORY);
  }
}
