package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;

/** {@link OpenFileCache} on its own: leases, adoption, invalidation and closing. */
@ExtendWith(FdLeakCheck.class)
class OpenFileCacheTest {
  private final Path dir = TempRoot.create("posix-ofc");
  private final FdCounter counter = new FdCounter();
  private final OpenFileCache cache = new OpenFileCache(8, Duration.ofMinutes(1), counter);

  @AfterEach
  void tearDown() {
    cache.clear();
    TempRoot.delete(dir);
  }

  private static byte[] p(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private int open(String name) throws Exception {
    Path f = dir.resolve(name);
    if (!Files.exists(f)) {
      Files.writeString(f, name);
    }
    int fd =
        PosixNative.get()
            .openat(Linux.AT_FDCWD, p(f.toString()), Linux.O_RDONLY | Linux.O_CLOEXEC, 0);
    assertThat(fd).isNotNegative();
    return fd;
  }

  @Test
  void adoptedDescriptor_isLeasedWithItsSize_andClosedByClear() throws Exception {
    assertThat(cache.lease(p("a/f"))).isNull();
    cache.adopt(p("a/f"), open("f"), 5, cache.generation()).release();
    assertThat(counter.open()).isEqualTo(1);
    OpenFileCache.Entry e = cache.lease(p("a/f"));
    assertThat(e).isNotNull();
    assertThat(e.size).isEqualTo(5);
    e.ref.release();
    cache.clear();
    assertThat(counter.open()).as("closed by clear").isZero();
    assertThat(cache.lease(p("a/f"))).isNull();
  }

  @Test
  void invalidationDuringTheOpen_keepsTheDescriptorOut() throws Exception {
    long generation = cache.generation();
    cache.invalidateTree(p("elsewhere")); // any invalidation: the open may have raced it
    FdRef ref = cache.adopt(p("a/f"), open("f"), 1, generation);
    assertThat(counter.open()).as("still usable by its reader").isEqualTo(1);
    ref.release();
    assertThat(counter.open()).as("closed once its reader released it").isZero();
    assertThat(cache.lease(p("a/f"))).isNull();
  }

  @Test
  void secondAdoptionOfAPath_isClosedAfterUse_theFirstStays() throws Exception {
    cache.adopt(p("f"), open("f"), 1, cache.generation()).release();
    cache.adopt(p("f"), open("f"), 1, cache.generation()).release();
    assertThat(counter.open()).isEqualTo(1);
  }

  @Test
  void invalidateTree_dropsThePathAndEverythingBelow_notItsNeighbours() throws Exception {
    long g = cache.generation();
    cache.adopt(p("a"), open("a"), 1, g).release();
    cache.adopt(p("a/x"), open("x"), 1, g).release();
    cache.adopt(p("a/b/y"), open("y"), 1, g).release();
    cache.adopt(p("ab/z"), open("z"), 1, g).release();
    cache.invalidateTree(p("a"));
    assertThat(cache.lease(p("a"))).isNull();
    assertThat(cache.lease(p("a/x"))).isNull();
    assertThat(cache.lease(p("a/b/y"))).isNull();
    OpenFileCache.Entry kept = cache.lease(p("ab/z"));
    assertThat(kept).as("a neighbour whose name only starts alike").isNotNull();
    kept.ref.release();
    assertThat(counter.open()).isEqualTo(1);
  }

  @Test
  void aLeasedDescriptor_staysOpenUntilReleased_evenWhenInvalidated() throws Exception {
    cache.adopt(p("f"), open("f"), 1, cache.generation()).release();
    OpenFileCache.Entry e = cache.lease(p("f"));
    cache.invalidateTree(p("f"));
    assertThat(counter.open()).isEqualTo(1);
    e.ref.release();
    assertThat(counter.open()).isZero();
  }

  @Test
  void aFullCache_takesNewDescriptorsOnceKeptOnesExpired() throws Exception {
    OpenFileCache one = new OpenFileCache(1, Duration.ofMillis(50), counter);
    one.adopt(p("a"), open("a"), 1, one.generation()).release();
    one.adopt(p("b"), open("b"), 1, one.generation()).release();
    assertThat(one.lease(p("b"))).as("full: b not kept").isNull();
    Thread.sleep(150);
    one.adopt(p("c"), open("c"), 1, one.generation()).release();
    OpenFileCache.Entry c = one.lease(p("c"));
    assertThat(c).as("a expired, c kept").isNotNull();
    c.ref.release();
    assertThat(one.lease(p("a"))).isNull();
    assertThat(counter.open()).isEqualTo(1);
    one.clear();
    assertThat(counter.open()).isZero();
  }

  @Test
  void capacity_isHeld() throws Exception {
    OpenFileCache small = new OpenFileCache(3, Duration.ofMinutes(1), counter);
    for (int i = 0; i < 20; i++) {
      small.adopt(p("f" + i), open("f" + i), 1, small.generation()).release();
    }
    assertThat(small.size()).isEqualTo(3);
    assertThat(counter.open()).as("the ones refused are closed").isEqualTo(3);
    small.clear();
    assertThat(counter.open()).isZero();
    OpenFileCache off = new OpenFileCache(0, Duration.ofMinutes(1), counter);
    assertThat(off.enabled()).isFalse();
    off.adopt(p("f"), open("f"), 1, off.generation()).release();
    assertThat(counter.open()).as("nothing kept with capacity 0").isZero();
  }
}
