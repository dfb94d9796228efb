package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.NodeAttributes;

/**
 * The posix backend loads whatever the JVM's default locale: jffi 1.3.13 named its stub library
 * with a locale-sensitive format, so that a locale whose digits are not ASCII ({@code ar-EG} writes
 * Arabic-Indic digits) failed with "could not load FFI provider". The check runs in a JVM of its
 * own, since the locale is read when JNR first loads.
 */
class LocaleLoadTest {
  private final Path root = TempRoot.create("jvfs-locale");

  @AfterEach
  void cleanUp() {
    TempRoot.delete(root);
  }

  @Test
  void open_underArabicEgyptianLocale_loadsAndStats() throws Exception {
    Files.write(root.resolve("f"), new byte[] {1, 2, 3});
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=ar",
                "-Duser.country=EG",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                root.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(out).contains("size=3");
    assertThat(p.exitValue()).as(out).isZero();
  }

  /** The child JVM: opens a backend on the directory it is given and stats a file in it. */
  static final class Main {
    private Main() {}

    public static void main(String[] args) throws IOException {
      String digits = String.format("%d", 42);
      try (PosixBackend b = PosixBackend.open(PosixOptions.builder(Path.of(args[0])).build())) {
        NodeAttributes a =
            b.lookup(b.root(), org.jvfs.spi.Name.of("f")).toCompletableFuture().join().attributes();
        System.out.println(
            "locale=" + java.util.Locale.getDefault() + " digits=" + digits + " size=" + a.size());
      }
    }
  }
}
