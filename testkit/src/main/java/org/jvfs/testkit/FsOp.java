package org.jvfs.testkit;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.ByteBuffer;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jvfs.AsyncFile;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeKind;

/**
 * One file-system operation with its arguments, that runs on a {@link ReferenceModel} and on a
 * {@link Vfs} and gives comparable {@link Outcome}s. Immutable; {@code toString()} is the operation
 * as a call, for failure reports.
 */
public sealed interface FsOp {

  /** The longest a Vfs call may take before the operation counts as hung. */
  long TIMEOUT_SECONDS = 10;

  /** Returns the operation's kind, for statistics: mkdir, write, rename... */
  String kind();

  /** Returns true if the operation may change the tree. */
  boolean mutates();

  /** Runs on the model. */
  Outcome on(ReferenceModel model);

  /** Runs on a Vfs and waits for it (at most {@link #TIMEOUT_SECONDS}). */
  Outcome on(Vfs vfs);

  /**
   * Returns the Java expression that makes this operation, such as {@code new FsOp.Write("/a", new
   * byte[] {'a'})}: a shrunk chain printed this way pastes into a regression test.
   */
  default String code() {
    StringBuilder b = new StringBuilder("new FsOp.").append(getClass().getSimpleName()).append('(');
    java.lang.reflect.RecordComponent[] parts = getClass().getRecordComponents();
    for (int i = 0; i < parts.length; i++) {
      Object v;
      try {
        v = parts[i].getAccessor().invoke(this);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      b.append(i > 0 ? ", " : "").append(literal(v));
    }
    return b.append(')').toString();
  }

  /** Returns {@code v} (a string, a byte array, a boolean or a number) as a Java literal. */
  private static String literal(Object v) {
    if (v instanceof String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    if (v instanceof byte[] bytes) {
      StringBuilder b = new StringBuilder("new byte[] {");
      for (int i = 0; i < bytes.length; i++) {
        byte x = bytes[i];
        b.append(i > 0 ? ", " : "")
            .append(x >= 'a' && x <= 'z' ? "'" + (char) x + "'" : String.valueOf(x));
      }
      return b.append('}').toString();
    }
    if (v instanceof Long l) {
      return l + "L";
    }
    return String.valueOf(v);
  }

  /** Waits for {@code f} and maps its value, or returns its failure. */
  static <T> Outcome await(CompletableFuture<T> f, Function<? super T, ?> value) {
    T v;
    try {
      v = f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return Outcome.failure(e);
    } catch (TimeoutException e) {
      throw new AssertionError("operation did not complete in " + TIMEOUT_SECONDS + "s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    Object mapped = value.apply(v);
    return mapped == null ? Outcome.DONE : Outcome.of(mapped);
  }

  /** Returns the model's view of attributes: the kind, and the size of a file (else -1). */
  static ReferenceModel.Stat stat(NodeAttributes a) {
    return new ReferenceModel.Stat(a.kind(), a.kind() == NodeKind.FILE ? a.size() : -1);
  }

  private static LinkOption[] links(boolean follow) {
    return follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
  }

  /** Opens {@code path}, runs {@code body} on the file, and closes it whatever happened. */
  private static Outcome withFile(
      Vfs vfs,
      String path,
      Set<StandardOpenOption> options,
      Function<AsyncFile, CompletableFuture<?>> body) {
    CompletableFuture<AsyncFile> opened = vfs.open(path, options);
    Outcome open = await(opened, f -> "open");
    if (!open.isSuccess()) {
      return open;
    }
    AsyncFile file = opened.join();
    Outcome result;
    try {
      result = await(body.apply(file), v -> null);
    } finally {
      Outcome closed = await(file.close(), v -> null);
      if (!closed.isSuccess()) {
        throw new AssertionError("close of " + path + " failed: " + closed);
      }
    }
    return result;
  }

  /** {@code createDirectory}. */
  record Mkdir(String path) implements FsOp {
    @Override
    public String kind() {
      return "mkdir";
    }

    @Override
    public boolean mutates() {
      return true;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.mkdir(path);
    }

    @Override
    public Outcome on(Vfs vfs) {
      return await(vfs.createDirectory(path), v -> null);
    }
  }

  /** {@code createDirectories}, for paths without {@code ..}. */
  record MkdirAll(String path) implements FsOp {
    @Override
    public String kind() {
      return "createDirectories";
    }

    @Override
    public boolean mutates() {
      return true;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.createDirectories(path);
    }

    @Override
    public Outcome on(Vfs vfs) {
      return await(vfs.createDirectories(path), v -> null);
    }
  }

  /** {@code write}: create or truncate, then write. */
  record Write(String path, byte[] bytes) implements FsOp {
    /** Checks the components. */
    public Write {
      checkNotNull(path, "path");
      bytes = bytes.clone();
    }

    @Override
    public String kind() {
      return "write";
    }

    @Override
    public boolean mutates() {
      return true;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.write(path, bytes);
    }

    @Override
    public Outcome on(Vfs vfs) {
      return await(vfs.write(path, bytes), v -> null);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Write w && w.path.equals(path) && java.util.Arrays.equals(w.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return path.hashCode() * 31 + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "write(" + path + ", " + HexFormat.of().formatHex(bytes) + ")";
    }
  }

  /** Open with {@code APPEND} (and {@code CREATE} if asked), write at position 0, close. */
  record Append(String path, byte[] bytes, boolean create) implements FsOp {
    /** Checks the components. */
    public Append {
      checkNotNull(path, "path");
      bytes = bytes.clone();
    }

    @Override
    public String kind() {
      return "append";
    }

    @Override
    public boolean mutates() {
      return true;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.append(path, bytes, create);
    }

    @Override
    public Outcome on(Vfs vfs) {
      Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.APPEND);
      if (create) {
        options.add(StandardOpenOption.CREATE);
      }
      return withFile(vfs, path, options, f -> f.write(ByteBuffer.wrap(bytes.clone()), 0));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Append a
          && a.path.equals(path)
          && a.create == create
          && java.util.Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return path.hashCode() * 31 + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "append(" + path + ", " + HexFormat.of().formatHex(bytes) + ", create=" + create + ")";
    }
  }

  /** Open with {@code WRITE}, {@link AsyncFile#truncate}, close. */
  record Truncate(String path, long size) implements FsOp {
    @Override
    public String kind() {
      return "truncate";
    }

    @Override
    public boolean mutates() {
      return true;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.truncate(path, size);
    }

    @Override
    public Outcome on(Vfs vfs) {
      return withFile(vfs, path, EnumSet.of(StandardOpenOption.WRITE), f -> f.truncate(size));
    }
  }

  /** {@code readAllBytes}; the value is the content in hex. */
  record Read(String path) implements FsOp {
    @Override
    public String kind() {
      return "read";
    }

    @Override
    public boolean mutates() {
      return false;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.read(path);
    }

    @Override
    public Outcome on(Vfs vfs) {
      return await(vfs.readAllBytes(path), ReferenceModel::hex);
    }
  }

  /** {@code move}, with or without {@code REPLACE_EXISTING}. */
  record Rename(String source, String target, boolean replace) implements FsOp {
    @Override
    public String kind() {
      return replace ? "rename(replace)" : "rename";
    }

    @Override
    public boolean mutates() {
      return true;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.rename(source, target, replace);
    }

    @Override
    public Outcome on(Vfs vfs) {
      return await(
          replace
              ? vfs.move(source, target, StandardCopyOption.REPLACE_EXISTING)
              : vfs.move(source, target),
          v -> null);
    }
  }

  /** {@code delete}. */
  record Delete(String path) implements FsOp {
    @Override
    public String kind() {
      return "delete";
    }

    @Override
    public boolean mutates() {
      return true;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.delete(path);
    }

    @Override
    public Outcome on(Vfs vfs) {
      return await(vfs.delete(path), v -> null);
    }
  }

  /** {@code createLink(link, existing)}. */
  record HardLink(String link, String existing) implements FsOp {
    @Override
    public String kind() {
      return "link";
    }

    @Override
    public boolean mutates() {
      return true;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.link(link, existing);
    }

    @Override
    public Outcome on(Vfs vfs) {
      return await(vfs.createLink(link, existing), v -> null);
    }
  }

  /** {@code createSymbolicLink(link, target)}. */
  record Symlink(String link, String target) implements FsOp {
    @Override
    public String kind() {
      return "symlink";
    }

    @Override
    public boolean mutates() {
      return true;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.symlink(link, target);
    }

    @Override
    public Outcome on(Vfs vfs) {
      return await(vfs.createSymbolicLink(link, target), v -> null);
    }
  }

  /** {@code list}. */
  record ListDir(String path) implements FsOp {
    @Override
    public String kind() {
      return "list";
    }

    @Override
    public boolean mutates() {
      return false;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.list(path);
    }

    @Override
    public Outcome on(Vfs vfs) {
      return await(vfs.list(path), List::copyOf);
    }
  }

  /** {@code readSymbolicLink}. */
  record ReadLink(String path) implements FsOp {
    @Override
    public String kind() {
      return "readlink";
    }

    @Override
    public boolean mutates() {
      return false;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.readlink(path);
    }

    @Override
    public Outcome on(Vfs vfs) {
      return await(vfs.readSymbolicLink(path), t -> t);
    }
  }

  /** {@code stat}, following the final link or not. */
  record Stat(String path, boolean follow) implements FsOp {
    @Override
    public String kind() {
      return "stat";
    }

    @Override
    public boolean mutates() {
      return false;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.stat(path, follow);
    }

    @Override
    public Outcome on(Vfs vfs) {
      return await(vfs.stat(path, links(follow)), FsOp::stat);
    }
  }

  /** {@code lookup}, following the final link or not. */
  record Lookup(String path, boolean follow) implements FsOp {
    @Override
    public String kind() {
      return "lookup";
    }

    @Override
    public boolean mutates() {
      return false;
    }

    @Override
    public Outcome on(ReferenceModel model) {
      return model.lookup(path, follow);
    }

    @Override
    public Outcome on(Vfs vfs) {
      return await(vfs.lookup(path, links(follow)), FsOp::lookupValue);
    }
  }

  /** Returns the model's value for a lookup result: a stat or {@link ReferenceModel#ABSENT}. */
  static Object lookupValue(LookupResult r) {
    NodeAttributes a = r.attributes();
    return switch (r.status()) {
      case HIT -> stat(java.util.Objects.requireNonNull(a));
      case ABSENT -> ReferenceModel.ABSENT;
      case MISS -> "MISS";
    };
  }
}
