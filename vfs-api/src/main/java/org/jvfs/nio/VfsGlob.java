package org.jvfs.nio;

import java.util.regex.PatternSyntaxException;

/**
 * Translates a glob, as {@link java.nio.file.FileSystem#getPathMatcher} documents it, to a regular
 * expression: {@code *} matches within a name, {@code **} across names, {@code ?} one character
 * other than {@code /}, {@code [...]} a character class ({@code !} negates, {@code -} makes ranges,
 * never matching {@code /}), {@code {a,b}} alternatives (not nested), and {@code \} escapes the
 * next character.
 */
final class VfsGlob {
  private static final String REGEX_META = ".^$+{[]|()\\*?";

  private VfsGlob() {}

  /**
   * Returns the regular expression for {@code glob}.
   *
   * @throws PatternSyntaxException for an unclosed class or group, a nested group, or a trailing
   *     backslash
   */
  static String toRegex(String glob) {
    StringBuilder re = new StringBuilder("^");
    boolean inGroup = false;
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      switch (c) {
        case '\\' -> {
          if (i >= glob.length()) {
            throw new PatternSyntaxException("No character to escape", glob, i - 1);
          }
          literal(re, glob.charAt(i++));
        }
        case '*' -> {
          if (i < glob.length() && glob.charAt(i) == '*') {
            re.append(".*");
            i++;
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> i = charClass(glob, i, re);
        case '{' -> {
          if (inGroup) {
            throw new PatternSyntaxException("Cannot nest groups", glob, i - 1);
          }
          re.append("(?:(?:");
          inGroup = true;
        }
        case '}' -> {
          if (inGroup) {
            re.append("))");
            inGroup = false;
          } else {
            literal(re, c);
          }
        }
        case ',' -> {
          if (inGroup) {
            re.append(")|(?:");
          } else {
            literal(re, c);
          }
        }
        default -> literal(re, c);
      }
    }
    if (inGroup) {
      throw new PatternSyntaxException("Missing '}'", glob, glob.length() - 1);
    }
    return re.append('$').toString();
  }

  /** Translates a bracket expression starting after '['; returns the index after ']'. */
  private static int charClass(String glob, int start, StringBuilder re) {
    int i = start;
    re.append("[[^/]&&[");
    if (i < glob.length() && glob.charAt(i) == '!') {
      re.append('^');
      i++;
    }
    boolean first = true;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      if (c == ']' && !first) {
        re.append("]]");
        return i;
      }
      if (c == '/') {
        throw new PatternSyntaxException("Explicit 'name separator' in class", glob, i - 1);
      }
      if (c == '-' && !first && i < glob.length() && glob.charAt(i) != ']') {
        re.append('-');
      } else {
        if (c == '\\' || c == '[' || c == '&' || c == '^' || c == '-' || c == ']') {
          re.append('\\');
        }
        re.append(c);
      }
      first = false;
    }
    throw new PatternSyntaxException("Missing ']'", glob, glob.length() - 1);
  }

  private static void literal(StringBuilder re, char c) {
    if (REGEX_META.indexOf(c) >= 0) {
      re.append('\\');
    }
    re.append(c);
  }
}
