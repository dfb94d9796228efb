package org.jvfs.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;

class NamespaceTest {
  private final TestClock clock = new TestClock();
  private final Store store = new Store(1000, clock, 0, 0);
  private final Namespace ns = new Namespace();
  private final DirectoryInode root =
      new DirectoryInode(store, MemoryBackend.DIRECTORY_PERMISSIONS, null);

  private static Name n(String s) {
    return Name.of(s);
  }

  private FileInode file(DirectoryInode dir, String name) throws BackendException {
    return ns.add(dir, n(name), new FileInode(store, MemoryBackend.FILE_PERMISSIONS));
  }

  private DirectoryInode dir(DirectoryInode parent, String name) throws BackendException {
    return ns.add(
        parent, n(name), new DirectoryInode(store, MemoryBackend.DIRECTORY_PERMISSIONS, parent));
  }

  private static void assertErrno(ThrowingCallable call, Errno errno) {
    assertThatThrownBy(call)
        .isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).errno())
        .isEqualTo(errno);
  }

  private void rename(DirectoryInode from, String a, DirectoryInode to, String b, boolean replace)
      throws BackendException {
    ns.rename(from, n(a), to, n(b), replace);
  }

  @Test
  void rename_fileOverFile_replacesAndDropsTargetLink() throws Exception {
    FileInode a = file(root, "a");
    FileInode b = file(root, "b");
    rename(root, "a", root, "b", true);
    assertThat(root.get(n("b"))).isSameAs(a);
    assertThat(root.get(n("a"))).isNull();
    assertThat(b.linkCount()).isZero();
    assertThat(a.linkCount()).isEqualTo(1);
  }

  @Test
  void rename_dirOverEmptyDir_replaces() throws Exception {
    DirectoryInode a = dir(root, "a");
    DirectoryInode b = dir(root, "b");
    rename(root, "a", root, "b", true);
    assertThat(root.get(n("b"))).isSameAs(a);
    assertThat(b.isRemoved()).isTrue();
    assertThat(root.linkCount()).isEqualTo(3);
  }

  @Test
  void rename_dirOverNonEmptyDir_failsEnotempty() throws Exception {
    dir(root, "a");
    file(dir(root, "b"), "x");
    assertErrno(() -> ns.rename(root, n("a"), root, n("b"), true), Errno.ENOTEMPTY);
  }

  @Test
  void rename_dirOverFile_failsEnotdir() throws Exception {
    dir(root, "a");
    file(root, "b");
    assertErrno(() -> ns.rename(root, n("a"), root, n("b"), true), Errno.ENOTDIR);
  }

  @Test
  void rename_fileOverDir_failsEisdir() throws Exception {
    file(root, "a");
    dir(root, "b");
    assertErrno(() -> ns.rename(root, n("a"), root, n("b"), true), Errno.EISDIR);
  }

  @Test
  void rename_noReplaceOntoExisting_failsEexist() throws Exception {
    file(root, "a");
    file(root, "b");
    assertErrno(() -> ns.rename(root, n("a"), root, n("b"), false), Errno.EEXIST);
  }

  @Test
  void rename_absentSource_failsEnoent() {
    assertErrno(() -> ns.rename(root, n("a"), root, n("b"), true), Errno.ENOENT);
  }

  @Test
  void rename_dirIntoOwnSubtree_failsEinval() throws Exception {
    DirectoryInode a = dir(root, "a");
    DirectoryInode sub = dir(a, "sub");
    assertErrno(() -> ns.rename(root, n("a"), sub, n("x"), true), Errno.EINVAL);
    assertErrno(() -> ns.rename(root, n("a"), a, n("x"), true), Errno.EINVAL);
  }

  @Test
  void rename_hardLinksOfSameFile_doesNothing() throws Exception {
    FileInode a = file(root, "a");
    ns.link(root, n("a"), root, n("b"));
    rename(root, "a", root, "b", true);
    assertThat(root.get(n("a"))).isSameAs(a);
    assertThat(root.get(n("b"))).isSameAs(a);
    assertThat(a.linkCount()).isEqualTo(2);
  }

  @Test
  void rename_dirToOtherParent_updatesParentAndLinkCounts() throws Exception {
    DirectoryInode a = dir(root, "a");
    DirectoryInode b = dir(root, "b");
    DirectoryInode c = dir(a, "c");
    rename(a, "c", b, "c2", false);
    assertThat(c.parent()).isSameAs(b);
    assertThat(a.linkCount()).isEqualTo(2);
    assertThat(b.linkCount()).isEqualTo(3);
    assertErrno(() -> ns.rename(root, n("b"), c, n("x"), true), Errno.EINVAL);
  }

  @Test
  void rename_intoRemovedDirectory_failsEnoent() throws Exception {
    DirectoryInode d = dir(root, "d");
    ns.remove(root, n("d"), true);
    file(root, "a");
    assertErrno(() -> ns.rename(root, n("a"), d, n("a"), true), Errno.ENOENT);
  }

  @Test
  void rename_updatesTimesOfBothDirectoriesAndNode() throws Exception {
    DirectoryInode a = dir(root, "a");
    DirectoryInode b = dir(root, "b");
    FileInode f = file(a, "f");
    FileTime before = f.attributes().lastModifiedTime();
    FileTime later = FileTime.from(clock.advance(Duration.ofSeconds(1)));
    rename(a, "f", b, "g", false);
    assertThat(a.attributes().lastModifiedTime()).isEqualTo(later);
    assertThat(b.attributes().changeTime()).isEqualTo(later);
    assertThat(f.attributes().changeTime()).isEqualTo(later);
    assertThat(f.attributes().lastModifiedTime()).isEqualTo(before);
  }

  @Test
  void remove_lastLinkOfClosedFile_freesSpace() throws Exception {
    FileInode f = file(root, "f");
    f.write(java.nio.ByteBuffer.allocate(100), 0, false);
    assertThat(store.info().freeSpace()).isEqualTo(900);
    ns.remove(root, n("f"), false);
    assertThat(store.info().freeSpace()).isEqualTo(1000);
  }

  @Test
  void link_directory_failsEperm() throws Exception {
    dir(root, "d");
    assertErrno(() -> ns.link(root, n("d"), root, n("e")), Errno.EPERM);
  }

  @Test
  void checkFree_takenName_failsEexist() throws Exception {
    file(root, "f");
    assertErrno(() -> ns.checkFree(root, n("f")), Errno.EEXIST);
  }
}
