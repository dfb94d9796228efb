package org.jvfs.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.NodeKind;

class SymlinkInodeTest {
  private final Store store = new Store(100, new TestClock(), 0, 0);

  @Test
  void attributes_sizeIsTargetBytesAndPermissionsAll() {
    SymlinkInode l = new SymlinkInode(store, "é/x");
    assertThat(l.target()).isEqualTo("é/x");
    assertThat(l.attributes().size()).isEqualTo(4);
    assertThat(l.attributes().kind()).isEqualTo(NodeKind.SYMLINK);
    assertThat(l.attributes().permissions()).isEqualTo(EnumSet.allOf(PosixFilePermission.class));
  }
}
