package org.jvfs.core;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Name;

/**
 * A path string parsed once into its components, as the JDK's {@code UnixPath} parses: repeated and
 * trailing slashes collapse, {@code .} components drop, {@code ..} stays (it is resolved by the
 * {@link PathWalker} against the physical tree, after symbolic links). The VFS has no working
 * directory: a relative path is taken from the root. Immutable.
 */
public final class ParsedPath {

  /** The longest path in bytes, as Linux's {@code PATH_MAX} less the terminating NUL. */
  public static final int MAX_BYTES = 4095;

  private static final ParsedPath ROOT = new ParsedPath("/", List.of());

  private final String string;
  // A null element stands for "..".
  private final List<@Nullable Name> components;

  private ParsedPath(String string, List<@Nullable Name> components) {
    this.string = string;
    this.components = components;
  }

  /**
   * Parses {@code path}.
   *
   * @throws NullPointerException if {@code path} is null
   * @throws InvalidPathException if {@code path} contains a NUL character
   */
  public static ParsedPath parse(String path) {
    checkNotNull(path, "path");
    int nul = path.indexOf('\u0000');
    if (nul >= 0) {
      throw new InvalidPathException(path, "Nul character not allowed", nul);
    }
    List<@Nullable Name> parts = new ArrayList<>();
    int i = 0;
    int n = path.length();
    while (i < n) {
      while (i < n && path.charAt(i) == '/') {
        i++;
      }
      int start = i;
      while (i < n && path.charAt(i) != '/') {
        i++;
      }
      if (i > start) {
        String part = path.substring(start, i);
        if (part.equals("..")) {
          parts.add(null);
        } else if (!part.equals(".")) {
          parts.add(Name.of(part));
        }
      }
    }
    if (parts.isEmpty() && path.equals("/")) {
      return ROOT;
    }
    return new ParsedPath(path, java.util.Collections.unmodifiableList(parts));
  }

  /** Returns the path string as the caller gave it. */
  @Override
  public String toString() {
    return string;
  }

  /** Returns the components; a null element stands for {@code ..}. */
  public List<@Nullable Name> components() {
    return components;
  }

  /** Returns true if no component is left (the path names the root). */
  public boolean isRoot() {
    return components.isEmpty();
  }

  /** Returns true if the path or one of its names is longer than Linux allows. */
  public boolean isTooLong() {
    if (string.length() > MAX_BYTES / 3
        && string.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return true;
    }
    for (Name name : components) {
      if (name != null && name.isTooLong()) {
        return true;
      }
    }
    return false;
  }
}
