package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.jvfs.LookupResult;

class FrontCacheTest {
  private final AtomicLong now = new AtomicLong();

  /** A cached value for tests. */
  private static final class Value extends Cached {}

  private static Footprint on(Cached... values) {
    Footprint f = new Footprint();
    for (Cached v : values) {
      assertThat(f.add(v)).isTrue();
    }
    return f;
  }

  @Test
  void get_empty_isNull() {
    FrontCache front = new FrontCache(64, now::get);
    assertThat(front.get("/a", true)).isNull();
  }

  @Test
  void get_afterOffer_isTheOfferedResult_forTheSameFollowOnly() {
    FrontCache front = new FrontCache(64, now::get);
    LookupResult r = LookupResult.absent();
    front.offer("/a/b", true, r, on(new Value()));
    assertThat(front.get("/a/b", true)).isSameAs(r);
    assertThat(front.get(new String("/a/b"), true)).as("an equal string").isSameAs(r);
    assertThat(front.get("/a/b", false)).isNull();
    assertThat(front.get("/a/c", true)).isNull();
  }

  @Test
  void get_afterAValueWasBumped_isNull() {
    FrontCache front = new FrontCache(64, now::get);
    Value a = new Value();
    Value b = new Value();
    front.offer("/a/b", true, LookupResult.absent(), on(a, b));
    b.bump();
    assertThat(front.get("/a/b", true)).isNull();
    front.offer("/a/b", true, LookupResult.absent(), on(a, b));
    assertThat(front.get("/a/b", true)).as("offered again with the new version").isNotNull();
  }

  @Test
  void get_afterAValueWasRetired_isNull() {
    FrontCache front = new FrontCache(64, now::get);
    Value a = new Value();
    front.offer("/a", true, LookupResult.absent(), on(a));
    a.retire();
    assertThat(front.get("/a", true)).isNull();
  }

  @Test
  void get_atTheEarliestDeadline_isNull() {
    FrontCache front = new FrontCache(64, now::get);
    Value a = new Value();
    a.expireAfter(0, 100);
    Value b = new Value();
    b.expireAfter(0, 50);
    front.offer("/a", true, LookupResult.absent(), on(a, b));
    now.set(49);
    assertThat(front.get("/a", true)).isNotNull();
    now.set(50);
    assertThat(front.get("/a", true)).isNull();
  }

  @Test
  void offer_intoAFullSetOfLiveEntries_isAdmittedOnItsSecondOffer() {
    FrontCache front = new FrontCache(FrontCache.WAYS, now::get);
    for (int i = 0; i < FrontCache.WAYS; i++) {
      front.offer("/hot" + i, true, LookupResult.absent(), on(new Value()));
    }
    front.offer("/once", true, LookupResult.absent(), on(new Value()));
    assertThat(front.get("/once", true)).as("first offer, set full").isNull();
    for (int i = 0; i < FrontCache.WAYS; i++) {
      assertThat(front.get("/hot" + i, true)).isNotNull();
    }
    front.offer("/once", true, LookupResult.absent(), on(new Value()));
    assertThat(front.get("/once", true)).as("second offer").isNotNull();
  }

  @Test
  void offer_intoAFullSet_replacesAnEntryNotUsedSinceTheLastSweep() {
    FrontCache front = new FrontCache(FrontCache.WAYS, now::get);
    for (int i = 0; i < FrontCache.WAYS; i++) {
      front.offer("/p" + i, true, LookupResult.absent(), on(new Value()));
    }
    for (int i = 1; i < FrontCache.WAYS; i++) {
      front.get("/p" + i, true);
    }
    front.offer("/new", true, LookupResult.absent(), on(new Value()));
    front.offer("/new", true, LookupResult.absent(), on(new Value()));
    assertThat(front.get("/new", true)).isNotNull();
    assertThat(front.get("/p0", true)).as("the one not used").isNull();
    for (int i = 1; i < FrontCache.WAYS; i++) {
      assertThat(front.get("/p" + i, true)).isNotNull();
    }
  }

  @Test
  void offer_intoAFullSet_takesTheSlotOfAnEntryThatNoLongerHolds() {
    FrontCache front = new FrontCache(FrontCache.WAYS, now::get);
    Value stale = new Value();
    front.offer("/p0", true, LookupResult.absent(), on(stale));
    for (int i = 1; i < FrontCache.WAYS; i++) {
      front.offer("/p" + i, true, LookupResult.absent(), on(new Value()));
    }
    stale.retire();
    front.offer("/new", true, LookupResult.absent(), on(new Value()));
    assertThat(front.get("/new", true)).as("admitted at once").isNotNull();
    for (int i = 1; i < FrontCache.WAYS; i++) {
      assertThat(front.get("/p" + i, true)).isNotNull();
    }
  }

  @Test
  void capacity_isAPowerOfTwo() {
    assertThat(new FrontCache(1, now::get).capacity()).isEqualTo(FrontCache.WAYS);
    assertThat(new FrontCache(100, now::get).capacity()).isEqualTo(128);
    assertThat(new FrontCache(128, now::get).capacity()).isEqualTo(128);
  }

  @Test
  void clear_dropsEveryEntry() {
    FrontCache front = new FrontCache(64, now::get);
    front.offer("/a", true, LookupResult.absent(), on(new Value()));
    front.clear();
    assertThat(front.get("/a", true)).isNull();
  }
}
