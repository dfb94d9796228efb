package org.jvfs.posix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.jvfs.spi.NodeKind;
import org.jvfs.testkit.FsOp;
import org.jvfs.testkit.Outcome;
import org.jvfs.testkit.ReferenceModel;

/**
 * Runs {@link FsOp}s on the JDK's default provider in a real directory, for the differential
 * property: each operation's java.nio counterpart, with the same {@link Outcome} values as {@code
 * FsOp.on(Vfs)}. Paths name entries under {@code root}; an absolute symbolic link target {@code /x}
 * is written as {@code root/x} and read back without the prefix, so that both sides mean the same
 * entry. Stateless.
 */
final class JdkOps {
  private JdkOps() {}

  /** An operation on the JDK side that may fail. */
  @FunctionalInterface
  private interface Call {
    Object run() throws IOException;
  }

  private static Outcome outcome(Call call) {
    try {
      Object v = call.run();
      return v == null ? Outcome.DONE : Outcome.of(v);
    } catch (IOException | RuntimeException e) {
      return Outcome.failure(e);
    }
  }

  /** An operation on the JDK side whose value does not count. */
  @FunctionalInterface
  private interface VoidCall {
    void run() throws IOException;
  }

  private static Outcome done(VoidCall call) {
    return outcome(
        () -> {
          call.run();
          return null;
        });
  }

  private static Path at(Path root, String path) {
    return Path.of(root + path);
  }

  private static LinkOption[] links(boolean follow) {
    return follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
  }

  private static ReferenceModel.Stat stat(BasicFileAttributes a) {
    NodeKind kind =
        a.isDirectory()
            ? NodeKind.DIRECTORY
            : a.isRegularFile()
                ? NodeKind.FILE
                : a.isSymbolicLink() ? NodeKind.SYMLINK : NodeKind.OTHER;
    return new ReferenceModel.Stat(kind, kind == NodeKind.FILE ? a.size() : -1);
  }

  /** Runs {@code op} under {@code root} and returns what it gave. */
  static Outcome run(FsOp op, Path root) {
    if (op instanceof FsOp.Mkdir m) {
      return done(() -> Files.createDirectory(at(root, m.path())));
    } else if (op instanceof FsOp.MkdirAll m) {
      return done(() -> Files.createDirectories(at(root, m.path())));
    } else if (op instanceof FsOp.Write w) {
      return done(() -> Files.write(at(root, w.path()), w.bytes()));
    } else if (op instanceof FsOp.Append a) {
      Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.APPEND);
      if (a.create()) {
        options.add(StandardOpenOption.CREATE);
      }
      return outcome(
          () -> {
            try (FileChannel c = FileChannel.open(at(root, a.path()), options)) {
              c.write(ByteBuffer.wrap(a.bytes()));
            }
            return null;
          });
    } else if (op instanceof FsOp.Truncate t) {
      return outcome(
          () -> {
            try (FileChannel c = FileChannel.open(at(root, t.path()), StandardOpenOption.WRITE)) {
              c.truncate(t.size());
            }
            return null;
          });
    } else if (op instanceof FsOp.Read r) {
      Outcome read = outcome(() -> ReferenceModel.hex(Files.readAllBytes(at(root, r.path()))));
      // A deliberate difference (README): reading a directory is a FileSystemException in jvfs,
      // the JDK's read(2) of the directory fails with a plain IOException.
      return read.error() == IOException.class ? Outcome.failure(FileSystemException.class) : read;
    } else if (op instanceof FsOp.Rename r) {
      StandardCopyOption[] options =
          r.replace()
              ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING}
              : new StandardCopyOption[0];
      return done(() -> Files.move(at(root, r.source()), at(root, r.target()), options));
    } else if (op instanceof FsOp.Delete d) {
      return outcome(
          () -> {
            Files.delete(at(root, d.path()));
            return null;
          });
    } else if (op instanceof FsOp.HardLink l) {
      return done(() -> Files.createLink(at(root, l.link()), at(root, l.existing())));
    } else if (op instanceof FsOp.Symlink s) {
      String target = s.target().startsWith("/") ? root + s.target() : s.target();
      return done(() -> Files.createSymbolicLink(at(root, s.link()), Path.of(target)));
    } else if (op instanceof FsOp.ListDir l) {
      return outcome(
          () -> {
            try (Stream<Path> s = Files.list(at(root, l.path()))) {
              return s.map(p -> p.getFileName().toString()).sorted().toList();
            }
          });
    } else if (op instanceof FsOp.ReadLink l) {
      return outcome(
          () -> {
            String target = Files.readSymbolicLink(at(root, l.path())).toString();
            String prefix = root.toString();
            return target.startsWith(prefix + "/") ? target.substring(prefix.length()) : target;
          });
    } else if (op instanceof FsOp.Stat s) {
      return outcome(
          () ->
              stat(
                  Files.readAttributes(
                      at(root, s.path()), BasicFileAttributes.class, links(s.follow()))));
    } else if (op instanceof FsOp.Lookup l) {
      // As the VFS's lookup: absent for a missing entry or a non-directory on the way, but a loop
      // (ELOOP, a plain FileSystemException from the JDK) is a failure.
      try {
        return Outcome.of(
            stat(
                Files.readAttributes(
                    at(root, l.path()), BasicFileAttributes.class, links(l.follow()))));
      } catch (NoSuchFileException e) {
        return Outcome.of(ReferenceModel.ABSENT);
      } catch (FileSystemException e) {
        boolean loop = e.getReason() != null && e.getReason().contains("symbolic links");
        return e.getClass() == FileSystemException.class && !loop
            ? Outcome.of(ReferenceModel.ABSENT)
            : Outcome.failure(e);
      } catch (IOException e) {
        return Outcome.failure(e);
      }
    }
    throw new IllegalArgumentException("no JDK counterpart for " + op);
  }
}
