package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.Statx;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeKind;

/** {@link StatxAttributes}: kinds, permission bits both ways, times and birth time. */
class StatxAttributesTest {

  @Test
  void kinds() {
    assertThat(StatxAttributes.kind(Linux.S_IFREG | 0644)).isEqualTo(NodeKind.FILE);
    assertThat(StatxAttributes.kind(Linux.S_IFDIR | 0755)).isEqualTo(NodeKind.DIRECTORY);
    assertThat(StatxAttributes.kind(Linux.S_IFLNK | 0777)).isEqualTo(NodeKind.SYMLINK);
    assertThat(StatxAttributes.kind(0010000)).as("a FIFO").isEqualTo(NodeKind.OTHER);
  }

  @Test
  void permissions_roundTripEveryMode() {
    for (int mode = 0; mode < 01000; mode++) {
      assertThat(StatxAttributes.mode(StatxAttributes.permissions(mode))).isEqualTo(mode);
    }
    assertThat(StatxAttributes.permissions(0754))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr--"));
    assertThat(StatxAttributes.permissions(Linux.S_IFREG | 04600))
        .as("type, setuid and sticky bits are not permissions")
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  private static Statx statx(int mask) {
    Statx s = new Statx();
    s.mask = mask;
    s.mode = Linux.S_IFREG | 0640;
    s.size = 123;
    s.nlink = 2;
    s.uid = 1000;
    s.gid = 100;
    s.dev = 7;
    s.ino = 99;
    s.mtimeSec = 1_000;
    s.mtimeNsec = 5;
    s.atimeSec = 2_000;
    s.btimeSec = 500;
    s.btimeNsec = 1;
    s.ctimeSec = 3_000;
    return s;
  }

  @Test
  void of_mapsEveryField() {
    NodeAttributes a = StatxAttributes.of(statx(Linux.STATX_BASIC_STATS | Linux.STATX_BTIME));
    assertThat(a.kind()).isEqualTo(NodeKind.FILE);
    assertThat(a.size()).isEqualTo(123);
    assertThat(a.lastModifiedTime()).isEqualTo(FileTime.from(Instant.ofEpochSecond(1_000, 5)));
    assertThat(a.lastAccessTime()).isEqualTo(FileTime.from(Instant.ofEpochSecond(2_000)));
    assertThat(a.creationTime()).isEqualTo(FileTime.from(Instant.ofEpochSecond(500, 1)));
    assertThat(a.permissions()).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    assertThat(a.linkCount()).isEqualTo(2);
  }

  @Test
  void withoutBirthTime_creationIsLastModified() {
    NodeAttributes a = StatxAttributes.of(statx(Linux.STATX_BASIC_STATS));
    assertThat(a.creationTime()).isEqualTo(a.lastModifiedTime());
  }

  @Test
  void fileKeys_equalForSameDevAndIno() {
    Statx s = statx(Linux.STATX_BASIC_STATS);
    Statx other = statx(Linux.STATX_BASIC_STATS);
    other.size = 5;
    assertThat(StatxAttributes.of(s).fileKey()).isEqualTo(StatxAttributes.of(other).fileKey());
    other.ino = 100;
    assertThat(StatxAttributes.of(s).fileKey()).isNotEqualTo(StatxAttributes.of(other).fileKey());
  }
}
