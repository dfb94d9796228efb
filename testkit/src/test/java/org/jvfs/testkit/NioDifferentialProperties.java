package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.nio.VfsFileSystem;
import org.jvfs.nio.VfsFileSystems;
import org.jvfs.spi.NodeKind;
import org.jvfs.testkit.property.ChainProperty;
import org.jvfs.testkit.property.Coverage;
import org.jvfs.testkit.property.Gen;
import org.jvfs.testkit.property.Property;

/**
 * The stateful property through {@code java.nio}: random chains of {@link FsOp}s run as {@code
 * Files.*} calls on a jvfs file system (memory backend, cache on and off) and on the JDK's default
 * provider in a twin temporary directory. Every operation must give the same {@link Outcome} (value
 * or exception class), and after every operation both trees must look the same (every entry's kind,
 * a file's bytes, a link's target) and jvfs must have nothing open or pending and a cache that
 * agrees with its backend.
 *
 * <p>Normalized, as the README's "Deliberate differences" list them: {@code
 * FileSystemLoopException} counts as {@code FileSystemException} ({@link Outcome}); reading a
 * directory fails on jvfs with {@code FileSystemException} "Is a directory" and on the JDK with a
 * plain {@code IOException}, so both count as {@code IOException}. Kept out, so that the twin stays
 * inside its temporary directory (whose {@code ..} leads out of it, where jvfs's root has none):
 * {@code ..} in paths and in link targets; absolute link targets are taken under each twin's root.
 * Skipped on both sides: a directory moved with {@code REPLACE_EXISTING} into its own subtree,
 * where the JDK deletes the target before {@code rename(2)} fails with {@code EINVAL} and jvfs
 * keeps it (see {@link ReferenceModel}).
 */
class NioDifferentialProperties {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  /** One side: a root directory and how to write a link target under it. */
  record Side(Path root, boolean jdk) {
    Path path(String absolute) {
      return root.resolve(absolute.substring(1));
    }

    Path linkTarget(String target) {
      if (!target.startsWith("/")) {
        return root.getFileSystem().getPath(target);
      }
      return target.equals("/") ? root : path(target);
    }

    /** Returns a link target as the model writes it: absolute ones from the twin's root. */
    String unmapTarget(Path target) {
      if (!target.isAbsolute()) {
        return target.toString();
      }
      if (target.equals(root)) {
        return "/";
      }
      return target.startsWith(root) ? "/" + root.relativize(target) : "outside:" + target;
    }
  }

  /** The jvfs file system and the JDK's temporary directory side by side. */
  static final class Twin {
    final VfsFileSystem fs;
    final Side jvfs;
    final Side jdk;

