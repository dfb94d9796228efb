package org.jvfs.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Name;
import org.jvfs.spi.NodeKind;

class DirectoryInodeTest {
  private final Store store = new Store(100, new TestClock(), 0, 0);
  private final DirectoryInode root =
      new DirectoryInode(store, MemoryBackend.DIRECTORY_PERMISSIONS, null);

  private DirectoryInode child() {
    return new DirectoryInode(store, MemoryBackend.DIRECTORY_PERMISSIONS, root);
  }

  @Test
  void parent_ofRoot_isItself() {
    assertThat(root.parent()).isSameAs(root);
  }

  @Test
  void put_directory_setsParentAndCountsLink() {
    DirectoryInode other = child();
    DirectoryInode d = child();
    other.put(Name.of("d"), d);
    assertThat(d.parent()).isSameAs(other);
    assertThat(other.linkCount()).isEqualTo(3);
  }

  @Test
  void detach_directory_lowersLinkCount() {
    root.put(Name.of("d"), child());
    root.detach(Name.of("d"));
    assertThat(root.linkCount()).isEqualTo(2);
    assertThat(root.isEmpty()).isTrue();
  }

  @Test
  void detach_absent_throws() {
    assertThatThrownBy(() -> root.detach(Name.of("x"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void isWithin_followsParents() {
    DirectoryInode a = child();
    root.put(Name.of("a"), a);
    DirectoryInode b = child();
    a.put(Name.of("b"), b);
    assertThat(b.isWithin(a)).isTrue();
    assertThat(b.isWithin(root)).isTrue();
    assertThat(a.isWithin(b)).isFalse();
    assertThat(a.isWithin(a)).isTrue();
  }

  @Test
  void markRemoved_makesLinkCountZero() {
    DirectoryInode d = child();
    d.markRemoved();
    assertThat(d.isRemoved()).isTrue();
    assertThat(d.linkCount()).isZero();
  }

  @Test
  void list_givesNamesAndKinds() {
    root.put(Name.of("f"), new FileInode(store, MemoryBackend.FILE_PERMISSIONS));
    root.put(Name.of("l"), new SymlinkInode(store, "t"));
    assertThat(root.list())
        .containsExactlyInAnyOrder(
            new DirEntry(Name.of("f"), NodeKind.FILE),
            new DirEntry(Name.of("l"), NodeKind.SYMLINK));
  }

  @Test
  void size_isFixed() {
    assertThat(root.attributes().size()).isEqualTo(DirectoryInode.SIZE);
  }
}
