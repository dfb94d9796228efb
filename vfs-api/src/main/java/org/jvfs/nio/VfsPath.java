package org.jvfs.nio;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A path of a {@link VfsFileSystem}: Unix syntax, {@code /} separating names, {@code /} the only
 * root. Repeated and trailing slashes are dropped when parsing; the empty path has one empty name,
 * as on the JDK's Unix provider. The working directory is the root, so {@link #toAbsolutePath()}
 * prefixes {@code /}. Immutable and thread-safe; paths compare by their string form.
 */
public final class VfsPath implements Path {
  private final VfsFileSystem fs;
  private final boolean absolute;
  private final List<String> names;
  private final String string;

  private VfsPath(VfsFileSystem fs, boolean absolute, List<String> names) {
    this.fs = fs;
    this.absolute = absolute;
    this.names = names;
    this.string = (absolute ? "/" : "") + String.join("/", names);
  }

  /**
   * Parses a path string.
   *
   * @throws InvalidPathException if it holds a NUL character
   */
  static VfsPath parse(VfsFileSystem fs, String path) {
    checkNotNull(path, "path");
    int nul = path.indexOf('\u0000');
    if (nul >= 0) {
      throw new InvalidPathException(path, "Nul character not allowed", nul);
    }
    boolean abs = path.startsWith("/");
    List<String> names = new ArrayList<>();
    for (String n : path.split("/")) {
      if (!n.isEmpty()) {
        names.add(n);
      }
    }
    if (!abs && names.isEmpty()) {
      return new VfsPath(fs, false, List.of(""));
    }
    return new VfsPath(fs, abs, List.copyOf(names));
  }

  private VfsPath of(boolean abs, List<String> ns) {
    if (!abs && ns.isEmpty()) {
      return new VfsPath(fs, false, List.of(""));
    }
    return new VfsPath(fs, abs, List.copyOf(ns));
  }

  private boolean isEmpty() {
    return !absolute && names.size() == 1 && names.get(0).isEmpty();
  }

  /** Returns this path's names, for the file system's own use. */
  List<String> names() {
    return names;
  }

  /** Returns {@code other} as a path of this provider, or throws ProviderMismatchException. */
  static VfsPath check(@Nullable Path other) {
    checkNotNull(other, "path");
    if (!(other instanceof VfsPath p)) {
      throw new ProviderMismatchException(
          "not a jvfs path: " + other + " (" + other.getClass().getName() + ")");
    }
    return p;
  }

  private VfsPath sameFs(Path other) {
    VfsPath p = check(other);
    if (p.fs != fs) {
      throw new ProviderMismatchException("path of another jvfs file system: " + other);
    }
    return p;
  }

  @Override
  public VfsFileSystem getFileSystem() {
    return fs;
  }

  @Override
  public boolean isAbsolute() {
    return absolute;
  }

  @Override
  public @Nullable Path getRoot() {
    return absolute ? fs.root() : null;
  }

  @Override
  public @Nullable Path getFileName() {
    if (names.isEmpty()) {
      return null;
    }
    if (names.size() == 1 && !absolute) {
      return this;
    }
    return of(false, List.of(names.get(names.size() - 1)));
  }

  @Override
  public @Nullable Path getParent() {
    if (names.isEmpty() || (names.size() == 1 && !absolute)) {
      return null;
    }
    return of(absolute, names.subList(0, names.size() - 1));
  }

  @Override
  public int getNameCount() {
    return names.size();
  }

  @Override
  public Path getName(int index) {
    if (index < 0 || index >= names.size()) {
      throw new IllegalArgumentException("index " + index + " out of range for " + this);
    }
    return of(false, List.of(names.get(index)));
  }

  @Override
  public Path subpath(int beginIndex, int endIndex) {
    if (beginIndex < 0 || endIndex > names.size() || beginIndex >= endIndex) {
      throw new IllegalArgumentException(
          "subpath(" + beginIndex + ", " + endIndex + ") out of range for " + this);
    }
    return of(false, names.subList(beginIndex, endIndex));
  }

