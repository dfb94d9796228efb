package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Capability;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Errno;
import org.jvfs.spi.NodeInfo;

/** The {@code Rename} group of {@link BackendConformanceKit}: renaming, as rename(2). */
abstract class BackendRenameConformance extends BackendConformanceGroup {

  BackendRenameConformance(BackendConformanceKit kit) {
    super(kit);
  }

  @Test
  @DisplayName("a file moves to a new name in another directory")
  void move() throws Exception {
    NodeInfo f = file(root(), "f", "x");
    NodeInfo d = mkdir(root(), "d");
    await(backend().rename(root(), n("f"), d.node(), n("g"), false));
    assertThat(find(root(), "f")).isNull();
    assertThat(content(d.node(), "g")).isEqualTo("x");
    if (backend().capabilities().contains(Capability.STABLE_NODES)) {
      assertThat(lookup(d.node(), "g").node()).isEqualTo(f.node());
    }
  }

  @Test
  @DisplayName("a file replaces a file")
  void fileOverFile() throws Exception {
    file(root(), "a", "new");
    file(root(), "b", "old");
    await(backend().rename(root(), n("a"), root(), n("b"), true));
    assertThat(content(root(), "b")).isEqualTo("new");
    assertThat(find(root(), "a")).isNull();
  }

  @Test
  @DisplayName("a directory replaces an empty directory")
  void directoryOverEmptyDirectory() throws Exception {
    NodeInfo a = mkdir(root(), "a");
    file(a.node(), "inside", "");
    mkdir(root(), "b");
    await(backend().rename(root(), n("a"), root(), n("b"), true));
    NodeInfo b = lookup(root(), "b");
    assertThat(await(backend().readDirectory(b.node())))
        .extracting(DirEntry::name)
        .containsExactly(n("inside"));
  }

  @Test
  @DisplayName("a directory over a non-empty directory fails with ENOTEMPTY")
  void directoryOverNonEmpty() throws Exception {
    mkdir(root(), "a");
    NodeInfo b = mkdir(root(), "b");
    file(b.node(), "f", "");
    assertErrno(backend().rename(root(), n("a"), root(), n("b"), true), Errno.ENOTEMPTY);
  }

  @Test
  @DisplayName("a directory over a file fails with ENOTDIR")
  void directoryOverFile() throws Exception {
    mkdir(root(), "a");
    file(root(), "b", "");
    assertErrno(backend().rename(root(), n("a"), root(), n("b"), true), Errno.ENOTDIR);
  }

  @Test
  @DisplayName("a file over a directory fails with EISDIR")
  void fileOverDirectory() throws Exception {
    file(root(), "a", "");
    mkdir(root(), "b");
    assertErrno(backend().rename(root(), n("a"), root(), n("b"), true), Errno.EISDIR);
  }

  @Test
  @DisplayName("without replace, an existing target fails with EEXIST")
  void noReplace() throws Exception {
    file(root(), "a", "");
    file(root(), "b", "");
    assertErrno(backend().rename(root(), n("a"), root(), n("b"), false), Errno.EEXIST);
  }

  @Test
  @DisplayName("moving a directory into its own subtree fails with EINVAL")
  void intoSubtree() throws Exception {
    NodeInfo a = mkdir(root(), "a");
    NodeInfo sub = mkdir(a.node(), "sub");
    assertErrno(backend().rename(root(), n("a"), sub.node(), n("x"), true), Errno.EINVAL);
    assertErrno(backend().rename(root(), n("a"), a.node(), n("x"), true), Errno.EINVAL);
  }

  @Test
  @DisplayName("renaming an absent name fails with ENOENT")
  void absent() {
    assertErrno(backend().rename(root(), n("a"), root(), n("b"), true), Errno.ENOENT);
  }

  @Test
  @DisplayName("two links to the same file: nothing happens")
  void sameFile() throws Exception {
    requires(Capability.HARD_LINKS);
    file(root(), "a", "x");
    await(backend().link(root(), n("a"), root(), n("b")));
    await(backend().rename(root(), n("a"), root(), n("b"), true));
    assertThat(content(root(), "a")).isEqualTo("x");
    assertThat(content(root(), "b")).isEqualTo("x");
  }
}
