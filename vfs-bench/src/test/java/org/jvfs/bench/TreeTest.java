package org.jvfs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeTest {
  @TempDir Path tmp;

  @Test
  void layoutAsMktree() throws IOException {
    Path root = tmp.resolve("tree");
    Tree tree = Tree.prepare(root, 250, 64);
    assertThat(tree.root()).isEqualTo(root.toAbsolutePath());
    assertThat(tree.directories()).isEqualTo(3);
    assertThat(Tree.relative(0)).isEqualTo("d000/f0000");
    assertThat(Tree.relative(199)).isEqualTo("d001/f0099");
    assertThat(Tree.relative(249)).isEqualTo("d002/f0049");
    assertThat(Tree.absentRelative(5)).isEqualTo("d000/a0005");
    try (Stream<Path> dirs = Files.list(root)) {
      assertThat(dirs.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("d000", "d001", "d002");
    }
    try (Stream<Path> files = Files.list(root.resolve("d002"))) {
      assertThat(files.count()).isEqualTo(50);
    }
    for (int i = 0; i < tree.files(); i++) {
      assertThat(tree.path(i)).isEqualTo(root.resolve(Tree.relative(i)).toAbsolutePath());
      assertThat(Files.size(tree.path(i))).isEqualTo(64);
      assertThat(tree.absentPath(i)).doesNotExist();
      assertThat(tree.absentPath(i).getParent()).isDirectory();
    }
    // Random content, not zeros, and not the same in every file.
    byte[] a = Files.readAllBytes(tree.path(0));
    byte[] b = Files.readAllBytes(tree.path(1));
    assertThat(a).isNotEqualTo(new byte[64]).isNotEqualTo(b);
  }

  @Test
  void reusesFilesOfTheRightSizeAndRewritesOthers() throws IOException {
    Path root = tmp.resolve("tree");
    Tree.prepare(root, 10, 32);
    byte[] marker = new byte[32];
    marker[0] = 42;
    Files.write(root.resolve("d000/f0003"), marker);
    Files.write(root.resolve("d000/f0004"), new byte[5]);
    Files.delete(root.resolve("d000/f0005"));

    Tree again = Tree.prepare(root, 10, 32);

    assertThat(Files.readAllBytes(again.path(3))).isEqualTo(marker);
    assertThat(Files.size(again.path(4))).isEqualTo(32);
    assertThat(Files.size(again.path(5))).isEqualTo(32);
  }

  @Test
  void emptyFiles() throws IOException {
    Tree tree = Tree.prepare(tmp.resolve("t"), 3, 0);
    assertThat(Files.size(tree.path(2))).isZero();
  }

  @Test
  void refusesATreeWhoseAbsentPathExists() throws IOException {
    Path root = tmp.resolve("tree");
    Files.createDirectories(root.resolve("d000"));
    Files.createFile(root.resolve("d000/a0001"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tree.prepare(root, 3, 8))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("absent path exists");
  }

  @Test
  void prepare_diskFull_oneLineNamingTheFileAndEnospc() throws IOException {
    try (FileSystem fs = FailingFileSystems.full(10_000)) {
      assertThatThrownBy(() -> Tree.prepare(fs.getPath("/t"), 50, 4096))
          .isInstanceOf(TreeException.class)
          .hasMessage("cannot make the tree in /t: /t/d000/f0002: no space left on device")
          .satisfies(e -> assertThat(Problems.diskFull(e.getCause())).isTrue());
    }
  }

  @Test
  void prepare_unwritableDirectory_oneLineSayingPermissionDenied() throws IOException {
    try (FileSystem fs = FailingFileSystems.unwritable()) {
      assertThatThrownBy(() -> Tree.prepare(fs.getPath("/t"), 5, 8))
          .isInstanceOf(TreeException.class)
          .hasMessage("cannot make the tree in /t: permission denied");
    }
  }

  @Test
  void prepare_aFileWhereTheTreeGoes_saysNotADirectory() throws IOException {
    Path file = Files.createFile(tmp.resolve("plain"));
    assertThatThrownBy(() -> Tree.prepare(file, 5, 8))
        .isInstanceOf(TreeException.class)
        .hasMessage("cannot make the tree in " + file + ": not a directory");
  }

  @Test
  void prepare_tellsProgressOfEveryFile() throws IOException {
    List<String> seen = new ArrayList<>();
    Tree.prepare(tmp.resolve("t"), 3, 1, (stage, done, total) -> seen.add(done + "/" + total));
    assertThat(seen).containsExactly("0/3", "1/3", "2/3", "3/3");
  }

  @Test
  void deleteRecursively() throws IOException {
    Path root = tmp.resolve("tree");
    Tree.prepare(root, 120, 8);
    Tree.deleteRecursively(root);
    assertThat(root).doesNotExist();
    Tree.deleteRecursively(root);
  }
}
