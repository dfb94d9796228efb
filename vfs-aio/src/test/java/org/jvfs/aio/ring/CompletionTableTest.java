package org.jvfs.aio.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CompletionTable}: slots, generations, the in-flight bound, pins. */
class CompletionTableTest {
  private Ring ring;

  @BeforeEach
  void setUp() throws Exception {
    Fixtures.assumeUring();
    ring = Ring.open(RingConfig.builder().entries(4).reaper(false).build());
  }

  @AfterEach
  void tearDown() {
    if (ring != null) {
      ring.close();
    }
  }

  @Test
  void tryAcquire_handsOutEverySlotOnce_thenRefuses() {
    CompletionTable t = new CompletionTable(8, 64);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 8; i++) {
      assertThat(seen.add(t.tryAcquire())).isTrue();
    }
    assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(t.tryAcquire()).isEqualTo(-1);
    assertThat(t.inFlight()).isEqualTo(8);
    assertThat(t.maxInFlight()).isEqualTo(8);
  }

  @Test
  void complete_withTheArmedUserData_completesOnce_andFreesTheSlot() {
    CompletionTable t = new CompletionTable(2, 64);
    int slot = t.tryAcquire();
    OpFuture f = new OpFuture(ring);
    long ud = t.arm(slot, f);
    assertThat((int) ud).isEqualTo(slot);
    assertThat(t.complete(ud, 42, 7)).isTrue();
    assertThat(f.join()).isEqualTo(42);
    assertThat(f.cqeFlags()).isEqualTo(7);
    assertThat(t.inFlight()).isZero();
    assertThat(t.complete(ud, 43, 0)).as("the same CQE again").isFalse();
    assertThat(t.staleCqes()).isEqualTo(1);
  }

  @Test
  void complete_withAnOldGeneration_neverCompletesTheSlotsNextOperation() {
    CompletionTable t = new CompletionTable(1, 64);
    int slot = t.tryAcquire();
    OpFuture first = new OpFuture(ring);
    long old = t.arm(slot, first);
    t.complete(old, 0, 0);
    assertThat(t.tryAcquire()).isEqualTo(slot);
    OpFuture second = new OpFuture(ring);
    long now = t.arm(slot, second);
    assertThat(now).isNotEqualTo(old);
    assertThat(now >>> 32).isEqualTo((old >>> 32) + 1);
    assertThat(t.complete(old, -125, 0)).isFalse();
    assertThat(second).isNotDone();
    assertThat(t.complete(now, 5, 0)).isTrue();
    assertThat(second.join()).isEqualTo(5);
  }

  @Test
  void complete_dropsThePinsBeforeTheFutureCompletes() {
    CompletionTable t = new CompletionTable(1, 64);
    int slot = t.tryAcquire();
    Object pinned = new Object();
    WeakReference<Object> ref = new WeakReference<>(pinned);
    t.pin(slot, pinned);
    pinned = null;
    OpFuture f = new OpFuture(ring);
    long ud = t.arm(slot, f);
    List<Boolean> pinGoneAtCompletion = new ArrayList<>();
    f.whenComplete(
        (r, e) -> {
          System.gc();
          pinGoneAtCompletion.add(ref.get() == null);
        });
    System.gc();
    assertThat(ref.get()).as("pinned while in flight").isNotNull();
    t.complete(ud, 0, 0);
    assertThat(pinGoneAtCompletion).containsExactly(true);
  }

  @Test
  void abandon_givesTheSlotBack_withoutCompleting() {
    CompletionTable t = new CompletionTable(1, 64);
    int slot = t.tryAcquire();
    OpFuture f = new OpFuture(ring);
    long ud = t.arm(slot, f);
    t.abandon(slot);
    assertThat(t.inFlight()).isZero();
    assertThat(f).isNotDone();
    assertThat(t.complete(ud, 0, 0)).isFalse();
  }

  @Test
  void isInternal_tellsTheRingsOwnUserDataFromSlots() {
    assertThat(CompletionTable.isInternal(Ring.WAKEUP)).isTrue();
    assertThat(CompletionTable.isInternal(Ring.CLOSE_CANCEL)).isTrue();
    assertThat(CompletionTable.isInternal((7L << 32) | 12)).isFalse();
  }
}