  @Override
  public boolean startsWith(Path other) {
    if (!(checkNotNull(other, "other") instanceof VfsPath p) || p.fs != fs) {
      return false;
    }
    if (p.absolute != absolute || p.names.size() > names.size()) {
      return false;
    }
    if (p.isEmpty()) {
      return isEmpty();
    }
    return names.subList(0, p.names.size()).equals(p.names);
  }

  @Override
  public boolean endsWith(Path other) {
    if (!(checkNotNull(other, "other") instanceof VfsPath p) || p.fs != fs) {
      return false;
    }
    if (p.absolute) {
      return equals(p);
    }
    if (p.isEmpty()) {
      return isEmpty();
    }
    int n = p.names.size();
    return n <= names.size() && names.subList(names.size() - n, names.size()).equals(p.names);
  }

  @Override
  public Path normalize() {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (n.equals(".") || n.isEmpty()) {
        continue;
      }
      if (n.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
          continue;
        }
        if (absolute) {
          continue;
        }
      }
      out.add(n);
    }
    VfsPath p = of(absolute, out);
    return p.equals(this) ? this : p;
  }

  @Override
  public Path resolve(Path other) {
    VfsPath p = sameFs(other);
    if (p.absolute) {
      return p;
    }
    if (p.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return p;
    }
    List<String> ns = new ArrayList<>(names);
    ns.addAll(p.names);
    return of(absolute, ns);
  }

  @Override
  public Path relativize(Path other) {
    VfsPath p = sameFs(other);
    if (p.absolute != absolute) {
      throw new IllegalArgumentException("'other' is different type of Path: " + other);
    }
    if (equals(p)) {
      return of(false, List.of());
    }
    if (isEmpty()) {
      return p;
    }
    List<String> mine = names;
    List<String> theirs = p.isEmpty() ? List.of() : p.names;
    int common = 0;
    while (common < mine.size()
        && common < theirs.size()
        && mine.get(common).equals(theirs.get(common))) {
      common++;
    }
    List<String> out = new ArrayList<>();
    for (int i = common; i < mine.size(); i++) {
      out.add("..");
    }
    out.addAll(theirs.subList(common, theirs.size()));
    return of(false, out);
  }

  @Override
  public URI toUri() {
    return VfsUris.toUri(fs.name(), ((VfsPath) toAbsolutePath()).names);
  }

  @Override
  public Path toAbsolutePath() {
    if (absolute) {
      return this;
    }
    return isEmpty() ? fs.root() : of(true, names);
  }

  /**
   * Returns the real path: absolute, without {@code .} and {@code ..}, and with symbolic links
   * resolved unless {@link LinkOption#NOFOLLOW_LINKS} is given (then only {@code .} and {@code ..}
   * are removed, lexically). Fails with NoSuchFileException if the file is absent.
   */
  @Override
  public Path toRealPath(LinkOption... options) throws IOException {
    return VfsRealPaths.toRealPath(this, options);
  }

  /**
   * Registers the directory with a watch service of this file system.
   *
   * @throws ProviderMismatchException if the watcher is not from a jvfs file system
   */
  @Override
  public WatchKey register(
      WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
      throws IOException {
    checkNotNull(watcher, "watcher");
    if (!(watcher instanceof VfsWatchService w)) {
      throw new ProviderMismatchException("not a jvfs watch service: " + watcher);
    }
    return w.register(this, Arrays.asList(events), modifiers);
  }

  @Override
  public int compareTo(Path other) {
    VfsPath p = (VfsPath) checkNotNull(other, "other");
    return string.compareTo(p.string);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof VfsPath p && p.fs == fs && p.string.equals(string);
  }

  @Override
  public int hashCode() {
    return string.hashCode();
  }

  @Override
  public String toString() {
    return string;
  }
}
