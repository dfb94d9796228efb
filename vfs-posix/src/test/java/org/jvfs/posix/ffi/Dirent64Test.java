package org.jvfs.posix.ffi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Dirent64#forEach}: records of {@code struct linux_dirent64 { u64 d_ino; s64 d_off; u16
 * d_reclen; u8 d_type; char d_name[]; }}, padded to 8 bytes.
 */
class Dirent64Test {

  private static void record(ByteBuffer b, String name, int type) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    int reclen = (19 + n.length + 1 + 7) & ~7;
    int start = b.position();
    b.putLong(42).putLong(7).putShort((short) reclen).put((byte) type).put(n).put((byte) 0);
    while (b.position() < start + reclen) {
      b.put((byte) 0);
    }
  }

  @Test
  void forEach_visitsEveryRecord() {
    ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    record(b, ".", Linux.DT_DIR);
    record(b, "a-long-file-name.txt", Linux.DT_REG);
    record(b, "l", Linux.DT_LNK);
    record(b, "exactly8", Linux.DT_DIR);
    List<String> seen = new ArrayList<>();
    Dirent64.forEach(
        b.array(),
        b.position(),
        (buf, off, len, type) ->
            seen.add(new String(buf, off, len, StandardCharsets.UTF_8) + ":" + type));
    assertThat(seen)
        .containsExactly(
            ".:" + Linux.DT_DIR,
            "a-long-file-name.txt:" + Linux.DT_REG,
            "l:" + Linux.DT_LNK,
            "exactly8:" + Linux.DT_DIR);
  }

  @Test
  void forEach_emptyBuffer_visitsNothing() {
    List<String> seen = new ArrayList<>();
    Dirent64.forEach(new byte[64], 0, (buf, off, len, type) -> seen.add("x"));
    assertThat(seen).isEmpty();
  }
}
