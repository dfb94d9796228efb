package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;

/**
 * The base of every group of kit tests: access to the current root and the declared features, and
 * the helpers the groups share.
 *
 * <p>Groups are extended by {@code @Nested} inner classes of {@link FileSystemConformanceKit},
 * which pass the enclosing kit in; the root is looked up per call because JUnit creates it after
 * constructing the nested instance.
 */
abstract class ConformanceGroup {

  /** A last-modified time with whole seconds, far in the past, so any clock precision keeps it. */
  static final FileTime PAST = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

  private final FileSystemConformanceKit kit;

  ConformanceGroup(FileSystemConformanceKit kit) {
    this.kit = kit;
  }

  /** Returns the current test's root directory. */
  final Path root() {
    return kit.root();
  }

  /** Returns the file system under test. */
  final FileSystem fs() {
    return root().getFileSystem();
  }

  /** Resolves a slash-separated relative path against the root. */
  final Path path(String relative) {
    return root().resolve(relative);
  }

  /** Skips the current test, naming the feature, unless the file system has it. */
  final void assume(Feature feature) {
    Assumptions.assumeTrue(
        kit.has(feature), () -> "skipped: the file system lacks feature " + feature);
  }

  /** Returns true if the file system under test shows the release-dependent {@code difference}. */
  final boolean kitShows(JdkDifference difference) {
    return kit.shows(difference);
  }

  /** Returns true if the file system under test has {@code feature}. */
  final boolean kitHas(Feature feature) {
    return kit.has(feature);
  }

  /** Creates a regular file under the root holding {@code content} in UTF-8. */
  final Path file(String relative, String content) throws IOException {
    return Files.write(path(relative), content.getBytes(UTF_8));
  }

  /** Creates a directory (and missing parents) under the root. */
  final Path dir(String relative) throws IOException {
    return Files.createDirectories(path(relative));
  }

  /** Creates a symbolic link under the root to a target given as a string of this file system. */
  final Path symlink(String relative, String target) throws IOException {
    assume(Feature.SYMBOLIC_LINKS);
    return Files.createSymbolicLink(path(relative), fs().getPath(target));
  }

  /** Reads a whole file as UTF-8. */
  static String read(Path file) throws IOException {
    return Files.readString(file, UTF_8);
  }

  /** Returns the UTF-8 bytes of {@code s}. */
  static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  /**
   * Asserts that {@code call} throws exactly an instance of {@code type} (or a subclass) whose
   * {@link FileSystemException#getFile()} is the string form of {@code file}.
   *
   * @return the exception, for further checks
   */
  static <T extends FileSystemException> T assertThrowsFor(
      Class<T> type, Path file, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(type);
    T e = type.cast(thrown);
    assertThat(e.getFile()).as("getFile() of %s", e).isEqualTo(file.toString());
    return e;
  }

  /**
   * Like {@link #assertThrowsFor} but also checks {@link FileSystemException#getOtherFile()}.
   *
   * @return the exception, for further checks
   */
  static <T extends FileSystemException> T assertThrowsFor(
      Class<T> type, Path file, Path other, ThrowingCallable call) {
    T e = assertThrowsFor(type, file, call);
    assertThat(e.getOtherFile()).as("getOtherFile() of %s", e).isEqualTo(other.toString());
    return e;
  }
}
