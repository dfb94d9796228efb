package org.jvfs.nio;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.ClosedDirectoryStreamException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VfsDirectoryStreamTest {
  private final VfsFileSystem fs = NioFixture.newFileSystem();

  @AfterEach
  void close() throws Exception {
    fs.close();
  }

  private SecureDirectoryStream<Path> open(String dir) throws IOException {
    return (SecureDirectoryStream<Path>) Files.newDirectoryStream(fs.getPath(dir));
  }

  private static List<String> names(DirectoryStream<Path> s) {
    List<String> out = new ArrayList<>();
    s.forEach(p -> out.add(p.getFileName().toString()));
    return out;
  }

  @Test
  void glob_filtersEntriesResolvedAgainstDir() throws IOException {
    Files.createDirectory(fs.getPath("/d"));
    Files.writeString(fs.getPath("/d/a.txt"), "");
    Files.writeString(fs.getPath("/d/b.bin"), "");
    try (DirectoryStream<Path> s = Files.newDirectoryStream(fs.getPath("/d"), "*.txt")) {
      assertThat(s).containsExactly(fs.getPath("/d/a.txt"));
    }
  }

  @Test
  void filterIoException_directoryIteratorException() throws IOException {
    Files.createDirectory(fs.getPath("/d"));
    Files.writeString(fs.getPath("/d/a"), "");
    try (DirectoryStream<Path> s =
        Files.newDirectoryStream(
            fs.getPath("/d"),
            p -> {
              throw new IOException("filter");
            })) {
      assertThatThrownBy(() -> s.iterator().hasNext())
          .isInstanceOf(DirectoryIteratorException.class);
    }
  }

  @Test
  void closed_iteratorStopsAndMethodsFail() throws IOException {
    Files.createDirectory(fs.getPath("/d"));
    Files.writeString(fs.getPath("/d/a"), "");
    SecureDirectoryStream<Path> s = open("/d");
    var it = s.iterator();
    s.close();
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(() -> s.deleteFile(fs.getPath("a")))
        .isInstanceOf(ClosedDirectoryStreamException.class);
  }

  @Test
  void relativeOperations_resolveAgainstStreamDirectory() throws IOException {
    Files.createDirectories(fs.getPath("/d/sub"));
    try (SecureDirectoryStream<Path> s = open("/d")) {
      try (var ch = s.newByteChannel(fs.getPath("f"), Set.of(WRITE, CREATE))) {
        ch.write(java.nio.ByteBuffer.wrap(new byte[] {7}));
      }
      assertThat(
              s.getFileAttributeView(fs.getPath("f"), BasicFileAttributeView.class)
                  .readAttributes()
                  .size())
          .isEqualTo(1);
      try (SecureDirectoryStream<Path> sub = s.newDirectoryStream(fs.getPath("sub"))) {
        assertThat(names(sub)).isEmpty();
      }
      s.deleteFile(fs.getPath("f"));
      s.deleteDirectory(fs.getPath("sub"));
      assertThat(
              s.getFileAttributeView(PosixFileAttributeView.class).readAttributes().isDirectory())
          .isTrue();
    }
    try (var left = Files.list(fs.getPath("/d"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void deleteWrongKind_failsAndKeepsEntry() throws IOException {
    Files.createDirectories(fs.getPath("/d/sub"));
    Files.writeString(fs.getPath("/d/f"), "");
    try (SecureDirectoryStream<Path> s = open("/d")) {
      assertThatThrownBy(() -> s.deleteFile(fs.getPath("sub")))
          .isInstanceOf(FileSystemException.class)
          .hasMessageContaining("Is a directory");
      assertThatThrownBy(() -> s.deleteDirectory(fs.getPath("f")))
          .isInstanceOf(FileSystemException.class)
          .hasMessageContaining("Not a directory");
    }
    assertThat(Files.exists(fs.getPath("/d/sub"))).isTrue();
    assertThat(Files.exists(fs.getPath("/d/f"))).isTrue();
  }

  @Test
  void newDirectoryStream_noFollowOnLink_notDirectory() throws IOException {
    Files.createDirectories(fs.getPath("/d/real"));
    Files.createSymbolicLink(fs.getPath("/d/link"), fs.getPath("real"));
    try (SecureDirectoryStream<Path> s = open("/d")) {
      assertThatThrownBy(() -> s.newDirectoryStream(fs.getPath("link"), NOFOLLOW_LINKS))
          .isInstanceOf(NotDirectoryException.class);
      try (var followed = s.newDirectoryStream(fs.getPath("link"))) {
        assertThat(names(followed)).isEmpty();
      }
    }
  }

  @Test
  void move_betweenStreams() throws IOException {
    Files.createDirectories(fs.getPath("/a"));
    Files.createDirectories(fs.getPath("/b"));
    Files.writeString(fs.getPath("/a/f"), "m");
    try (SecureDirectoryStream<Path> a = open("/a");
        SecureDirectoryStream<Path> b = open("/b")) {
      a.move(fs.getPath("f"), b, fs.getPath("g"));
    }
    assertThat(Files.readString(fs.getPath("/b/g"))).isEqualTo("m");
  }
}
