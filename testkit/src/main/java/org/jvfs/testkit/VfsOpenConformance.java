package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jvfs.AsyncFile;
import org.jvfs.LookupResult;

/**
 * The {@code Open} group of {@link VfsConformanceKit}: open honours every open option as the JDK
 * does.
 */
abstract class VfsOpenConformance extends VfsConformanceGroup {

  VfsOpenConformance(VfsConformanceKit kit) {
    super(kit);
  }

  @Test
  void open_noOptions_readsExistingFile() {
    put("/f", "hello");
    AsyncFile f = open("/f");
    assertThat(f.path()).isEqualTo("/f");
    assertThat(readAt(f, 0, 16)).isEqualTo("hello");
    await(f.close());
  }

  @Test
  void open_readAbsent_failsWithNoSuchFile() {
    assertFailsUnchanged(
        NoSuchFileException.class, "/nope", () -> vfs().open("/nope", StandardOpenOption.READ));
  }

  @Test
  void open_writeWithoutCreateOnAbsent_failsWithNoSuchFile() {
    assertFailsUnchanged(
        NoSuchFileException.class, "/nope", () -> vfs().open("/nope", StandardOpenOption.WRITE));
  }

  @Test
  void open_readWithCreate_doesNotCreate() {
    assertFailsUnchanged(
        NoSuchFileException.class,
        "/nope",
        () -> vfs().open("/nope", StandardOpenOption.READ, StandardOpenOption.CREATE));
  }

