package org.jvfs.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InodeTest {
  private final TestClock clock = new TestClock();
  private final Store store = new Store(100, clock, 5, 6);

  private FileInode inode() {
    return new FileInode(store, MemoryBackend.FILE_PERMISSIONS);
  }

  @Test
  void equals_isIdentity() {
    FileInode a = inode();
    FileInode b = inode();
    assertThat(a).isEqualTo(a).isNotEqualTo(b);
    assertThat(a.number()).isNotEqualTo(b.number());
    assertThat(a.attributes().fileKey()).isEqualTo(a.number());
  }

  @Test
  void touchModified_setsMtimeAndCtime() {
    FileInode a = inode();
    FileTime later = FileTime.from(clock.advance(Duration.ofMillis(1)));
    a.touchModified();
    assertThat(a.attributes().lastModifiedTime()).isEqualTo(later);
    assertThat(a.attributes().changeTime()).isEqualTo(later);
    assertThat(a.attributes().lastAccessTime()).isEqualTo(FileTime.from(TestClock.START));
  }

  @Test
  void addLinks_countsAndTouchesCtime() {
    FileInode a = inode();
    FileTime later = FileTime.from(clock.advance(Duration.ofMillis(1)));
    a.addLinks(2);
    assertThat(a.linkCount()).isEqualTo(2);
    assertThat(a.attributes().changeTime()).isEqualTo(later);
    assertThat(a.attributes().lastModifiedTime()).isEqualTo(FileTime.from(TestClock.START));
  }

  @Test
  void setPermissions_copiesTheSet() {
    FileInode a = inode();
    var perms = PosixFilePermissions.fromString("rwx------");
    a.setPermissions(perms);
    perms.clear();
    assertThat(a.attributes().permissions())
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    a.setPermissions(perms);
    assertThat(a.attributes().permissions()).isEmpty();
  }

  @Test
  void attributes_carryOwner() {
    assertThat(inode().attributes().uid()).isEqualTo(5);
    assertThat(inode().attributes().gid()).isEqualTo(6);
  }

  @Test
  void toString_namesKindAndNumber() {
    FileInode a = inode();
    assertThat(a.toString()).isEqualTo("file#" + a.number());
  }
}
