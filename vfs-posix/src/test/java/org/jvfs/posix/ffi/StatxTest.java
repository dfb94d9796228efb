package org.jvfs.posix.ffi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** {@link Statx#decode}: every field from its offset in {@code struct statx}. */
class StatxTest {

  @Test
  void decode_readsEveryField() {
    ByteBuffer b = ByteBuffer.allocate(Statx.SIZE).order(ByteOrder.nativeOrder());
    b.putInt(Statx.MASK, 0xfff);
    b.putInt(Statx.NLINK, 3);
    b.putInt(Statx.UID, 1000);
    b.putInt(Statx.GID, 100);
    b.putShort(Statx.MODE, (short) (Linux.S_IFDIR | 0755));
    b.putLong(Statx.INO, 1L << 40);
    b.putLong(Statx.SIZE_OFF, 4096);
    b.putLong(Statx.ATIME, 11).putInt(Statx.ATIME + 8, 12);
    b.putLong(Statx.BTIME, 21).putInt(Statx.BTIME + 8, 22);
    b.putLong(Statx.CTIME, 31).putInt(Statx.CTIME + 8, 32);
    b.putLong(Statx.MTIME, 41).putInt(Statx.MTIME + 8, 42);
    b.putInt(Statx.DEV_MAJOR, 8);
    b.putInt(Statx.DEV_MINOR, 0xffff_fff1);
    Statx s = new Statx();
    s.decode(b);
    assertThat(s.mask).isEqualTo(0xfff);
    assertThat(s.nlink).isEqualTo(3);
    assertThat(s.uid).isEqualTo(1000);
    assertThat(s.gid).isEqualTo(100);
    assertThat(s.mode).isEqualTo(Linux.S_IFDIR | 0755);
    assertThat(s.type()).isEqualTo(Linux.S_IFDIR);
    assertThat(s.ino).isEqualTo(1L << 40);
    assertThat(s.size).isEqualTo(4096);
    assertThat(s.atimeSec).isEqualTo(11);
    assertThat(s.atimeNsec).isEqualTo(12);
    assertThat(s.btimeSec).isEqualTo(21);
    assertThat(s.btimeNsec).isEqualTo(22);
    assertThat(s.ctimeSec).isEqualTo(31);
    assertThat(s.ctimeNsec).isEqualTo(32);
    assertThat(s.mtimeSec).isEqualTo(41);
    assertThat(s.mtimeNsec).isEqualTo(42);
    assertThat(s.dev).as("major high, minor low and unsigned").isEqualTo((8L << 32) | 0xffff_fff1L);
  }

  @Test
  void modeAboveShortRange_isUnsigned() {
    ByteBuffer b = ByteBuffer.allocate(Statx.SIZE).order(ByteOrder.nativeOrder());
    b.putShort(Statx.MODE, (short) (Linux.S_IFREG | 0644));
    Statx s = new Statx();
    s.decode(b);
    assertThat(s.mode).isPositive().isEqualTo(Linux.S_IFREG | 0644);
  }
}
