package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsPathTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  private Path p(String s) {
    return fs.getPath(s);
  }

  @Test
  void parse_collapsesSlashesAndDropsTrailing() {
    assertThat(p("//a///b/").toString()).isEqualTo("/a/b");
    assertThat(p("a/b/").toString()).isEqualTo("a/b");
    assertThat(p("/").getNameCount()).isZero();
    assertThat(p("").getNameCount()).isEqualTo(1);
  }

  @Test
  void parse_nul_invalidPath() {
    assertThatThrownBy(() -> p("a\u0000b")).isInstanceOf(InvalidPathException.class);
  }

  @Test
  void components_fileNameParentRoot() {
    Path path = p("/a/b/c");
    assertThat(path.getFileName()).isEqualTo(p("c"));
    assertThat(path.getParent()).isEqualTo(p("/a/b"));
    assertThat(path.getRoot()).isEqualTo(p("/"));
    assertThat(p("/a").getParent()).isEqualTo(p("/"));
    assertThat(p("a").getParent()).isNull();
    assertThat(p("/").getFileName()).isNull();
    assertThat(p("a/b").getRoot()).isNull();
    assertThat(p("").getFileName()).isEqualTo(p(""));
  }

  @Test
  void subpathAndGetName_rangeChecked() {
    Path path = p("/a/b/c");
    assertThat(path.subpath(1, 3)).isEqualTo(p("b/c"));
    assertThat(path.getName(0)).isEqualTo(p("a"));
    assertThatThrownBy(() -> path.subpath(2, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> path.getName(3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void iterator_yieldsNames() {
    List<String> names = new ArrayList<>();
    for (Path n : p("/a/b/c")) {
      names.add(n.toString());
    }
    assertThat(names).containsExactly("a", "b", "c");
  }

  @Test
  void startsWithEndsWith_wholeNames() {
    Path path = p("/ab/cd");
    assertThat(path.startsWith("/ab")).isTrue();
    assertThat(path.startsWith("/a")).isFalse();
    assertThat(path.startsWith("ab")).isFalse();
    assertThat(path.endsWith("cd")).isTrue();
    assertThat(path.endsWith("/ab/cd")).isTrue();
    assertThat(path.endsWith("d")).isFalse();
    assertThat(path.startsWith(Path.of("/ab"))).isFalse();
  }

  @Test
  void normalize_removesDotsLexically() {
    assertThat(p("/a/./b/../c").normalize()).isEqualTo(p("/a/c"));
    assertThat(p("/../a").normalize()).isEqualTo(p("/a"));
    assertThat(p("../a/..").normalize()).isEqualTo(p(".."));
    assertThat(p("a/..").normalize()).isEqualTo(p(""));
  }

  @Test
  void resolveAndSibling() {
    assertThat(p("/a").resolve("b/c")).isEqualTo(p("/a/b/c"));
    assertThat(p("/a").resolve("/x")).isEqualTo(p("/x"));
    assertThat(p("/a").resolve("")).isEqualTo(p("/a"));
    assertThat(p("").resolve("b")).isEqualTo(p("b"));
    assertThat(p("/a/b").resolveSibling("c")).isEqualTo(p("/a/c"));
  }

  @Test
  void relativize_inverseOfResolve() {
    Path a = p("/a/b");
    Path b = p("/a/c/d");
    Path rel = a.relativize(b);
    assertThat(rel).isEqualTo(p("../c/d"));
    assertThat(a.resolve(rel).normalize()).isEqualTo(b);
    assertThat(a.relativize(a)).isEqualTo(p(""));
    assertThatThrownBy(() -> a.relativize(p("x"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toAbsolutePath_workingDirectoryIsRoot() {
    assertThat(p("a/b").toAbsolutePath()).isEqualTo(p("/a/b"));
    assertThat(p("").toAbsolutePath()).isEqualTo(p("/"));
  }

  @Test
  void compareEqualsHash_byString() {
    assertThat(p("/a")).isEqualTo(p("//a/")).hasSameHashCodeAs(p("/a"));
    assertThat(p("/a").compareTo(p("/b"))).isNegative();
    assertThat(p("/a")).isNotEqualTo(FileSystems.getDefault().getPath("/a"));
  }

  @Test
  void foreignPath_providerMismatch() {
    Path foreign = Path.of("x");
    assertThatThrownBy(() -> p("/a").resolve(foreign))
        .isInstanceOf(ProviderMismatchException.class);
    assertThatThrownBy(() -> p("/a").relativize(foreign))
        .isInstanceOf(ProviderMismatchException.class);
  }

  @Test
  void toUri_encodesAndRoundTrips() {
    Path path = p("/a b/\u00fc");
    assertThat(path.toUri().toString()).isEqualTo("jvfs://" + fs.name() + "/a%20b/%C3%BC");
    assertThat(Path.of(path.toUri())).isEqualTo(path);
    assertThat(p("rel").toUri().toString()).isEqualTo("jvfs://" + fs.name() + "/rel");
  }
}
