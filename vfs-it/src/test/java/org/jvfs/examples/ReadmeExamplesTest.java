package org.jvfs.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's Java code is these examples, word for word: every {@code ```java} block equals a
 * region of an example source, and every region is shown in the README; and the examples run and
 * print what the README says they do.
 */
class ReadmeExamplesTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path EXAMPLES = Path.of("src/test/java/org/jvfs/examples");
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");
  private static final Pattern REGION =
      Pattern.compile("(?ms)^[ \\t]*// region (\\S+)\\n(.*?)^[ \\t]*// endregion\\n");

  @Test
  void everyJavaBlockOfTheReadme_isARegionOfAnExample_andEveryRegionIsShown() throws IOException {
    Map<String, String> regions = regions();
    List<String> blocks = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(Files.readString(README));
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertThat(blocks).as("java blocks in README.md").isNotEmpty();
    for (String block : blocks) {
      assertThat(regions.values())
          .as("README.md block, not a region of any example in %s:%n%s", EXAMPLES, block)
          .contains(block);
    }
    assertThat(blocks).as("regions shown in README.md").containsAll(regions.values());
  }

  @Test
  void vfsExample_hitsAfterOneLookup_andReadsTheFile() throws IOException {
    String out = run(VfsExample::run);
    assertThat(out)
        .contains("HIT: 11 bytes\n")
        .contains("missing.js: MISS\nmissing.js: ABSENT\n")
        .contains("read: <h1>hi</h1>\n");
  }

  @Test
  void nioExample_walksTheTree_andReadsThePageAsync() throws IOException {
    assertThat(run(NioExample::run))
        .isEqualTo(
            "/srv\n/srv/www\n/srv/www/index.html\njvfs://site/srv/www/index.html: 11 bytes\n");
  }

  @Test
  void posixExample_writesAndReadsAFileInTheDirectory(@TempDir Path root) throws IOException {
    assertThat(PosixExample.run(root)).isEqualTo("hello from disk");
    assertThat(Files.readString(root.resolve("hello.txt"))).isEqualTo("hello from disk");
  }

  @Test
  void aioExample_printsWhereCallsRun_andReadsTheFileBack(@TempDir Path root) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    String read;
    try (PrintStream out = new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
      read = AioExample.run(root, out);
    }
    assertThat(read).isEqualTo("hello through io_uring");
    assertThat(Files.readString(root.resolve("hello.txt"))).isEqualTo("hello through io_uring");
    String printed = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(printed).startsWith("io_uring off: ").containsPattern("(?m)^\\S+: (ring|posix) \\(");
    if (org.jvfs.aio.ring.UringProbe.get().isAvailable()) {
      assertThat(printed).as("io_uring is available here").startsWith("io_uring off: null\n");
    }
  }

  /** The regions of the examples, by name, each without the indentation its lines share. */
  static Map<String, String> regions() throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    List<Path> sources;
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    for (Path source : sources) {
      Matcher m = REGION.matcher(Files.readString(source));
      while (m.find()) {
        String previous = regions.put(m.group(1), dedent(m.group(2)));
        assertThat(previous).as("region %s defined twice", m.group(1)).isNull();
      }
    }
    assertThat(regions).as("regions in %s", EXAMPLES).isNotEmpty();
    return regions;
  }

  private static String dedent(String text) {
    List<String> lines = text.lines().toList();
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
    }
    return b.toString();
  }

  private interface Example {
    void run(PrintStream out) throws IOException;
  }

  private static String run(Example example) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, UTF_8)) {
      example.run(out);
    }
    return bytes.toString(UTF_8);
  }
}
