package org.jvfs.nio;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.regex.Pattern;

/**
 * A {@link PathMatcher} for {@code glob:} and {@code regex:} patterns, matching a path's string
 * form. Globs are translated by {@link VfsGlob}. Immutable.
 */
final class VfsPathMatcher implements PathMatcher {
  private final Pattern pattern;

  private VfsPathMatcher(Pattern pattern) {
    this.pattern = pattern;
  }

  /**
   * Parses {@code syntax:pattern}.
   *
   * @throws IllegalArgumentException if there is no colon
   * @throws UnsupportedOperationException for a syntax other than glob or regex
   * @throws java.util.regex.PatternSyntaxException for a bad pattern
   */
  static VfsPathMatcher of(String syntaxAndPattern) {
    checkNotNull(syntaxAndPattern, "syntaxAndPattern");
    int colon = syntaxAndPattern.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("expected syntax:pattern, got " + syntaxAndPattern);
    }
    String syntax = syntaxAndPattern.substring(0, colon);
    String expr = syntaxAndPattern.substring(colon + 1);
    if (syntax.equalsIgnoreCase("glob")) {
      return new VfsPathMatcher(Pattern.compile(VfsGlob.toRegex(expr)));
    }
    if (syntax.equalsIgnoreCase("regex")) {
      return new VfsPathMatcher(Pattern.compile(expr));
    }
    throw new UnsupportedOperationException("Syntax '" + syntax + "' not recognized");
  }

  @Override
  public boolean matches(Path path) {
    return pattern.matcher(path.toString()).matches();
  }

  @Override
  public String toString() {
    return "VfsPathMatcher[" + pattern + "]";
  }
}
