package org.jvfs.nio;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code jvfs} URI form: {@code jvfs://NAME/path}, where {@code NAME} is the file system's name
 * (letters, digits, {@code -}, {@code .} and {@code _}) and the path is absolute, each name
 * percent-encoded as UTF-8 (every byte except ASCII letters, digits and {@code -._~}).
 *
 * <p>Decoding refuses what would change a path's meaning: an encoded slash ({@code %2F}) inside a
 * name, a name that only decodes to {@code .} or {@code ..} ({@code %2E%2E}), a NUL ({@code %00}),
 * malformed escapes or UTF-8, a query or a fragment, with IllegalArgumentException. Literal {@code
 * .} and {@code ..} segments are kept as written.
 */
final class VfsUris {
  /** The URI scheme. */
  static final String SCHEME = "jvfs";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private VfsUris() {}

  /** Checks a file system name. */
  static String checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "jvfs file system name must be letters, digits, '-', '.' or '_': " + name);
    }
    return name;
  }

  /** Returns the URI of an absolute path given by its names. */
  static URI toUri(String fsName, List<String> names) {
    StringBuilder sb = new StringBuilder(SCHEME).append("://").append(fsName);
    if (names.isEmpty()) {
      sb.append('/');
    }
    for (String n : names) {
      sb.append('/');
      for (byte b : n.getBytes(StandardCharsets.UTF_8)) {
        int c = b & 0xff;
        if ((c >= 'a' && c <= 'z')
            || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9')
            || c == '-'
            || c == '.'
            || c == '_'
            || c == '~') {
          sb.append((char) c);
        } else {
          sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
          sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
        }
      }
    }
    try {
      return new URI(sb.toString());
    } catch (URISyntaxException e) {
      throw new AssertionError("encoded URI must parse: " + sb, e);
    }
  }

  /**
   * Returns the file system name of a {@code jvfs} URI.
   *
   * @throws IllegalArgumentException if the scheme is not jvfs, or the URI is opaque or has no name
   */
  static String fsName(URI uri) {
    if (!SCHEME.equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("URI scheme is not '" + SCHEME + "': " + uri);
    }
    if (uri.isOpaque()) {
      throw new IllegalArgumentException("URI must be jvfs://NAME/path: " + uri);
    }
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw new IllegalArgumentException("URI has no file system name: " + uri);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("URI must have no query or fragment: " + uri);
    }
    return checkName(authority);
  }

  /**
   * Decodes the path of a {@code jvfs} URI to an absolute path string.
   *
   * @throws IllegalArgumentException for an encoded slash, an encoded dot segment, a NUL, or a
   *     malformed escape
   */
  static String path(URI uri) {
    fsName(uri);
    String raw = uri.getRawPath();
    if (raw == null || raw.isEmpty()) {
      return "/";
    }
    if (!raw.startsWith("/")) {
      throw new IllegalArgumentException("URI path must be absolute: " + uri);
    }
    List<String> names = new ArrayList<>();
    for (String segment : raw.substring(1).split("/", -1)) {
      String name = decode(segment, uri);
      if (name.indexOf('/') >= 0) {
        throw new IllegalArgumentException("URI has an encoded slash: " + uri);
      }
      if (name.indexOf('\u0000') >= 0) {
        throw new IllegalArgumentException("URI has a NUL character: " + uri);
      }
      if (!segment.equals(name) && (name.equals(".") || name.equals(".."))) {
        throw new IllegalArgumentException("URI has an encoded dot segment: " + uri);
      }
      names.add(name);
    }
    return "/" + String.join("/", names);
  }

  private static String decode(String segment, URI uri) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        int hi = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
        int lo = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("URI has a malformed escape: " + uri);
        }
        out.write((hi << 4) | lo);
        i += 2;
      } else {
        int cp = segment.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(cp) - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("URI path is not UTF-8: " + uri, e);
    }
  }
}
