package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class AttributesTest {
  @Test
  void permissions_none_isNull() {
    assertThat(Attributes.permissions()).isNull();
  }

  @Test
  void permissions_posix_isRead() {
    FileAttribute<?> a =
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    assertThat(Attributes.permissions(a)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void permissions_otherAttribute_isUnsupported() {
    FileAttribute<String> acl =
        new FileAttribute<>() {
          @Override
          public String name() {
            return "acl:acl";
          }

          @Override
          public String value() {
            return "";
          }
        };
    assertThatThrownBy(() -> Attributes.permissions(acl))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("acl:acl");
  }
}
