package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * jvfs works from the module path, not only from the class path the other tests use: a small
 * program of its own module ({@code src/test/modulepath}) is compiled against the modules {@code
 * org.jvfs} and {@code org.jvfs.posix} and run with {@code java --module-path ... -m}. It mounts
 * memory and posix, reads a file through both and through {@code java.nio} (the {@code jvfs}
 * provider and the {@code posix} backend found through the modules' {@code provides}), and must
 * print no warning.
 *
 * <p>Two flags such a launch needs, which users' own launch commands need too: {@code --add-modules
 * org.objectweb.asm} (JNR-FFI is an automatic module and cannot say that it needs ASM, an explicit
 * module, so nothing else resolves it), and on JDK 22 and later {@code
 * --enable-native-access=org.jnrproject.jffi} (on the module path jffi is a named module, which
 * {@code ALL-UNNAMED} does not cover).
 */
class ModulePathTest {
  private final Path tmp = TempRoot.create("jvfs-modulepath");

  @AfterEach
  void cleanUp() {
    TempRoot.delete(tmp);
  }

  @Test
  void programOnTheModulePath_mountsMemoryAndPosix_andReadsAFile() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("hello.txt"), "from disk");
    String modulePath = String.join(File.pathSeparator, runtimeModules());
    Path classes = tmp.resolve("classes");
    List<String> sources;
    try (Stream<Path> files = Files.walk(Path.of("src/test/modulepath"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
    }
    List<String> javac = new ArrayList<>(List.of("-d", classes.toString()));
    javac.addAll(List.of("--module-path", modulePath, "-Xlint:all", "-Werror"));
    javac.addAll(sources);
    ByteArrayOutputStream compilerOut = new ByteArrayOutputStream();
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(null, compilerOut, compilerOut, javac.toArray(String[]::new));
    assertThat(compiled).as(compilerOut.toString(StandardCharsets.UTF_8)).isZero();

    List<String> java = new ArrayList<>();
    java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 22) {
      java.add("--enable-native-access=org.jnrproject.jffi");
    }
    java.addAll(List.of("--module-path", modulePath + File.pathSeparator + classes));
    java.addAll(List.of("--add-modules", "org.objectweb.asm"));
    java.addAll(List.of("-m", "org.jvfs.modulepath/org.jvfs.modulepath.Main", data.toString()));
    Path err = tmp.resolve("stderr");
    Process p = new ProcessBuilder(java).redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the program ended").isTrue();
    String stderr = Files.readString(err);
    assertThat(p.exitValue()).as(out + stderr).isZero();
    assertThat(stderr).as("the program's standard error").isEmpty();
    assertThat(out.lines())
        .containsExactly(
            "memory: from memory",
            "posix: from disk",
            "nio: from disk",
            "modules: org.jvfs.modulepath, org.jvfs, org.jvfs.posix");
  }

  /**
   * The test class path's entries that the program needs at run time: jvfs's two modules (their
   * classes or jars) and their dependencies, without the test libraries.
   */
  private static List<String> runtimeModules() {
    List<String> keep =
        List.of("vfs-api", "vfs-posix", "caffeine-", "guava-", "failureaccess-", "jspecify-");
    List<String> keepToo = List.of("jnr-", "jffi-", "asm-");
    List<String> modules =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(
                e -> {
                  Path p = Path.of(e);
                  String name = p.getFileName().toString();
                  if (name.equals("classes")) {
                    name = p.getParent().getParent().getFileName().toString();
                  } else if (!name.endsWith(".jar")) {
                    return false;
                  }
                  String n = name;
                  return Stream.concat(keep.stream(), keepToo.stream()).anyMatch(n::startsWith);
                })
            .toList();
    assertThat(modules).as("jvfs's modules on the test class path").hasSizeGreaterThan(8);
    return modules;
  }
}
