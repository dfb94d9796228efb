package org.jvfs.testkit;

import static com.google.common.base.Preconditions.checkState;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The {@code java.nio.file} conformance kit: an abstract JUnit 5 class whose {@link Nested} groups
 * check that a file system behaves like the JDK's default provider, down to exception types and the
 * file each exception names.
 *
 * <p>A subclass supplies a fresh, empty, writable directory per test with {@link #newRoot()}, on
 * any {@link java.nio.file.FileSystem}, and declares the optional {@link Feature}s it has with
 * {@link #features()}. Tests needing an absent feature are skipped by an assumption naming it.
 * Every path a test touches lies under the root.
 *
 * <p>Deliberate differences of jvfs from the JDK's Linux provider, which the kit allows: jvfs has
 * no memory mapping ({@link Feature#MEMORY_MAPPING} absent: {@code FileChannel.map} throws
 * UnsupportedOperationException); its principals are numeric ids, and changing a file's owner or
 * group to another fails with "Operation not permitted"; its file locks are known inside the JVM
 * only; a file opened with DELETE_ON_CLOSE keeps its name until closed (the JDK on Linux unlinks it
 * at open); its watch service reports changes made through the VFS only; a symbolic link loop is a
 * {@link java.nio.file.FileSystemLoopException} (the JDK throws a plain FileSystemException);
 * reading a directory fails with a FileSystemException "Is a directory" (the JDK: a plain
 * IOException); a move with REPLACE_EXISTING renames over the target in one step, where the JDK
 * deletes the target first (they differ when the target lies inside the source directory, or when
 * the target's path leads through the entry it replaces: the JDK has deleted it when the rename
 * fails).
 *
 * <p>Not thread-safe: JUnit creates one instance per test and uses it from one thread.
 */
public abstract class FileSystemConformanceKit {

  private @Nullable Path root;

  /** Creates the kit; JUnit calls this once per test. */
  protected FileSystemConformanceKit() {}

  /**
   * Returns a fresh, empty, writable directory for one test. Called once before each test.
   *
   * @return an existing empty directory, never null; it may be on any file system
   * @throws Exception if the directory cannot be created; the test then fails
   */
  protected abstract Path newRoot() throws Exception;

  /**
   * Releases a root returned by {@link #newRoot()} after its test. The default deletes the tree
   * recursively without following symbolic links.
   *
   * @param root the root the test ran in; it may already be partly or wholly deleted
   * @throws Exception if the tree cannot be released; the test then fails
   */
  protected void releaseRoot(Path root) throws Exception {
    deleteTree(root);
  }

  /**
   * Returns the optional features of the file system under test. The default is none.
   *
   * @return the features, never null; the kit does not modify it
   */
  protected Set<Feature> features() {
    return EnumSet.noneOf(Feature.class);
  }

  /**
   * Returns the release-dependent behaviours of the JDK's default provider that the file system
   * under test shows. The default is none: JDK 17's provider's behaviour, which jvfs keeps on every
   * JDK. The kit's run on the default provider returns {@link JdkDifference#ofRunningJdk()}.
   *
   * @return the differences, never null; the kit does not modify it
   */
  protected Set<JdkDifference> jdkDifferences() {
    return EnumSet.noneOf(JdkDifference.class);
  }

  @BeforeEach
  final void createRoot() throws Exception {
    root = newRoot();
  }

  @AfterEach
  final void deleteRoot() throws Exception {
    Path done = root;
    root = null;
    if (done != null) {
      releaseRoot(done);
    }
  }

  /** Returns the current test's root; fails if called outside a test. */
  final Path root() {
    Path current = root;
    checkState(current != null, "root is only available while a test runs");
    return current;
  }

  final boolean has(Feature feature) {
    return features().contains(feature);
  }

  final boolean shows(JdkDifference difference) {
    return jdkDifferences().contains(difference);
  }

  /**
   * Deletes {@code root} and everything under it, not following symbolic links.
   *
   * @param root the tree to delete; absent is fine
   * @throws IOException if some entry cannot be deleted
   */
  static void deleteTree(Path root) throws IOException {
    if (Files.notExists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<Path>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            // Symbolic link loops and the like: the entry itself can still be unlinked.
            if (!(e instanceof NoSuchFileException)) {
              Files.deleteIfExists(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException e)
              throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  @Nested
  @DisplayName("Creating and deleting directories")
  class Directories extends DirectoryConformance {
    Directories() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Creating and deleting regular files")
  class RegularFiles extends RegularFileConformance {
    RegularFiles() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Reading and writing whole files and streams")
  class ReadingAndWriting extends ReadWriteConformance {
    ReadingAndWriting() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Opening files with standard open options")
  class OpenOptions extends OpenOptionConformance {
    OpenOptions() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Seeking, growing and truncating through byte channels")
  class ByteChannels extends ByteChannelConformance {
    ByteChannels() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("File channels, asynchronous channels and locks")
  class FileChannels extends FileChannelConformance {
    FileChannels() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Listing directories")
  class Listing extends ListingConformance {
    Listing() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Walking and searching file trees")
  class Walking extends WalkConformance {
    Walking() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Copying files and directories")
  class Copying extends CopyConformance {
    Copying() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Moving and renaming files and directories")
  class Moving extends MoveConformance {
    Moving() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Creating, reading and following symbolic links")
  class SymbolicLinks extends SymbolicLinkConformance {
    SymbolicLinks() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Giving one file several names with hard links")
  class HardLinks extends HardLinkConformance {
    HardLinks() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Reading and setting basic attributes")
  class BasicAttributes extends BasicAttributeConformance {
    BasicAttributes() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Reading and setting POSIX permissions and owners")
  class PosixAttributes extends PosixAttributeConformance {
    PosixAttributes() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Testing existence and file type")
  class Existence extends ExistenceConformance {
    Existence() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Resolving real paths and comparing files")
  class Resolution extends ResolutionConformance {
    Resolution() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Rejecting invalid names and missing parents")
  class BadInput extends BadInputConformance {
    BadInput() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Serving libraries: secure directory streams, durable renames, locks, URIs")
  class Provider extends ProviderConformance {
    Provider() {
      super(FileSystemConformanceKit.this);
    }
  }

  @Nested
  @DisplayName("Describing file stores and watching directories")
  class StoresAndWatching extends StoreAndWatchConformance {
    StoresAndWatching() {
      super(FileSystemConformanceKit.this);
    }
  }
}
