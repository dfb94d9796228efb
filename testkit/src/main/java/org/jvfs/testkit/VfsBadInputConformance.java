package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The {@code BadInput} group of {@link VfsConformanceKit}: bad input is refused as the JDK refuses
 * it.
 */
abstract class VfsBadInputConformance extends VfsConformanceGroup {

  VfsBadInputConformance(VfsConformanceKit kit) {
    super(kit);
  }

  private static final String NUL = "/a\u0000b";

  private Map<String, ThrowingCallable> callsWith(String p) {
    Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
    calls.put("lookupNow", () -> vfs().lookupNow(p));
    calls.put("lookup", () -> vfs().lookup(p));
    calls.put("stat", () -> vfs().stat(p));
    calls.put("open", () -> vfs().open(p));
    calls.put("readAllBytes", () -> vfs().readAllBytes(p));
    calls.put("write", () -> vfs().write(p, HELLO));
    calls.put("list", () -> vfs().list(p));
    calls.put("createDirectory", () -> vfs().createDirectory(p));
    calls.put("createDirectories", () -> vfs().createDirectories(p));
    calls.put("delete", () -> vfs().delete(p));
    calls.put("deleteIfExists", () -> vfs().deleteIfExists(p));
    calls.put("move source", () -> vfs().move(p, "/x"));
    calls.put("move target", () -> vfs().move("/f", p));
    calls.put("copy source", () -> vfs().copy(p, "/x"));
    calls.put("copy target", () -> vfs().copy("/f", p));
    calls.put("createSymbolicLink link", () -> vfs().createSymbolicLink(p, "t"));
    calls.put("createLink link", () -> vfs().createLink(p, "/f"));
    calls.put("createLink existing", () -> vfs().createLink("/x", p));
    calls.put("readSymbolicLink", () -> vfs().readSymbolicLink(p));
    calls.put("setTimes", () -> vfs().setTimes(p, null, null, null));
    calls.put("setPermissions", () -> vfs().setPermissions(p, Set.of()));
    calls.put("storeInfo", () -> vfs().storeInfo(p));
    return calls;
  }

