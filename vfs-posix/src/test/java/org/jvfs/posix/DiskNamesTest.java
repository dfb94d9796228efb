package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.CoherencePolicy;
import org.jvfs.Vfs;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.spi.DirEntry;
import org.jvfs.spi.Name;

/**
 * {@link DiskNames}: names on disk that are not valid UTF-8 (made here with raw syscalls) never
 * show as another name, and no string opens them: a listing leaves them out, a link to one is an
 * error, and the valid name {@code "\uFFFD"} next to them stays itself (before: {@code 0xff},
 * {@code 0xfe} and {@code "\uFFFD"} all listed as {@code "\uFFFD"}, and opening it opened the
 * last).
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("Names on disk that are not valid UTF-8 never alias another name")
class DiskNamesTest {
  private static final long WAIT = 10;
  private static final String REPLACEMENT = "\uFFFD";

  private final PosixNative nat = PosixNative.get();
  private final Path root = TempRoot.create("posix-names");
  private PosixBackend backend;
  private Vfs vfs;
  private int rootFd;

  @BeforeEach
  void setUp() throws Exception {
    byte[] path = root.toString().getBytes(StandardCharsets.UTF_8);
    rootFd = nat.openat(Linux.AT_FDCWD, path, Linux.O_PATH | Linux.O_DIRECTORY, 0);
    assertThat(rootFd).isNotNegative();
    write(bytes(0xff), "ff");
    write(bytes(0xfe), "fe");
    write(bytes('a', 0xc3, 'b'), "truncated sequence");
    write(bytes(0xc0, 0xaf), "overlong /");
    write(bytes(0xed, 0xa0, 0x80), "encoded surrogate");
    write(REPLACEMENT.getBytes(StandardCharsets.UTF_8), "the real U+FFFD");
    write("ok-\u00e9".getBytes(StandardCharsets.UTF_8), "e acute");
    assertThat(nat.symlinkat(bytes(0xff), rootFd, b("bad-link"))).isZero();
    assertThat(nat.symlinkat(REPLACEMENT.getBytes(StandardCharsets.UTF_8), rootFd, b("good-link")))
        .isZero();
    backend = PosixBackend.open(PosixOptions.builder(root).watch(false).build());
    vfs = Vfs.builder().mount("/", backend, CoherencePolicy.PRIVATE).build();
  }

  @AfterEach
  void tearDown() {
    vfs.close();
    nat.close(rootFd);
    TempRoot.delete(root);
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Makes a file named by raw bytes, with {@code content}. */
  private void write(byte[] name, String content) {
    int fd = nat.openat(rootFd, name, Linux.O_WRONLY | Linux.O_CREAT | Linux.O_EXCL, 0644);
    assertThat(fd).as("create %s", java.util.Arrays.toString(name)).isNotNegative();
    try {
      assertThat(nat.write(fd, ByteBuffer.wrap(b(content)))).isEqualTo(content.length());
    } finally {
      nat.close(fd);
    }
  }

  @Test
  void string_isTheStringWhoseUtf8IsTheBytes_orNone() {
    assertThat(DiskNames.string(b("plain"), 0, 5)).isEqualTo("plain");
    byte[] e = b("x\u00e9\uD83D\uDE00" + REPLACEMENT);
    assertThat(DiskNames.string(e, 0, e.length)).isEqualTo("x\u00e9\uD83D\uDE00" + REPLACEMENT);
    assertThat(DiskNames.string(bytes('_', 'a', 'b', '_'), 1, 2)).isEqualTo("ab");
    for (byte[] bad :
        List.of(
            bytes(0xff),
            bytes(0xfe),
            bytes(0x80),
            bytes('a', 0xc3),
            bytes(0xc0, 0xaf),
            bytes(0xe0, 0x80, 0xaf),
            bytes(0xed, 0xa0, 0x80),
            bytes(0xf4, 0x90, 0x80, 0x80))) {
      assertThat(DiskNames.string(bad, 0, bad.length))
          .as("%s", java.util.Arrays.toString(bad))
          .isNull();
    }
    assertThat(DiskNames.name(b("fine"), 0, 4)).isEqualTo(Name.of("fine"));
    assertThat(DiskNames.name(bytes(0xff), 0, 1)).isNull();
  }

  @Test
  void list_leavesOutNamesThatAreNotUtf8_andShowsEachOtherNameOnce() throws Exception {
    List<String> names = vfs.list("/").get(WAIT, TimeUnit.SECONDS);
    assertThat(names).containsExactlyInAnyOrder(REPLACEMENT, "ok-\u00e9", "bad-link", "good-link");
    List<DirEntry> entries =
        backend.readDirectory(backend.root()).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
    assertThat(entries).extracting(en -> en.name().toString()).doesNotHaveDuplicates();
  }

  @Test
  void theValidReplacementCharacterName_opensItsOwnFile() throws Exception {
    assertThat(vfs.readAllBytes("/" + REPLACEMENT).get(WAIT, TimeUnit.SECONDS))
        .isEqualTo(b("the real U+FFFD"));
    assertThat(vfs.readAllBytes("/good-link").get(WAIT, TimeUnit.SECONDS))
        .isEqualTo(b("the real U+FFFD"));
  }

  @Test
  void aLinkWhoseTargetIsNotUtf8_isAnError_neverAnotherFile() {
    for (Throwable t :
        java.util.Arrays.asList(
            catchThrowable(() -> vfs.readAllBytes("/bad-link").get(WAIT, TimeUnit.SECONDS)),
            catchThrowable(() -> vfs.readSymbolicLink("/bad-link").get(WAIT, TimeUnit.SECONDS)))) {
      assertThat(t)
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(FileSystemException.class)
          .hasMessageContaining("/bad-link");
    }
  }

  @Test
  void aNameWithALoneSurrogate_isAnInvalidPath_notAnotherFile() throws Exception {
    Files.writeString(root.resolve("a?"), "question mark");
    assertThat(catchThrowable(() -> vfs.readAllBytes("/a\uD800")))
        .isInstanceOf(InvalidPathException.class);
  }
}
