package org.jvfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeKind;

class LookupResultTest {
  @Test
  void hit_carriesAttributes() {
    NodeAttributes a = NodeAttributes.builder(NodeKind.FILE).size(3).build();
    LookupResult r = LookupResult.hit(a);
    assertThat(r.isHit()).isTrue();
    assertThat(r.status()).isEqualTo(LookupResult.Status.HIT);
    assertThat(r.attributes()).isSameAs(a);
  }

  @Test
  void absentAndMiss_areSharedAndCarryNothing() {
    assertThat(LookupResult.absent()).isSameAs(LookupResult.absent());
    assertThat(LookupResult.miss().attributes()).isNull();
    assertThat(LookupResult.absent().isHit()).isFalse();
    assertThat(LookupResult.miss().status()).isEqualTo(LookupResult.Status.MISS);
  }
}