  private void assertAllThrowAtOnce(
      Map<String, ThrowingCallable> calls, Class<? extends Throwable> type) {
    SortedMap<String, String> before = snapshot();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, ThrowingCallable> c : calls.entrySet()) {
      try {
        Object r = callReturning(c.getValue());
        wrong.add(c.getKey() + " returned " + r);
      } catch (Throwable t) {
        if (!type.isInstance(t)) {
          wrong.add(c.getKey() + " threw " + t);
        }
      }
    }
    assertThat(wrong).as("calls that did not throw %s at once", type.getSimpleName()).isEmpty();
    assertThat(snapshot()).isEqualTo(before);
  }

  private @Nullable Object callReturning(ThrowingCallable c) throws Throwable {
    c.call();
    return "normally";
  }

  @Test
  @SuppressWarnings("nullness")
  void nullPath_throwsNullPointerExceptionAtOnce() {
    put("/f", "x");
    assertAllThrowAtOnce(callsWith(nullString()), NullPointerException.class);
  }

  @Test
  void nullOtherArguments_throwNullPointerExceptionAtOnce() {
    put("/f", "x");
    Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
    calls.put("write bytes", () -> vfs().write("/f", nullBytes()));
    calls.put("createSymbolicLink target", () -> vfs().createSymbolicLink("/l", nullString()));
    calls.put("setPermissions perms", () -> vfs().setPermissions("/f", nullPerms()));
    calls.put("open options", () -> vfs().open("/f", (Set<? extends OpenOption>) nullOptionSet()));
    calls.put("open option element", () -> vfs().open("/f", (OpenOption) null));
    calls.put("lookup link option", () -> vfs().lookup("/f", (LinkOption) null));
    calls.put("move option", () -> vfs().move("/f", "/g", (StandardCopyOption) null));
    calls.put("copy option", () -> vfs().copy("/f", "/g", (StandardCopyOption) null));
    assertAllThrowAtOnce(calls, NullPointerException.class);
  }

  @Test
  void nulCharacter_throwsInvalidPathExceptionAtOnce() {
    put("/f", "x");
    assertAllThrowAtOnce(callsWith(NUL), InvalidPathException.class);
  }

  @Test
  void nulCharacterInSymlinkTarget_throwsInvalidPathExceptionAtOnce() {
    assertAllThrowAtOnce(
        Map.of("createSymbolicLink target", () -> vfs().createSymbolicLink("/l", NUL)),
        InvalidPathException.class);
  }

  @Test
  void nameOf256Bytes_failsWithFileNameTooLong() {
    String p = "/" + "x".repeat(256);
    for (Supplier<CompletableFuture<?>> op :
        List.<Supplier<CompletableFuture<?>>>of(
            () -> vfs().stat(p),
            () -> vfs().write(p, HELLO),
            () -> vfs().createDirectory(p),
            () -> vfs().open(p, StandardOpenOption.WRITE, StandardOpenOption.CREATE),
            () -> vfs().createSymbolicLink(p, "t"))) {
      FileSystemException e = assertFailsUnchanged(FileSystemException.class, p, op);
      assertThat(e.getReason()).isEqualTo("File name too long");
    }
  }

  @Test
  void nameOf255Bytes_works() {
    String p = "/" + "\u00e9".repeat(127) + "x";
    put(p, "ok");
    assertThat(get(p)).isEqualTo("ok");
    assertThat(await(vfs().list("/"))).containsExactly(p.substring(1));
  }

  @Test
  void multiByteNameOver255Bytes_failsWithFileNameTooLong() {
    String p = "/" + "\u00e9".repeat(128);
    FileSystemException e =
        assertFailsUnchanged(FileSystemException.class, p, () -> vfs().write(p, HELLO));
    assertThat(e.getReason()).isEqualTo("File name too long");
  }

  @Test
  void pathOf4096Bytes_failsWithFileNameTooLong() {
    String p = longPath(4096);
    assertThat(p.getBytes(UTF_8)).hasSize(4096);
    FileSystemException e = assertFailsUnchanged(FileSystemException.class, p, () -> vfs().stat(p));
    assertThat(e.getReason()).isEqualTo("File name too long");
    e = assertFailsUnchanged(FileSystemException.class, p, () -> vfs().write(p, HELLO));
    assertThat(e.getReason()).isEqualTo("File name too long");
  }

  @Test
  void pathOf4095Bytes_isNotTooLong() {
    String p = longPath(4095);
    assertFailsUnchanged(NoSuchFileException.class, p, () -> vfs().stat(p));
  }

  private static String longPath(int bytes) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() + 100 <= bytes) {
      sb.append('/').append("d".repeat(99));
    }
    int rest = bytes - sb.length() - 1;
    sb.append('/').append("e".repeat(rest));
    return sb.toString();
  }

  @Test
  void nonNormalizedPaths_workAsTheJdkParsesThem() {
    await(vfs().createDirectories("/a/b"));
    put("//a/./b/../c/", "c");
    assertThat(await(vfs().list("/a"))).containsExactly("b", "c");
    assertThat(get("/a/c")).isEqualTo("c");
    assertThat(get("a/c")).isEqualTo("c");
    assertThat(get("/a//b/./../c")).isEqualTo("c");
    assertThat(await(vfs().list("/.."))).containsExactly("a");
    assertThat(await(vfs().list("/../../a/."))).containsExactly("b", "c");
    assertThat(await(vfs().stat("/a/b/")).isDirectory()).isTrue();
  }

  @Test
  void dotDot_throughAFile_failsWithNotDirectory() {
    put("/f", "x");
    assertFailsUnchanged(NotDirectoryException.class, "/f/..", () -> vfs().list("/f/.."));
  }

  @Test
  void badOpenOption_isRefusedAtOnce() {
    put("/f", "x");
    assertThatThrownBy(() -> vfs().open("/f", StandardOpenOption.READ, StandardOpenOption.APPEND))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> vfs().open("/f", new OpenOption() {}))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void everyOperation_onAClosedVfs_failsWithClosedFileSystemException() {
    put("/f", "x");
    vfs().close();
    vfs().close();
    assertThat(vfs().isOpen()).isFalse();
    assertThatThrownBy(() -> vfs().lookupNow("/f")).isInstanceOf(ClosedFileSystemException.class);
    List<Supplier<CompletableFuture<?>>> ops =
        List.of(
            () -> vfs().lookup("/f"),
            () -> vfs().stat("/f"),
            () -> vfs().open("/f"),
            () -> vfs().readAllBytes("/f"),
            () -> vfs().write("/g", HELLO),
            () -> vfs().list("/"),
            () -> vfs().createDirectory("/d"),
            () -> vfs().createDirectories("/d/e"),
            () -> vfs().delete("/f"),
            () -> vfs().deleteIfExists("/f"),
            () -> vfs().move("/f", "/g"),
            () -> vfs().copy("/f", "/g"),
            () -> vfs().createSymbolicLink("/l", "f"),
            () -> vfs().createLink("/h", "/f"),
            () -> vfs().readSymbolicLink("/l"),
            () -> vfs().setTimes("/f", FileTime.fromMillis(0), null, null),
            () -> vfs().setPermissions("/f", Set.of()),
            () -> vfs().storeInfo("/"));
    for (Supplier<CompletableFuture<?>> op : ops) {
      assertThat(failure(op.get())).isInstanceOf(ClosedFileSystemException.class);
    }
    assertThat(vfs().pendingOperations()).isZero();
  }

  private static @Nullable String nullStringValue() {
    return null;
  }

  @SuppressWarnings("nullness")
  private static String nullString() {
    return nullStringValue();
  }

  @SuppressWarnings("nullness")
  private static byte[] nullBytes() {
    return null;
  }

  @SuppressWarnings("nullness")
  private static Set<PosixFilePermission> nullPerms() {
    return null;
  }

  @SuppressWarnings("nullness")
  private static Set<OpenOption> nullOptionSet() {
    return null;
  }
}
