package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsPosixAttributeViewTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  @Test
  void names_posixAndOwner() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "");
    assertThat(Files.getFileAttributeView(f, PosixFileAttributeView.class).name())
        .isEqualTo("posix");
    assertThat(Files.getFileAttributeView(f, FileOwnerAttributeView.class).name())
        .isEqualTo("owner");
  }

  @Test
  void setPermissions_roundTrips() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "");
    var view = Files.getFileAttributeView(f, PosixFileAttributeView.class);
    view.setPermissions(PosixFilePermissions.fromString("r-x------"));
    assertThat(view.readAttributes().permissions())
        .isEqualTo(PosixFilePermissions.fromString("r-x------"));
  }

  @Test
  void setOwner_otherId_operationNotPermitted() throws IOException {
    Path f = Files.writeString(fs.getPath("/f"), "");
    var view = Files.getFileAttributeView(f, PosixFileAttributeView.class);
    var owner = view.getOwner();
    view.setOwner(owner);
    int other = Integer.parseInt(owner.getName()) + 1;
    var lookup = fs.getUserPrincipalLookupService();
    assertThatThrownBy(() -> view.setOwner(lookup.lookupPrincipalByName(Integer.toString(other))))
        .isInstanceOf(FileSystemException.class)
        .hasMessageContaining("Operation not permitted");
    int otherGroup = Integer.parseInt(view.readAttributes().group().getName()) + 1;
    assertThatThrownBy(
            () -> view.setGroup(lookup.lookupPrincipalByGroupName(Integer.toString(otherGroup))))
        .isInstanceOf(FileSystemException.class);
  }
}
