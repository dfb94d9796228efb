package org.jvfs.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The workload tree: {@code ROOT/dNNN/fNNNN}, {@value #FILES_PER_DIR} files per directory, each of
 * {@code size} random bytes (the same bytes in every run). An absent path {@code ROOT/dNNN/aNNNN}
 * sits beside each file, in an existing directory.
 */
public final class Tree {
  /** Files per directory. */
  public static final int FILES_PER_DIR = 100;

  private final Path root;
  private final int files;
  private final int size;
  private final Path[] paths;
  private final Path[] absent;

  private Tree(Path root, int files, int size) {
    this.root = root;
    this.files = files;
    this.size = size;
    this.paths = new Path[files];
    this.absent = new Path[files];
    for (int i = 0; i < files; i++) {
      paths[i] = root.resolve(relative(i));
      absent[i] = root.resolve(absentRelative(i));
    }
  }

  /**
   * Makes the tree under {@code root}, or reuses it: a file already there with the right size is
   * kept, a missing or wrong-sized one is written. Directories are made as needed.
   *
   * @param root the tree's directory; made if missing
   * @param files how many files
   * @param size each file's size in bytes
   * @return the tree
   * @throws TreeException if the tree cannot be made (its message is one line naming the path and
   *     why), or an absent path exists
   */
  public static Tree prepare(Path root, int files, int size) throws IOException {
    return prepare(root, files, size, Progress.NONE);
  }

  /**
   * Makes the tree as {@link #prepare(Path, int, int)} does, telling {@code progress} of each file
   * (stage {@code "tree ROOT: N files of S bytes"}, {@code files} steps).
   *
   * @throws TreeException if the tree cannot be made, or an absent path exists
   */
  public static Tree prepare(Path root, int files, int size, Progress progress) throws IOException {
    if (files < 1 || size < 0) {
      throw new IllegalArgumentException("files must be positive and size not negative");
    }
    Tree tree = new Tree(root.toAbsolutePath().normalize(), files, size);
    Path top = tree.root;
    String stage = String.format(Locale.ROOT, "tree %s: %d files of %d bytes", top, files, size);
    progress.update(stage, 0, files);
    // The nearest path that exists, the tree's directory or an ancestor, must be a directory: name
    // the one the user gave, not the tree's subdirectory beneath it.
    Path existing = top;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw new TreeException(
          existing, "cannot make the tree in " + existing + ": not a directory", null);
    }
    SplittableRandom random = new SplittableRandom(0x6a766673L);
    byte[] content = new byte[size];
    Path p = top;
    try {
      Files.createDirectories(top);
      for (int i = 0; i < files; i++) {
        p = tree.paths[i];
        if (i % FILES_PER_DIR == 0) {
          p = p.getParent();
          Files.createDirectories(p);
          p = tree.paths[i];
        }
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) == size) {
          progress.update(stage, i + 1, files);
          continue;
        }
        random.nextBytes(content);
        try (OutputStream out = Files.newOutputStream(p)) {
          out.write(content);
        }
        progress.update(stage, i + 1, files);
      }
    } catch (IOException e) {
      String where = p.equals(top) ? "" : p + ": ";
      throw new TreeException(
          top, "cannot make the tree in " + top + ": " + where + Problems.reason(e), e);
    }
    for (Path a : tree.absent) {
      if (Files.exists(a, LinkOption.NOFOLLOW_LINKS)) {
        throw new TreeException(
            top, "cannot use the tree in " + top + ": an absent path exists: " + a, null);
      }
    }
    return tree;
  }

  /** Returns the path of file {@code i} relative to the root, such as {@code d001/f0042}. */
  public static String relative(int i) {
    return String.format(Locale.ROOT, "d%03d/f%04d", i / FILES_PER_DIR, i % FILES_PER_DIR);
  }

  /** Returns the absent path beside file {@code i}, such as {@code d001/a0042}. */
  public static String absentRelative(int i) {
    return String.format(Locale.ROOT, "d%03d/a%04d", i / FILES_PER_DIR, i % FILES_PER_DIR);
  }

  /** Returns the root directory, absolute. */
  public Path root() {
    return root;
  }

  /** Returns the number of files. */
  public int files() {
    return files;
  }

  /** Returns each file's size in bytes. */
  public int size() {
    return size;
  }

  /** Returns the number of directories holding the files. */
  public int directories() {
    return (files + FILES_PER_DIR - 1) / FILES_PER_DIR;
  }

  /** Returns file {@code i}'s path. */
  public Path path(int i) {
    return paths[i];
  }

  /** Returns the absent path beside file {@code i}. */
  public Path absentPath(int i) {
    return absent[i];
  }

  /**
   * Deletes a directory tree, not following links; a missing one is no error.
   *
   * @throws UncheckedIOException if something cannot be deleted
   */
  public static void deleteRecursively(Path dir) {
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              if (e != null) {
                throw e;
              }
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
