package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.StoreInfo;

/**
 * The {@code Attributes} group of {@link VfsConformanceKit}: times, permissions and store figures
 * are set and read back.
 */
abstract class VfsAttributeConformance extends VfsConformanceGroup {

  VfsAttributeConformance(VfsConformanceKit kit) {
    super(kit);
  }

  @Test
  void setTimes_setsWhatIsGivenAndKeepsTheRest() {
    put("/f", "x");
    FileTime m = FileTime.fromMillis(1_500_000_000_000L);
    FileTime a = FileTime.fromMillis(1_600_000_000_000L);
    await(vfs().stat("/f"));
    await(vfs().setTimes("/f", m, a, null));
    NodeAttributes s = await(vfs().stat("/f"));
    assertThat(s.lastModifiedTime()).isEqualTo(m);
    assertThat(s.lastAccessTime()).isEqualTo(a);
    FileTime m2 = FileTime.fromMillis(1_700_000_000_000L);
    await(vfs().setTimes("/f", m2, null, null));
    s = await(vfs().stat("/f"));
    assertThat(s.lastModifiedTime()).isEqualTo(m2);
    assertThat(s.lastAccessTime()).isEqualTo(a);
  }

  @Test
  void setTimes_followsSymlinks() {
    put("/f", "x");
    await(vfs().createSymbolicLink("/l", "f"));
    FileTime m = FileTime.fromMillis(1_500_000_000_000L);
    await(vfs().setTimes("/l", m, null, null));
    assertThat(await(vfs().stat("/f")).lastModifiedTime()).isEqualTo(m);
  }

  @Test
  void setTimes_absent_failsWithNoSuchFile() {
    assertFailsUnchanged(
        NoSuchFileException.class,
        "/nope",
        () -> vfs().setTimes("/nope", FileTime.fromMillis(0), null, null));
  }

  @Test
  void setPermissions_setsThem() {
    put("/f", "x");
    assumeTrue(await(vfs().stat("/f")).permissions() != null, "backend keeps permissions");
    Set<PosixFilePermission> p = PosixFilePermissions.fromString("rwxr-x---");
    await(vfs().setPermissions("/f", p));
    assertThat(await(vfs().stat("/f")).permissions()).isEqualTo(p);
    await(vfs().setPermissions("/f", Set.of()));
    assertThat(await(vfs().stat("/f")).permissions()).isEmpty();
  }

  @Test
  void setPermissions_absent_failsWithNoSuchFile() {
    assertFailsUnchanged(
        NoSuchFileException.class, "/nope", () -> vfs().setPermissions("/nope", Set.of()));
  }

  @Test
  void storeInfo_isConsistent() {
    StoreInfo s = await(vfs().storeInfo("/"));
    assertThat(s.totalSpace()).isNotNegative();
    assertThat(s.freeSpace()).isBetween(0L, s.totalSpace());
    assertThat(s.usableSpace()).isBetween(0L, s.freeSpace());
  }

  @Test
  void storeInfo_absent_failsWithNoSuchFile() {
    assertFailsUnchanged(NoSuchFileException.class, "/nope", () -> vfs().storeInfo("/nope"));
  }

  @Test
  void modifiedTime_advancesOnWrite() {
    put("/f", "x");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    await(vfs().setTimes("/f", old, null, null));
    put("/f", "y");
    assertThat(await(vfs().stat("/f")).lastModifiedTime()).isGreaterThan(old);
  }
}
