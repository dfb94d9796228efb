package org.jvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.LinkOption;
import org.junit.jupiter.api.Test;
import org.jvfs.LookupResult;

/** The {@code Lookups} group of {@link VfsConformanceKit}: lookups answer HIT, ABSENT or MISS. */
abstract class VfsLookupConformance extends VfsConformanceGroup {

  VfsLookupConformance(VfsConformanceKit kit) {
    super(kit);
  }

  @Test
  void lookup_existingFile_hitsWithAttributes() {
    put("/f", "abc");
    LookupResult r = await(vfs().lookup("/f"));
    assertThat(r.status()).isEqualTo(LookupResult.Status.HIT);
    assertThat(r.attributes()).isNotNull();
    assertThat(r.attributes().isRegularFile()).isTrue();
    assertThat(r.attributes().size()).isEqualTo(3);
  }

  @Test
  void lookup_absentPath_isAbsent() {
    assertThat(await(vfs().lookup("/nope")).status()).isEqualTo(LookupResult.Status.ABSENT);
    assertThat(await(vfs().lookup("/nope/deeper")).status()).isEqualTo(LookupResult.Status.ABSENT);
  }

  @Test
  void lookup_throughAFile_isAbsent() {
    put("/f", "x");
    assertThat(await(vfs().lookup("/f/x")).status()).isEqualTo(LookupResult.Status.ABSENT);
  }

  @Test
  void lookup_root_hitsADirectory() {
    LookupResult r = await(vfs().lookup("/"));
    assertThat(r.isHit()).isTrue();
    assertThat(r.attributes().isDirectory()).isTrue();
  }

  /**
   * Looks {@code path} up, then answers {@code lookupNow}; where the backend pushes invalidations,
   * tries again (for up to 5 s) while the answer is a MISS, which the reports of the VFS's own
   * changes may briefly cause.
   */
  private LookupResult lookupThenNow(String path) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (true) {
      await(vfs().lookup(path));
      LookupResult r = vfs().lookupNow(path);
      if (!caching()
          || !pushesInvalidations()
          || r.status() != LookupResult.Status.MISS
          || System.nanoTime() > deadline) {
        return r;
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void lookupNow_afterLookup_hitsWithCacheOnAndMissesWithCacheOff() {
    put("/f", "abcd");
    LookupResult r = lookupThenNow("/f");
    if (caching()) {
      assertThat(r.status()).isEqualTo(LookupResult.Status.HIT);
      assertThat(r.attributes().size()).isEqualTo(4);
    } else {
      assertThat(r.status()).isEqualTo(LookupResult.Status.MISS);
    }
  }

  @Test
  void lookupNow_afterAbsentLookup_isAbsentWithCacheOnAndMissWithCacheOff() {
    assertThat(lookupThenNow("/nope").status())
        .isEqualTo(caching() ? LookupResult.Status.ABSENT : LookupResult.Status.MISS);
  }

  @Test
  void lookupNow_neverLookedUp_isMiss() {
    assertThat(vfs().lookupNow("/never/seen").status()).isEqualTo(LookupResult.Status.MISS);
  }

  @Test
  void lookupNow_afterDelete_isNeverAStaleHit() {
    put("/f", "x");
    await(vfs().lookup("/f"));
    await(vfs().delete("/f"));
    assertThat(vfs().lookupNow("/f").status()).isNotEqualTo(LookupResult.Status.HIT);
    assertThat(await(vfs().lookup("/f")).status()).isEqualTo(LookupResult.Status.ABSENT);
  }

  @Test
  void lookupNow_afterWrite_isNeverAStaleSize() {
    put("/f", "x");
    await(vfs().lookup("/f"));
    put("/f", "longer");
    LookupResult r = vfs().lookupNow("/f");
    if (r.isHit()) {
      assertThat(r.attributes().size()).isEqualTo(6);
    }
    assertThat(await(vfs().lookup("/f")).attributes().size()).isEqualTo(6);
  }

  @Test
  void lookup_nofollowOnSymlink_hitsTheLink() {
    put("/f", "x");
    await(vfs().createSymbolicLink("/l", "f"));
    assertThat(await(vfs().lookup("/l", LinkOption.NOFOLLOW_LINKS)).attributes().isSymbolicLink())
        .isTrue();
    assertThat(await(vfs().lookup("/l")).attributes().isRegularFile()).isTrue();
  }
}
