package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;

class ErrorsTest {
  @Test
  void of_mapsAsTheJdkDoes() {
    assertThat(Errors.of(Errno.ENOENT, "/a")).isExactlyInstanceOf(NoSuchFileException.class);
    assertThat(Errors.of(Errno.EEXIST, "/a")).isExactlyInstanceOf(FileAlreadyExistsException.class);
    assertThat(Errors.of(Errno.EACCES, "/a")).isExactlyInstanceOf(AccessDeniedException.class);
    assertThat(Errors.of(Errno.ELOOP, "/a")).isExactlyInstanceOf(FileSystemLoopException.class);
    FileSystemException other = (FileSystemException) Errors.of(Errno.EISDIR, "/a");
    assertThat(other).isExactlyInstanceOf(FileSystemException.class);
    assertThat(other.getFile()).isEqualTo("/a");
    assertThat(other.getReason()).isEqualTo("Is a directory");
  }

  @Test
  void of_appliesPerOperationOverrides() {
    assertThat(Errors.of(Errno.ENOTEMPTY, "/d", null, Errors.Op.RMDIR))
        .isExactlyInstanceOf(DirectoryNotEmptyException.class);
    assertThat(Errors.of(Errno.EEXIST, "/d", null, Errors.Op.RMDIR))
        .isExactlyInstanceOf(DirectoryNotEmptyException.class);
    assertThat(Errors.of(Errno.ENOTDIR, "/d", null, Errors.Op.OPENDIR))
        .isExactlyInstanceOf(NotDirectoryException.class);
    assertThat(Errors.of(Errno.EINVAL, "/l", null, Errors.Op.READLINK))
        .isExactlyInstanceOf(NotLinkException.class);
    assertThat(Errors.of(Errno.ENOTEMPTY, "/d"))
        .isExactlyInstanceOf(FileSystemException.class)
        .hasMessageContaining("Directory not empty");
  }

  @Test
  void of_keepsBothPaths() {
    FileSystemException e =
        (FileSystemException) Errors.of(Errno.EXDEV, "/a", "/b", Errors.Op.OTHER);
    assertThat(e.getFile()).isEqualTo("/a");
    assertThat(e.getOtherFile()).isEqualTo("/b");
  }

  @Test
  void translate_unwrapsAndPassesOthersThrough() {
    Throwable t =
        Errors.translate(new CompletionException(new BackendException(Errno.ENOENT)), "/x");
    assertThat(t).isExactlyInstanceOf(NoSuchFileException.class).hasMessage("/x");
    IllegalStateException ise = new IllegalStateException();
    assertThat(Errors.translate(new CompletionException(ise), "/x")).isSameAs(ise);
  }
}
