package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Errno;

/** {@link DirFdCache}: the cap, eviction closing descriptors, expiry, validation, invalidation. */
class DirFdCacheTest {
  private final PosixNative nat = PosixNative.get();
  private final Path dir = TempRoot.create("posix-dirfd");
  private final FdCounter counter = new FdCounter();
  private final AtomicInteger opens = new AtomicInteger();
  private volatile boolean valid = true;

  @AfterEach
  void delete() {
    TempRoot.delete(dir);
  }

  private DirFdCache cache(int capacity, Duration expiry) {
    return new DirFdCache(
        capacity,
        expiry,
        path -> {
          opens.incrementAndGet();
          byte[] full = (dir + "/" + new String(path, StandardCharsets.UTF_8)).getBytes(UTF8);
          return PosixErrors.check(
              nat.openat(
                  Linux.AT_FDCWD, full, Linux.O_PATH | Linux.O_DIRECTORY | Linux.O_CLOEXEC, 0));
        },
        (fd, path) -> valid,
        counter);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static byte[] p(String s) {
    return s.getBytes(UTF8);
  }

  private void mkdirs(String... names) throws Exception {
    for (String n : names) {
      Files.createDirectories(dir.resolve(n));
    }
  }

  @Test
  void leaseTwice_opensOnce() throws Exception {
    mkdirs("a");
    DirFdCache c = cache(4, Duration.ofMinutes(1));
    c.lease(p("a")).release();
    c.lease(p("a")).release();
    assertThat(opens).hasValue(1);
    assertThat(counter.open()).isEqualTo(1);
    c.clear();
    assertThat(counter.open()).isZero();
  }

  @Test
  void beyondCapacity_evictsAndClosesDescriptors() throws Exception {
    for (int i = 0; i < 20; i++) {
      mkdirs("d" + i);
    }
    DirFdCache c = cache(2, Duration.ofMinutes(1));
    for (int i = 0; i < 20; i++) {
      c.lease(p("d" + i)).release();
    }
    assertThat(opens).hasValue(20);
    assertThat(counter.open()).as("evicted descriptors are closed").isLessThanOrEqualTo(2);
    c.clear();
    assertThat(counter.open()).isZero();
  }

  @Test
  void evictedWhileLeased_closesAfterRelease() throws Exception {
    mkdirs("a");
    DirFdCache c = cache(4, Duration.ofMinutes(1));
    FdRef held = c.lease(p("a"));
    c.clear();
    assertThat(counter.open()).as("still leased").isEqualTo(1);
    held.release();
    assertThat(counter.open()).isZero();
  }

  @Test
  void expired_isOpenedAgain() throws Exception {
    mkdirs("a");
    DirFdCache c = cache(4, Duration.ofMillis(30));
    c.lease(p("a")).release();
    Thread.sleep(80);
    c.lease(p("a")).release();
    assertThat(opens).hasValue(2);
    c.clear();
    assertThat(counter.open()).isZero();
  }

  @Test
  void invalid_isDroppedAndOpenedAgain() throws Exception {
    mkdirs("a");
    DirFdCache c = cache(4, Duration.ofMinutes(1));
    c.lease(p("a")).release();
    valid = false;
    assertThat(c.leaseIfCached(p("a"))).as("a moved descriptor is not handed out").isNull();
    c.lease(p("a")).release();
    c.lease(p("a")).release();
    assertThat(opens).as("a fresh open is not checked, a cached one always").hasValue(3);
    assertThat(counter.open()).isEqualTo(1);
    c.clear();
    assertThat(counter.open()).isZero();
  }

  @Test
  void leaseIfCached_opensNothing() throws Exception {
    mkdirs("a");
    DirFdCache c = cache(4, Duration.ofMinutes(1));
    assertThat(c.leaseIfCached(p("a"))).isNull();
    assertThat(opens).hasValue(0);
    c.lease(p("a")).release();
    FdRef ref = c.leaseIfCached(p("a"));
    assertThat(ref).isNotNull();
    ref.release();
    c.clear();
  }

  @Test
  void invalidateTree_dropsThePathAndBelowOnly() throws Exception {
    mkdirs("a/b", "ab");
    DirFdCache c = cache(8, Duration.ofMinutes(1));
    for (String s : new String[] {"a", "a/b", "ab"}) {
      c.lease(p(s)).release();
    }
    c.invalidateTree(p("a"));
    assertThat(counter.open()).isEqualTo(1);
    assertThat(c.leaseIfCached(p("a"))).isNull();
    assertThat(c.leaseIfCached(p("a/b"))).isNull();
    FdRef ab = c.leaseIfCached(p("ab"));
    assertThat(ab).isNotNull();
    ab.release();
    c.clear();
  }

  @Test
  void capacityZero_eachLeaseOwnsItsDescriptor() throws Exception {
    mkdirs("a");
    DirFdCache c = cache(0, Duration.ofMinutes(1));
    FdRef ref = c.lease(p("a"));
    assertThat(counter.open()).isEqualTo(1);
    ref.release();
    assertThat(counter.open()).isZero();
    assertThat(c.leaseIfCached(p("a"))).isNull();
  }

  @Test
  void openFailure_isThrownAndNothingCached() {
    DirFdCache c = cache(4, Duration.ofMinutes(1));
    assertThatThrownBy(() -> c.lease(p("missing")))
        .isInstanceOfSatisfying(
            BackendException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
    assertThat(counter.open()).isZero();
  }
}