  @Test
  void open_createOnAbsent_createsEmptyFile() {
    AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE);
    assertThat(await(f.size())).isZero();
    await(f.close());
    assertThat(await(vfs().stat("/f")).isRegularFile()).isTrue();
    assertThat(await(vfs().list("/"))).containsExactly("f");
  }

  @Test
  void open_createOnExisting_keepsContent() {
    put("/f", "hello");
    AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE);
    await(f.write(bytes("J"), 0));
    await(f.close());
    assertThat(get("/f")).isEqualTo("Jello");
  }

  @Test
  void open_createNewOnAbsent_creates() {
    AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
    await(f.write(bytes("new"), 0));
    await(f.close());
    assertThat(get("/f")).isEqualTo("new");
  }

  @Test
  void open_createNewOnExisting_failsWithFileAlreadyExists() {
    put("/f", "x");
    assertFailsUnchanged(
        FileAlreadyExistsException.class,
        "/f",
        () -> vfs().open("/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW));
  }

  @Test
  void open_createNewOnDanglingSymlink_failsWithFileAlreadyExists() {
    await(vfs().createSymbolicLink("/l", "target"));
    assertFailsUnchanged(
        FileAlreadyExistsException.class,
        "/l",
        () -> vfs().open("/l", StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW));
  }

  @Test
  void open_createThroughDanglingSymlink_createsTheTarget() {
    await(vfs().createSymbolicLink("/l", "t"));
    AsyncFile f = open("/l", StandardOpenOption.WRITE, StandardOpenOption.CREATE);
    await(f.write(bytes("via link"), 0));
    await(f.close());
    assertThat(get("/t")).isEqualTo("via link");
    assertThat(await(vfs().readSymbolicLink("/l"))).isEqualTo("t");
  }

  @Test
  void open_truncateExistingWithWrite_emptiesFile() {
    put("/f", "hello");
    AsyncFile f = open("/f", StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    assertThat(await(f.size())).isZero();
    await(f.close());
    assertThat(await(vfs().stat("/f")).size()).isZero();
  }

  @Test
  void open_truncateExistingWithReadOnly_isIgnored() {
    put("/f", "hello");
    AsyncFile f = open("/f", StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
    assertThat(readAt(f, 0, 16)).isEqualTo("hello");
    await(f.close());
  }

  @Test
  void open_append_writesAtTheEndWhateverThePosition() {
    put("/f", "hello");
    AsyncFile f = open("/f", StandardOpenOption.APPEND);
    assertThat(await(f.write(bytes(" world"), 0))).isEqualTo(6);
    await(f.close());
    assertThat(get("/f")).isEqualTo("hello world");
  }

  @Test
  void open_appendWithCreate_createsAbsentFile() {
    AsyncFile f = open("/f", StandardOpenOption.APPEND, StandardOpenOption.CREATE);
    await(f.write(bytes("a"), 0));
    await(f.write(bytes("b"), 0));
    await(f.close());
    assertThat(get("/f")).isEqualTo("ab");
  }

  @Test
  void open_readAndAppend_isRefusedAtOnce() {
    put("/f", "x");
    assertThatThrownBy(() -> vfs().open("/f", StandardOpenOption.READ, StandardOpenOption.APPEND))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void open_appendAndTruncate_isRefusedAtOnce() {
    put("/f", "x");
    assertThatThrownBy(
            () -> vfs().open("/f", StandardOpenOption.APPEND, StandardOpenOption.TRUNCATE_EXISTING))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(get("/f")).isEqualTo("x");
  }

  @Test
  void open_readWrite_readsWhatItWrote() {
    AsyncFile f =
        open(
            "/f", StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
    await(f.write(bytes("abc"), 0));
    assertThat(readAt(f, 1, 16)).isEqualTo("bc");
    await(f.close());
  }

  @Test
  void open_deleteOnClose_deletesTheFileOnClose() {
    AsyncFile f =
        open(
            "/tmp",
            StandardOpenOption.WRITE,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.DELETE_ON_CLOSE);
    await(f.write(bytes("scratch"), 0));
    assertThat(await(vfs().list("/"))).containsExactly("tmp");
    await(f.close());
    assertThat(await(vfs().list("/"))).isEmpty();
    assertThat(await(vfs().lookup("/tmp")).status()).isEqualTo(LookupResult.Status.ABSENT);
  }

  @Test
  void open_nofollowOnSymlink_failsWithLoop() {
    // The JDK throws a plain IOException, "Too many levels of symbolic links (NOFOLLOW_LINKS
    // specified)", without the path; the VFS names the path.
    put("/f", "x");
    await(vfs().createSymbolicLink("/l", "f"));
    assertFailsUnchanged(
        java.io.IOException.class,
        "/l",
        () -> vfs().open("/l", StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void open_nofollowOnFile_opens() {
    put("/f", "x");
    AsyncFile f = open("/f", StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    assertThat(readAt(f, 0, 4)).isEqualTo("x");
    await(f.close());
  }

  @Test
  void open_followsSymlinkByDefault() {
    put("/f", "target");
    await(vfs().createSymbolicLink("/l", "/f"));
    AsyncFile f = open("/l");
    assertThat(readAt(f, 0, 16)).isEqualTo("target");
    await(f.close());
  }

  @Test
  void open_directoryForWrite_failsWithIsADirectory() {
    await(vfs().createDirectory("/d"));
    FileSystemException e =
        assertFailsUnchanged(
            FileSystemException.class, "/d", () -> vfs().open("/d", StandardOpenOption.WRITE));
    assertThat(e.getReason()).isEqualTo("Is a directory");
  }

  @Test
  void open_directoryForRead_opensButReadsFail() {
    await(vfs().createDirectory("/d"));
    AsyncFile f = open("/d");
    Throwable t = failure(f.read(ByteBuffer.allocate(8), 0));
    assertThat(t).isInstanceOf(FileSystemException.class).hasMessageContaining("/d");
    assertThat(((FileSystemException) t).getReason()).isEqualTo("Is a directory");
    await(f.close());
  }

  @Test
  void open_inAbsentDirectory_failsWithNoSuchFile() {
    assertFailsUnchanged(
        NoSuchFileException.class,
        "/no/f",
        () -> vfs().open("/no/f", StandardOpenOption.WRITE, StandardOpenOption.CREATE));
  }

  @Test
  void open_withPermissions_createsWithThem() {
    assumeTrue(await(vfs().stat("/")).permissions() != null, "backend keeps permissions");
    Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-r-----");
    AsyncFile f =
        await(
            vfs()
                .open(
                    "/f",
                    Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW),
                    PosixFilePermissions.asFileAttribute(perms)));
    await(f.close());
    assertThat(await(vfs().stat("/f")).permissions()).isEqualTo(perms);
  }
}
