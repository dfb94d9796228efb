package org.jvfs.posix;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.jvfs.spi.Name;

/**
 * Names and link targets read from the disk, as strings the VFS can name them by. Linux names are
 * bytes; the VFS's are strings, encoded in UTF-8 to reach the disk. A byte sequence that is not
 * valid UTF-8 has no string that encodes back to it: a lenient decoding (U+FFFD for each bad byte,
 * as {@code new String(bytes, UTF_8)} does) gives two different names, or a name and a valid {@code
 * "\uFFFD"}, the same string, and opening that string opens the valid one or nothing. So such bytes
 * are refused here: a listing leaves the name out, a link's target is an error. A string is
 * returned only if its UTF-8 encoding is exactly the bytes read.
 *
 * <p>Stateless; thread-safe (each thread has its own decoder).
 */
final class DiskNames {
  private static final ThreadLocal<CharsetDecoder> STRICT =
      ThreadLocal.withInitial(
          () ->
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT));

  private DiskNames() {}

  /**
   * Returns the string whose UTF-8 encoding is {@code b[off, off + len)}, or null if there is none
   * (the bytes are not valid UTF-8: a stray continuation byte, a truncated sequence, an overlong
   * form, an encoded surrogate, or a value above U+10FFFF).
   */
  static @Nullable String string(byte[] b, int off, int len) {
    boolean ascii = true;
    for (int i = off; i < off + len; i++) {
      if (b[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(b, off, len, StandardCharsets.US_ASCII);
    }
    String s;
    try {
      CharBuffer chars = STRICT.get().reset().decode(ByteBuffer.wrap(b, off, len));
      s = chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    // The decoder is strict; checking the round trip makes the promise independent of it.
    byte[] again = s.getBytes(StandardCharsets.UTF_8);
    return Arrays.equals(again, 0, again.length, b, off, off + len) ? s : null;
  }

  /**
   * Returns the name of directory entry {@code b[off, off + len)}, or null if the VFS cannot name
   * it: not valid UTF-8 ({@link #string}), or not a name the VFS accepts.
   */
  static @Nullable Name name(byte[] b, int off, int len) {
    String s = string(b, off, len);
    if (s == null) {
      return null;
    }
    try {
      return Name.of(s);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
