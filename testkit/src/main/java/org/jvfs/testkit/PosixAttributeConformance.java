package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Kit tests for the {@code posix} and {@code owner} attribute views. */
abstract class PosixAttributeConformance extends ConformanceGroup {

  PosixAttributeConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  @Test
  void setPosixFilePermissions_roundTrips() throws IOException {
    assume(Feature.POSIX_PERMISSIONS);
    Path file = file("f", "x");

    for (String mode : new String[] {"rw-r-----", "r--------", "rwxrwxrwx", "---------"}) {
      Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(mode);
      assertThat(Files.setPosixFilePermissions(file, permissions)).isEqualTo(file);

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo(mode);
    }
  }

  @Test
  void setPermissions_nofollowOnALink_failsAndLeavesTheTarget_unlessTheReleaseFollows()
      throws IOException {
    assume(Feature.POSIX_PERMISSIONS);
    assume(Feature.SYMBOLIC_LINKS);
    Path file = file("f", "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Path link = Files.createSymbolicLink(path("l"), file.getFileName());
    PosixFileAttributeView view =
        Files.getFileAttributeView(link, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);

    if (kitShows(JdkDifference.NOFOLLOW_PERMISSIONS_CHANGE_THE_TARGET)) {
      view.setPermissions(PosixFilePermissions.fromString("rwxrwxrwx"));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rwxrwxrwx");
      return;
    }
    assertThatThrownBy(() -> view.setPermissions(PosixFilePermissions.fromString("rwxrwxrwx")))
        .isInstanceOf(FileSystemException.class);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void createFile_withPermissionAttribute() throws IOException {
    assume(Feature.POSIX_PERMISSIONS);
    // Owner-only permissions survive any umask.
    Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-------");

    Path file = Files.createFile(path("f"), PosixFilePermissions.asFileAttribute(permissions));

    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(permissions);
  }

  @Test
  void createDirectory_withPermissionAttribute() throws IOException {
    assume(Feature.POSIX_PERMISSIONS);
    Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rwx------");

    Path dir = Files.createDirectory(path("d"), PosixFilePermissions.asFileAttribute(permissions));

    assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(permissions);
  }

  @Test
  void readAttributes_posixView() throws IOException {
    assume(Feature.POSIX_PERMISSIONS);
    Path file = file("f", "abc");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class);

    assertThat(attrs.size()).isEqualTo(3);
    assertThat(attrs.isRegularFile()).isTrue();
    assertThat(attrs.owner()).isNotNull();
    assertThat(attrs.group()).isNotNull();
    assertThat(PosixFilePermissions.toString(attrs.permissions())).isEqualTo("rw-r--r--");
    assertThat(Files.getAttribute(file, "posix:permissions")).isEqualTo(attrs.permissions());
  }

  @Test
  void posixViewByName_listsPermissionsOwnerGroup() throws IOException {
    assume(Feature.POSIX_PERMISSIONS);
    Path file = file("f", "");

    assertThat(fs().supportedFileAttributeViews()).contains("basic", "posix");
    assertThat(Files.readAttributes(file, "posix:*"))
        .containsKeys("permissions", "owner", "group", "size", "lastModifiedTime");
  }

  @Test
  void setPosixFilePermissions_missing() {
    assume(Feature.POSIX_PERMISSIONS);
    Path file = path("f");

    assertThrowsFor(
        NoSuchFileException.class,
        file,
        () -> Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------")));
  }

  @Test
  void isExecutable_followsExecuteBits() throws IOException {
    assume(Feature.POSIX_PERMISSIONS);
    Path file = file("f", "");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.isExecutable(file)).isTrue();

    // Even root needs at least one execute bit to execute a regular file.
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    assertThat(Files.isExecutable(file)).isFalse();
  }

  @Test
  void posixView_setGroupToOwnGroup() throws IOException {
    assume(Feature.POSIX_PERMISSIONS);
    Path file = file("f", "");
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    var group = view.readAttributes().group();

    view.setGroup(group);

    assertThat(view.readAttributes().group()).isEqualTo(group);
  }

  @Test
  void getOwner_matchesLookupByName() throws IOException {
    assume(Feature.OWNER);
    Path file = file("f", "");

    UserPrincipal owner = Files.getOwner(file);
    UserPrincipal lookedUp =
        fs().getUserPrincipalLookupService().lookupPrincipalByName(owner.getName());

    assertThat(lookedUp).isEqualTo(owner);
  }

  @Test
  void setOwner_toCurrentOwner_roundTrips() throws IOException {
    assume(Feature.OWNER);
    Path file = file("f", "");
    UserPrincipal owner = Files.getOwner(file);

    assertThat(Files.setOwner(file, owner)).isEqualTo(file);

    assertThat(Files.getOwner(file)).isEqualTo(owner);
    FileOwnerAttributeView view = Files.getFileAttributeView(file, FileOwnerAttributeView.class);
    assertThat(view.getOwner()).isEqualTo(owner);
    assertThat(view.name()).isEqualTo("owner");
  }

  @Test
  void getOwner_missing() {
    assume(Feature.OWNER);
    Path file = path("f");

    assertThrowsFor(NoSuchFileException.class, file, () -> Files.getOwner(file));
  }

  @Test
  void lookupPrincipalByName_unknownUser() {
    assume(Feature.OWNER);

    assertThatThrownBy(
            () ->
                fs().getUserPrincipalLookupService().lookupPrincipalByName("no-such-user-jvfs-kit"))
        .isInstanceOf(UserPrincipalNotFoundException.class);
  }
}
