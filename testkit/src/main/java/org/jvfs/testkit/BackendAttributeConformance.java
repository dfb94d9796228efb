package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.Capability;
import org.jvfs.spi.NodeInfo;

/** The {@code Attributes} group of {@link BackendConformanceKit}: attributes. */
abstract class BackendAttributeConformance extends BackendConformanceGroup {

  BackendAttributeConformance(BackendConformanceKit kit) {
    super(kit);
  }

  @Test
  @DisplayName("a write changes the size")
  void size() throws Exception {
    NodeInfo f = file(root(), "f", "12345");
    assertThat(attrs(f.node()).size()).isEqualTo(5);
  }

  @Test
  @DisplayName("setTimes sets the given times and keeps null ones")
  void setTimes() throws Exception {
    requires(Capability.SET_TIMES);
    NodeInfo f = file(root(), "f", "");
    FileTime before = attrs(f.node()).lastAccessTime();
    FileTime m = FileTime.fromMillis(1_000_000_000_000L);
    await(backend().setTimes(f.node(), m, null, null));
    assertThat(attrs(f.node()).lastModifiedTime()).isEqualTo(m);
    assertThat(attrs(f.node()).lastAccessTime()).isEqualTo(before);
    FileTime a = FileTime.fromMillis(1_100_000_000_000L);
    await(backend().setTimes(f.node(), null, a, null));
    assertThat(attrs(f.node()).lastAccessTime()).isEqualTo(a);
    assertThat(attrs(f.node()).lastModifiedTime()).isEqualTo(m);
  }

  @Test
  @DisplayName("setPermissions replaces the permissions")
  void setPermissions() throws Exception {
    requires(Capability.POSIX_PERMISSIONS);
    NodeInfo f = file(root(), "f", "");
    assertThat(f.attributes().permissions()).isNotNull();
    var perms = PosixFilePermissions.fromString("rw-r-----");
    await(backend().setPermissions(f.node(), perms));
    assertThat(attrs(f.node()).permissions()).isEqualTo(perms);
  }

  @Test
  @DisplayName("a file made with permissions has them")
  void createWithPermissions() throws Exception {
    requires(Capability.POSIX_PERMISSIONS);
    var perms = PosixFilePermissions.fromString("rw-------");
    Opened o = await(backend().open(root(), n("f"), CREATE_RW, perms));
    await(o.file().close());
    assertThat(attrs(o.file().node()).permissions()).isEqualTo(perms);
  }

  @Test
  @DisplayName("distinct files have distinct file keys")
  void fileKeys() throws Exception {
    NodeInfo a = file(root(), "a", "");
    NodeInfo b = file(root(), "b", "");
    Object ka = attrs(a.node()).fileKey();
    if (ka != null) {
      assertThat(ka).isNotEqualTo(attrs(b.node()).fileKey());
    }
    assertThat(a.node()).isNotEqualTo(b.node());
  }
}
