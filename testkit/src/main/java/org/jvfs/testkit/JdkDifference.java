package org.jvfs.testkit;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the JDK's default provider changed its behaviour between releases, so that a kit test run
 * against it knows which release it compares against. jvfs behaves as JDK 17's provider does in
 * each case, on every JDK (the README lists the differences). Seen on JDK 25 and not on JDK 17; the
 * releases between were not tried, so {@link #ofRunningJdk()} takes 25 as the first that differs.
 */
public enum JdkDifference {
  /**
   * A path that runs through a regular file ({@code file/x}): reading its attributes, {@code
   * Files.notExists} and moving it report {@code NoSuchFileException} (JDK 17: a {@code
   * FileSystemException} "Not a directory", and {@code notExists} false).
   */
  NOT_A_DIRECTORY_IS_NO_SUCH_FILE,
  /**
   * {@code PosixFileAttributeView.setPermissions} on a view opened with {@code NOFOLLOW_LINKS} on a
   * symbolic link changes the link's target (JDK 17: fails, leaving the target alone).
   */
  NOFOLLOW_PERMISSIONS_CHANGE_THE_TARGET,
  /**
   * {@code FileChannel.transferFrom} at a position past the end of the file writes there, filling
   * the gap with zeros (JDK 17: transfers nothing).
   */
  TRANSFER_FROM_PAST_END_WRITES;

  /** The first release (by feature number) whose default provider shows these differences. */
  public static final int FIRST_RELEASE = 25;

  /** Returns the differences the running JDK's default provider shows. */
  public static Set<JdkDifference> ofRunningJdk() {
    return Runtime.version().feature() >= FIRST_RELEASE
        ? EnumSet.allOf(JdkDifference.class)
        : EnumSet.noneOf(JdkDifference.class);
  }

  /**
   * Returns true if the running JDK's provider reports {@code NoSuchFileException} for {@code op}
   * where JDK 17's reports "Not a directory": resolving the path {@code op} stats (following its
   * final link as the operation does) or moves (its source, or with an existing source its target,
   * not following) meets an existing non-directory on the way, also through a link's target. {@code
   * resolve} maps an operation's path to the JDK side's {@link Path}. Differential tests use it to
   * compare jvfs with JDK 17's behaviour on any JDK.
   */
  public static boolean reportsNotADirectoryAsNoSuchFile(FsOp op, Function<String, Path> resolve) {
    if (!ofRunningJdk().contains(NOT_A_DIRECTORY_IS_NO_SUCH_FILE)) {
      return false;
    }
    if (op instanceof FsOp.Stat s) {
      return notADirectoryOnTheWay(resolve.apply(s.path()), s.follow());
    }
    if (op instanceof FsOp.Lookup l) {
      return notADirectoryOnTheWay(resolve.apply(l.path()), l.follow());
    }
    if (op instanceof FsOp.MkdirAll m) {
      // createDirectories checks the ancestors of a directory it could not make, following links.
      for (Path p = resolve.apply(m.path()).getParent(); p != null; p = p.getParent()) {
        if (notADirectoryOnTheWay(p, true)) {
          return true;
        }
      }
      return false;
    }
    if (op instanceof FsOp.Rename r) {
      Path source = resolve.apply(r.source());
      if (notADirectoryOnTheWay(source, false)) {
        return true;
      }
      return Files.exists(source, LinkOption.NOFOLLOW_LINKS)
          && notADirectoryOnTheWay(resolve.apply(r.target()), false);
    }
    return false;
  }

  /**
   * Returns the outcome JDK 17's provider gives for {@code op} where the running JDK's gave {@code
   * jdk}: a {@code NoSuchFileException} (or, from {@code createDirectories}, which then climbs past
   * the non-directory, a {@code FileAlreadyExistsException}) for a path with a non-directory on its
   * way becomes the {@code FileSystemException} "Not a directory" JDK 17 reports.
   */
  public static Outcome asOnJdk17(FsOp op, Outcome jdk, Function<String, Path> resolve) {
    boolean suspect =
        jdk.equals(Outcome.failure(NoSuchFileException.class))
            || (op instanceof FsOp.MkdirAll
                && jdk.equals(Outcome.failure(FileAlreadyExistsException.class)));
    return suspect && reportsNotADirectoryAsNoSuchFile(op, resolve)
        ? Outcome.failure(FileSystemException.class)
        : jdk;
  }

  /**
   * Returns true if opening {@code path} fails with ENOTDIR, which every release's provider still
   * reports as "Not a directory" for an open (the stat path is what changed).
   */
  private static boolean notADirectoryOnTheWay(Path path, boolean follow) {
    OpenOption[] options =
        follow
            ? new OpenOption[] {StandardOpenOption.READ}
            : new OpenOption[] {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS};
    try (SeekableByteChannel c = Files.newByteChannel(path, options)) {
      return false;
    } catch (NoSuchFileException e) {
      return false;
    } catch (FileSystemException e) {
      return "Not a directory".equals(e.getReason());
    } catch (IOException e) {
      return false;
    }
  }
}
