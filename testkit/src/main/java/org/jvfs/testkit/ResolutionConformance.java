package org.jvfs.testkit;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Kit tests for {@code toRealPath}, {@code isSameFile} and path matchers. */
abstract class ResolutionConformance extends ConformanceGroup {

  ResolutionConformance(FileSystemConformanceKit kit) {
    super(kit);
  }

  @Test
  void toRealPath_removesDotAndDotDot() throws IOException {
    dir("a/b");
    file("a/f", "");

    Path real = path("a/./b/../f").toRealPath();

    assertThat(real).isEqualTo(root().toRealPath().resolve("a").resolve("f"));
    assertThat(real.isAbsolute()).isTrue();
  }

  @Test
  void toRealPath_isIdempotent() throws IOException {
    Path real = file("f", "").toRealPath();

    assertThat(real.toRealPath()).isEqualTo(real);
  }

  @Test
  void toRealPath_missing() {
    Path missing = path("missing");

    assertThrowsFor(NoSuchFileException.class, missing, missing::toRealPath);
  }

  @Test
  void toRealPath_resolvesLinks_unlessNoFollow() throws IOException {
    dir("d");
    file("d/f", "");
    symlink("link", "d");

    Path followed = path("link/f").toRealPath();
    Path notFollowed = path("link").toRealPath(NOFOLLOW_LINKS);

    assertThat(followed).isEqualTo(root().toRealPath().resolve("d").resolve("f"));
    assertThat(notFollowed).isEqualTo(root().toRealPath().resolve("link"));
  }

  @Test
  void isSameFile_samePath_trueEvenIfMissing() throws IOException {
    Path missing = path("missing");

    assertThat(Files.isSameFile(missing, missing)).isTrue();
  }

  @Test
  void isSameFile_differentSpellings() throws IOException {
    Path file = file("f", "");
    dir("d");

    assertThat(Files.isSameFile(file, path("d/../f"))).isTrue();
    assertThat(Files.isSameFile(file, path("./f"))).isTrue();
  }

  @Test
  void isSameFile_distinctFiles_false() throws IOException {
    Path a = file("a", "same content");
    Path b = file("b", "same content");

    assertThat(Files.isSameFile(a, b)).isFalse();
  }

  @Test
  void isSameFile_oneMissing() throws IOException {
    Path file = file("f", "");
    Path missing = path("missing");

    assertThrowsFor(NoSuchFileException.class, missing, () -> Files.isSameFile(file, missing));
  }

  @Test
  void isSameFile_linkAndTarget() throws IOException {
    Path file = file("f", "");
    Path link = symlink("link", "f");

    assertThat(Files.isSameFile(link, file)).isTrue();
  }

  @Test
  void pathMatcher_globAndRegex() {
    var glob = fs().getPathMatcher("glob:*.{java,class}");
    var regex = fs().getPathMatcher("regex:[a-c]+\\.txt");

    assertThat(glob.matches(fs().getPath("Kit.java"))).isTrue();
    assertThat(glob.matches(fs().getPath("Kit.class"))).isTrue();
    assertThat(glob.matches(fs().getPath("Kit.txt"))).isFalse();
    assertThat(glob.matches(fs().getPath("dir/Kit.java"))).isFalse();
    assertThat(regex.matches(fs().getPath("abc.txt"))).isTrue();
    assertThat(regex.matches(fs().getPath("abd.txt"))).isFalse();
  }

  @Test
  void relativize_andResolve_roundTrip() throws IOException {
    Path deep = dir("a/b/c");
    Path other = dir("x/y");

    Path between = deep.relativize(other);

    assertThat(between.toString()).isEqualTo(fs().getPath("..", "..", "..", "x", "y").toString());
    assertThat(Files.isSameFile(deep.resolve(between), other)).isTrue();
  }
}
