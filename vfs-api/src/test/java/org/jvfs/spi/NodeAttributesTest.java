package org.jvfs.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeAttributesTest {
  @Test
  void builder_defaultsOtherTimesToMtime() {
    FileTime t = FileTime.fromMillis(1234);
    NodeAttributes a = NodeAttributes.builder(NodeKind.FILE).lastModifiedTime(t).build();
    assertThat(a.lastAccessTime()).isEqualTo(t);
    assertThat(a.creationTime()).isEqualTo(t);
    assertThat(a.changeTime()).isEqualTo(t);
    assertThat(a.uid()).isEqualTo(-1);
    assertThat(a.linkCount()).isEqualTo(1);
    assertThat(a.permissions()).isNull();
  }

  @Test
  void kind_answersTheBasicQuestions() {
    assertThat(NodeAttributes.builder(NodeKind.DIRECTORY).build().isDirectory()).isTrue();
    assertThat(NodeAttributes.builder(NodeKind.SYMLINK).build().isSymbolicLink()).isTrue();
    assertThat(NodeAttributes.builder(NodeKind.OTHER).build().isOther()).isTrue();
    assertThat(NodeAttributes.builder(NodeKind.FILE).build().isRegularFile()).isTrue();
  }

  @Test
  void permissions_areCopiedAndUnmodifiable() {
    Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ);
    NodeAttributes a = NodeAttributes.builder(NodeKind.FILE).permissions(perms).build();
    perms.add(PosixFilePermission.OWNER_WRITE);
    assertThat(a.permissions()).containsExactly(PosixFilePermission.OWNER_READ);
    assertThatThrownBy(() -> a.permissions().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toBuilder_roundTripsAndEquals() {
    NodeAttributes a =
        NodeAttributes.builder(NodeKind.FILE).size(9).fileKey(7L).owner(1, 2).linkCount(3).build();
    assertThat(a.toBuilder().build()).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(a.toBuilder().size(10).build()).isNotEqualTo(a);
  }

  @Test
  void builder_negativeFigures_areRefused() {
    assertThatThrownBy(() -> NodeAttributes.builder(NodeKind.FILE).size(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("size (-1)");
    assertThatThrownBy(() -> NodeAttributes.builder(NodeKind.FILE).linkCount(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