    Twin(boolean caching) {
      try {
        Vfs vfs = Vfs.builder().caching(caching).mount("/", MemoryBackend.create()).build();
        fs = VfsFileSystems.of("diff-" + SEQUENCE.incrementAndGet(), vfs, true);
        jvfs = new Side(fs.getPath("/"), false);
        jdk = new Side(Files.createTempDirectory("jvfs-diff").toRealPath(), true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void step(FsOp op) {
      if (op instanceof FsOp.Rename r && r.replace() && movesIntoItself(r)) {
        Coverage.record("rename(replace) over its own way, skipped");
        return;
      }
      boolean over =
          op instanceof FsOp.Rename r
              && Files.exists(jdk.path(r.target()), LinkOption.NOFOLLOW_LINKS);
      Outcome expected = run(op, jdk);
      expected = JdkDifference.asOnJdk17(op, expected, jdk::path);
      if (op instanceof FsOp.Lookup
          && expected.equals(Outcome.of(ReferenceModel.ABSENT))
          && JdkDifference.reportsNotADirectoryAsNoSuchFile(op, jdk::path)) {
        expected = Outcome.failure(FileSystemException.class); // as JDK 17 reports ENOTDIR
      }
      Outcome actual = run(op, jvfs);
      FsOpCoverage.record(op, expected, over);
      assertThat(actual).as("%s", op).isEqualTo(expected);
    }

    /**
     * Returns true where the JDK's delete-then-rename of a {@code REPLACE_EXISTING} move differs
     * from an atomic rename: the source is a directory and the target lies inside it, or the
     * target's or the source's own path leads through the entry being replaced (a link on its way):
     * the JDK deletes the target first and then no longer finds the source.
     */
    private boolean movesIntoItself(FsOp.Rename r) {
      try {
        Path source = physical(jdk.path(r.source()));
        Path targetPath = jdk.path(r.target());
        Path target = physical(targetPath);
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)
            && target.startsWith(source)
            && !target.equals(source)) {
          return true;
        }
        for (Path start : List.of(targetPath, jdk.path(r.source()))) {
          for (Path p = start.getParent();
              p != null && p.startsWith(jdk.root()) && !p.equals(jdk.root());
              p = p.getParent()) {
            if (physical(p).equals(target)) {
              return true;
            }
          }
        }
        return false;
      } catch (IOException e) {
        return false;
      }
    }

    private static Path physical(Path p) throws IOException {
      Path parent = p.getParent();
      Path name = p.getFileName();
      if (parent == null || name == null) {
        return p;
      }
      return parent.toRealPath().resolve(name.toString());
    }

    void checkInvariants() {
      assertThat(snapshot(jvfs)).as("tree").isEqualTo(snapshot(jdk));
      assertThat(fs.vfs().verifyCache()).as("verifyCache").isEmpty();
      assertThat(fs.vfs().openFileCount()).as("openFileCount").isZero();
      assertThat(fs.vfs().pendingOperations()).as("pendingOperations").isZero();
    }

    void close() {
      try {
        fs.close();
        Files.walkFileTree(
            jdk.root(),
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                  throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult postVisitDirectory(Path dir, IOException e)
                  throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return "Twin";
    }
  }

  /** Runs {@code op} as {@code Files.*} calls on one side. */
  static Outcome run(FsOp op, Side side) {
    try {
      Object value = call(op, side);
      return value == null ? Outcome.DONE : Outcome.of(value);
    } catch (IOException | RuntimeException e) {
      if (op instanceof FsOp.Read
          && e.getClass() == FileSystemException.class
          && "Is a directory".equals(((FileSystemException) e).getReason())) {
        return Outcome.failure(IOException.class); // deliberate difference, see the README
      }
      if (op instanceof FsOp.Lookup && e instanceof NoSuchFileException) {
        return Outcome.of(ReferenceModel.ABSENT);
      }
      return Outcome.failure(e);
    }
  }

  private static LinkOption[] links(boolean follow) {
    return follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
  }

  private static ReferenceModel.Stat stat(Path p, boolean follow) throws IOException {
    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, links(follow));
    NodeKind kind =
        a.isDirectory()
            ? NodeKind.DIRECTORY
            : a.isRegularFile()
                ? NodeKind.FILE
                : a.isSymbolicLink() ? NodeKind.SYMLINK : NodeKind.OTHER;
    return new ReferenceModel.Stat(kind, kind == NodeKind.FILE ? a.size() : -1);
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Object call(FsOp op, Side side) throws IOException {
    if (op instanceof FsOp.Mkdir m) {
      Files.createDirectory(side.path(m.path()));
    } else if (op instanceof FsOp.MkdirAll m) {
      Files.createDirectories(side.path(m.path()));
    } else if (op instanceof FsOp.Write w) {
      Files.write(side.path(w.path()), w.bytes());
    } else if (op instanceof FsOp.Append a) {
      if (a.create()) {
        Files.write(
            side.path(a.path()), a.bytes(), StandardOpenOption.APPEND, StandardOpenOption.CREATE);
      } else {
        Files.write(side.path(a.path()), a.bytes(), StandardOpenOption.APPEND);
      }
    } else if (op instanceof FsOp.Truncate t) {
      try (FileChannel ch = FileChannel.open(side.path(t.path()), StandardOpenOption.WRITE)) {
        ch.truncate(t.size());
      }
    } else if (op instanceof FsOp.Read r) {
      return ReferenceModel.hex(Files.readAllBytes(side.path(r.path())));
    } else if (op instanceof FsOp.Rename r) {
      if (r.replace()) {
        Files.move(
            side.path(r.source()), side.path(r.target()), StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(side.path(r.source()), side.path(r.target()));
      }
    } else if (op instanceof FsOp.Delete d) {
      Files.delete(side.path(d.path()));
    } else if (op instanceof FsOp.HardLink h) {
      Files.createLink(side.path(h.link()), side.path(h.existing()));
    } else if (op instanceof FsOp.Symlink s) {
      Files.createSymbolicLink(side.path(s.link()), side.linkTarget(s.target()));
    } else if (op instanceof FsOp.ListDir l) {
      return list(side.path(l.path()));
    } else if (op instanceof FsOp.ReadLink r) {
      return side.unmapTarget(Files.readSymbolicLink(side.path(r.path())));
    } else if (op instanceof FsOp.Stat s) {
      return stat(side.path(s.path()), s.follow());
    } else if (op instanceof FsOp.Lookup l) {
      return stat(side.path(l.path()), l.follow());
    } else {
      throw new AssertionError("unknown op " + op);
    }
    return null;
  }

  /** Returns every entry under the side's root, not following links: kind and content. */
  static Map<String, String> snapshot(Side side) {
    Map<String, String> out = new TreeMap<>();
    try {
      Files.walkFileTree(
          side.root(),
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              out.put(side.unmapTarget(dir), "dir " + list(dir));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              String key = side.unmapTarget(file);
              if (attrs.isSymbolicLink()) {
                out.put(key, "link " + side.unmapTarget(Files.readSymbolicLink(file)));
              } else if (attrs.isRegularFile()) {
                out.put(key, "file " + ReferenceModel.hex(Files.readAllBytes(file)));
              } else {
                out.put(key, "other");
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Link targets without {@code ..}: relative names, absolute paths, or the root. */
  static Gen<String> linkTargets() {
    Gen<List<String>> parts = FsOpGen.names().list(1, 3);
    return Gen.frequency(
        Gen.weight(4, parts.map(l -> String.join("/", l))),
        Gen.weight(3, parts.map(l -> "/" + String.join("/", l))),
        Gen.weight(1, "/"));
  }

  static ChainProperty<Twin, FsOp> chains(boolean caching) {
    Gen<FsOp> ops = FsOpGen.ops(FsOpGen.simplePaths(), FsOpGen.simplePaths(), linkTargets());
    return Property.chains(() -> new Twin(caching), ops, Twin::step)
        .maxActions(30)
        .invariant(Twin::checkInvariants)
        .teardown(Twin::close)
        .describe(FsOp::code)
        .tries(120)
        .require(FsOpCoverage.okAndFailed(FsOpCoverage.KINDS))
        .require(Coverage.tried(FsOpCoverage.RENAME_OVER));
  }

  @Test
  void cachedJvfs_agreesWithJdkProvider() {
    chains(true).check();
  }

  @Test
  void uncachedJvfs_agreesWithJdkProvider() {
    chains(false).check();
  }
}
