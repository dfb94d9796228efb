package org.jvfs.spi;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.Arrays;

/**
 * One component of a path: a non-empty file name without {@code /} or NUL, never {@code .} or
 * {@code ..}. It is parsed and encoded to UTF-8 once; backends that hand names to the kernel use
 * {@link #bytes()} without encoding again.
 *
 * <p>Instances are immutable and thread-safe; equality is by content.
 */
public final class Name implements Comparable<Name> {

  /** The longest name in bytes, as Linux's {@code NAME_MAX} ({@code linux/limits.h}). */
  public static final int MAX_BYTES = 255;

  private final String string;
  private final byte[] bytes;
  private final int hash;

  private Name(String string, byte[] bytes) {
    this.string = string;
    this.bytes = bytes;
    this.hash = string.hashCode();
  }

  /**
   * Returns the name for {@code s}.
   *
   * @throws NullPointerException if {@code s} is null
   * @throws InvalidPathException if {@code s} is empty, {@code .}, {@code ..}, contains {@code /}
   *     or a NUL character, or has a surrogate that is not part of a pair (it has no UTF-8 form:
   *     encoding would replace it with {@code ?}, and name another file), as the JDK's provider
   *     refuses it. A name longer than {@link #MAX_BYTES} is accepted here (as the JDK accepts it
   *     in a {@code Path}) and refused by the VFS when used, with "File name too long".
   */
  public static Name of(String s) {
    checkNotNull(s, "name");
    if (s.isEmpty()) {
      throw new InvalidPathException(s, "Empty name");
    }
    if (s.equals(".") || s.equals("..")) {
      throw new InvalidPathException(s, "Name must not be . or ..");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0000') {
        throw new InvalidPathException(s, "Nul character not allowed", i);
      }
      if (c == '/') {
        throw new InvalidPathException(s, "Name must not contain /", i);
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw new InvalidPathException(
              s, "Malformed input or input contains unmappable characters", i);
        }
      }
    }
    return new Name(s, s.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the name as a string. */
  @Override
  public String toString() {
    return string;
  }

  /**
   * Returns the UTF-8 bytes of this name. The array is shared: callers must not modify it.
   *
   * @return the encoded name, never null
   */
  public byte[] bytes() {
    return bytes;
  }

  /** Returns the length of the UTF-8 form in bytes. */
  public int byteLength() {
    return bytes.length;
  }

  /** Returns true if the UTF-8 form is longer than {@link #MAX_BYTES}. */
  public boolean isTooLong() {
    return bytes.length > MAX_BYTES;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Name && ((Name) o).hash == hash && ((Name) o).string.equals(string);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Orders names by their UTF-8 bytes, unsigned, as {@code ls} in the C locale does. */
  @Override
  public int compareTo(Name o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }
}
