package org.jvfs.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;
import org.jvfs.spi.ForwardingBackend;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.NodeKind;
import org.jvfs.spi.OpenFlags;

/**
 * {@code Vfs.readAllBytes}: one {@link Backend#readFile} call for a regular file, the JDK's
 * failures, and a cache gone stale behind the VFS's back.
 */
class ReadAllBytesTest {
  private final MemoryBackend memory = MemoryBackend.create();
  private final Counting backend = new Counting();
  private final Vfs vfs;

  /** Set by tests that change the backend behind the VFS's back, whose cache is then stale. */
  private boolean changedBehindTheBack;

  ReadAllBytesTest() throws IOException {
    vfs = Vfs.builder().mount("/", backend).build();
  }

  /** Counts readFile and open calls; can fail readFile once, or hide that names are files. */
  private final class Counting extends ForwardingBackend {
    final AtomicInteger readFiles = new AtomicInteger();
    final AtomicInteger opens = new AtomicInteger();
    volatile @Nullable Errno failReadFile;
    volatile boolean filesAsOther;

    @Override
    protected Backend delegate() {
      return memory;
    }

    @Override
    public CompletionStage<@Nullable NodeInfo> lookup(Node dir, Name name) {
      return memory
          .lookup(dir, name)
          .thenApply(
              i ->
                  i != null && filesAsOther && i.kind() == NodeKind.FILE
                      ? NodeInfo.of(
                          i.node(), org.jvfs.spi.NodeAttributes.builder(NodeKind.OTHER).build())
                      : i);
    }

    @Override
    public CompletionStage<byte[]> readFile(Node dir, Name name, long limit) {
      readFiles.incrementAndGet();
      Errno e = failReadFile;
      if (e != null) {
        return CompletableFuture.failedFuture(new BackendException(e));
      }
      return memory.readFile(dir, name, limit);
    }

    @Override
    public CompletionStage<Opened> open(
        Node dir, Name name, OpenFlags flags, @Nullable Set<PosixFilePermission> permissions) {
      opens.incrementAndGet();
      return memory.open(dir, name, flags, permissions);
    }
  }

  private void writeBehindTheBack(String name, byte[] content) {
    changedBehindTheBack = true;
    OpenFlags create =
        OpenFlags.from(
            Set.of(
                java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.CREATE_NEW));
    org.jvfs.spi.BackendFile f =
        memory.open(memory.root(), Name.of(name), create, null).toCompletableFuture().join().file();
    f.write(java.nio.ByteBuffer.wrap(content), 0).toCompletableFuture().join();
    f.close().toCompletableFuture().join();
  }

  @AfterEach
  void close() {
    assertThat(vfs.openFileCount()).isZero();
    if (!changedBehindTheBack) {
      assertThat(vfs.verifyCache()).isEmpty();
    }
    vfs.close();
  }

  private Throwable failure(String path) {
    return assertThatThrownBy(() -> vfs.readAllBytes(path).join())
        .isInstanceOf(CompletionException.class)
        .actual()
        .getCause();
  }

  @Test
  void regularFile_isOneReadFileCall_andNoOpen() {
    vfs.write("/f", "content".getBytes(UTF_8)).join();
    backend.opens.set(0);
    assertThat(vfs.readAllBytes("/f").join()).isEqualTo("content".getBytes(UTF_8));
    assertThat(backend.readFiles).hasValue(1);
    assertThat(backend.opens).hasValue(0);
  }

  @Test
  void throughASymlink_readsTheTarget() {
    vfs.write("/t", "target".getBytes(UTF_8)).join();
    vfs.createSymbolicLink("/l", "t").join();
    assertThat(vfs.readAllBytes("/l").join()).isEqualTo("target".getBytes(UTF_8));
  }

  @Test
  void directory_failsWithThePath_withoutABackendRead() {
    vfs.createDirectory("/d").join();
    Throwable t = failure("/d");
    assertThat(t).isInstanceOf(FileSystemException.class);
    assertThat(((FileSystemException) t).getFile()).isEqualTo("/d");
    assertThat(((FileSystemException) t).getReason()).isEqualTo("Is a directory");
    assertThat(failure("/")).isInstanceOf(FileSystemException.class);
    assertThat(backend.readFiles).hasValue(0);
  }

  @Test
  void absent_failsWithNoSuchFile() {
    assertThat(failure("/nope")).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void fileRemovedBehindTheBack_failsWithNoSuchFile_andIsForgotten() {
    vfs.write("/f", new byte[1]).join();
    vfs.lookup("/f").join();
    changedBehindTheBack = true;
    memory.remove(memory.root(), Name.of("f"), false).toCompletableFuture().join();
    assertThat(failure("/f")).isInstanceOf(NoSuchFileException.class);
    assertThat(vfs.lookupNow("/f").status()).isNotEqualTo(org.jvfs.LookupResult.Status.HIT);
  }

  @Test
  void fileReplacedByADirectoryBehindTheBack_walksAgain_andFailsWithIsADirectory() {
    vfs.write("/f", new byte[1]).join();
    vfs.lookup("/f").join();
    changedBehindTheBack = true;
    memory.remove(memory.root(), Name.of("f"), false).toCompletableFuture().join();
    memory.createDirectory(memory.root(), Name.of("f"), null).toCompletableFuture().join();
    Throwable t = failure("/f");
    assertThat(t).isInstanceOf(FileSystemException.class);
    assertThat(((FileSystemException) t).getReason()).isEqualTo("Is a directory");
  }

  @Test
  void fileReplacedByASymlinkBehindTheBack_walksAgain_andReadsTheTarget() {
    vfs.write("/t", "target".getBytes(UTF_8)).join();
    vfs.write("/f", new byte[1]).join();
    vfs.lookup("/f").join();
    changedBehindTheBack = true;
    memory.remove(memory.root(), Name.of("f"), false).toCompletableFuture().join();
    memory.createSymlink(memory.root(), Name.of("f"), "t").toCompletableFuture().join();
    assertThat(vfs.readAllBytes("/f").join()).isEqualTo("target".getBytes(UTF_8));
  }

  @Test
  void efbig_isOutOfMemoryError_asTheJdkSays() {
    vfs.write("/f", new byte[1]).join();
    backend.failReadFile = Errno.EFBIG;
    assertThat(failure("/f"))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessage("Required array size too large");
  }

  @Test
  void otherErrors_areTranslatedWithThePath() {
    vfs.write("/f", new byte[1]).join();
    backend.failReadFile = Errno.EIO;
    Throwable t = failure("/f");
    assertThat(t).isInstanceOf(FileSystemException.class);
    assertThat(((FileSystemException) t).getFile()).isEqualTo("/f");
  }

  @Test
  void notARegularFile_isOpenedAndReadToTheEnd() {
    byte[] big = new byte[100_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) i;
    }
    writeBehindTheBack("f", big);
    writeBehindTheBack("e", new byte[0]);
    backend.filesAsOther = true;
    backend.opens.set(0);
    assertThat(vfs.readAllBytes("/f").join()).isEqualTo(big);
    assertThat(vfs.readAllBytes("/e").join()).isEmpty();
    assertThat(backend.readFiles).hasValue(0);
    assertThat(backend.opens).hasValue(2);
  }
}
