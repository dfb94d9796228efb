package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Shrunk failures of {@link VfsModelProperties}, kept as plain tests. Each runs a chain on the Vfs
 * and the model, checks the last operation's exception class against what the JDK's provider throws
 * (checked on Linux), and the invariants.
 */
class VfsModelRegressionTest {
  private final VfsModelProperties.Twin twin = new VfsModelProperties.Twin(true);

  @AfterEach
  void invariants() {
    twin.checkInvariants();
    twin.vfs.close();
  }

  private void expectLast(Class<? extends Throwable> type, FsOp... ops) {
    for (FsOp op : ops) {
      twin.step(op);
    }
    FsOp last = ops[ops.length - 1];
    assertThat(last.on(new ReferenceModelReplay(ops).model())).isEqualTo(Outcome.failure(type));
  }

  /** Replays all but the last op on a fresh model. */
  private record ReferenceModelReplay(FsOp[] ops) {
    ReferenceModel model() {
      ReferenceModel m = new ReferenceModel();
      for (int i = 0; i < ops.length - 1; i++) {
        ops[i].on(m);
      }
      return m;
    }
  }

  @Test
  void createDirectories_underAFile_isNotADirectory() {
    expectLast(
        FileSystemException.class, new FsOp.Write("/b", new byte[0]), new FsOp.MkdirAll("/b/a"));
  }

  @Test
  void createDirectories_onADanglingLink_isFileAlreadyExists() {
    expectLast(
        FileAlreadyExistsException.class, new FsOp.Symlink("/b", "a/a"), new FsOp.MkdirAll("/b"));
  }

  @Test
  void createDirectories_onALinkLoop_isFileAlreadyExists() {
    expectLast(
        FileAlreadyExistsException.class, new FsOp.Symlink("/a", "a"), new FsOp.MkdirAll("/a"));
  }

  @Test
  void createDirectories_throughADanglingLink_isFileAlreadyExists() {
    expectLast(
        FileAlreadyExistsException.class, new FsOp.Symlink("/b", "/c"), new FsOp.MkdirAll("/b/a"));
  }

  @Test
  void move_ofAnAbsentSource_isNoSuchFile_evenIfTheTargetPathIsBroken() {
    expectLast(
        NoSuchFileException.class,
        new FsOp.Write("/b", new byte[0]),
        new FsOp.Rename("/a", "/b/a", true));
  }

  @Test
  void move_ontoANonEmptyDirectory_isDirectoryNotEmpty() {
    expectLast(
        DirectoryNotEmptyException.class,
        new FsOp.MkdirAll("/c/a"),
        new FsOp.Mkdir("/a"),
        new FsOp.Rename("/a", "/c", true));
  }

  @Test
  void move_ontoANonEmptyDirectoryInsideTheSource_isDirectoryNotEmpty() {
    expectLast(
        DirectoryNotEmptyException.class,
        new FsOp.MkdirAll("/c/c/a"),
        new FsOp.Rename("/c", "/c/c", true));
  }

  @Test
  void link_afterStat_leavesNoStaleLinkCountInTheCache() {
    twin.step(new FsOp.Write("/c", new byte[0]));
    twin.step(new FsOp.Stat("/c", true));
    twin.step(new FsOp.HardLink("/a", "/c"));
    assertThat(twin.vfs.verifyCache()).isEmpty();
    assertThat(twin.vfs.stat("/c").join().linkCount()).isEqualTo(2);
  }
}
