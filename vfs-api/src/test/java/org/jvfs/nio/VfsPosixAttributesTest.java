package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeKind;

class VfsPosixAttributesTest {

  @Test
  void delegates_andMapsOwnersAndPermissions() {
    FileTime t = FileTime.fromMillis(7);
    NodeAttributes a =
        NodeAttributes.builder(NodeKind.FILE)
            .size(12)
            .lastModifiedTime(t)
            .lastAccessTime(t)
            .creationTime(t)
            .changeTime(t)
            .permissions(PosixFilePermissions.fromString("rw-------"))
            .owner(501, 20)
            .linkCount(1)
            .build();
    VfsPosixAttributes p = new VfsPosixAttributes(a);
    assertThat(p.size()).isEqualTo(12);
    assertThat(p.isRegularFile()).isTrue();
    assertThat(p.lastModifiedTime()).isEqualTo(t);
    assertThat(p.owner()).isEqualTo(VfsPrincipals.user(501));
    assertThat(p.group()).isEqualTo(VfsPrincipals.group(20));
    assertThat(p.permissions()).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void noPermissionsKept_emptySet() {
    NodeAttributes a = NodeAttributes.builder(NodeKind.DIRECTORY).build();
    assertThat(new VfsPosixAttributes(a).permissions()).isEmpty();
    assertThat(new VfsPosixAttributes(a).isDirectory()).isTrue();
  }
}
