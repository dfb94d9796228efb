package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvfs.CoherencePolicy;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Name;

class MountTableTest {
  private final MountTable table = new MountTable();
  private final Mount root = new Mount("/", MemoryBackend.create(), CoherencePolicy.PRIVATE, 1);
  private final Mount data = new Mount("/a/b", MemoryBackend.create(), CoherencePolicy.PRIVATE, 2);

  @Test
  void add_thenWalkTheTrie_findsTheMount() {
    table.add(List.of(), root);
    table.add(List.of(Name.of("a"), Name.of("b")), data);
    assertThat(table.rootMount()).isSameAs(root);
    MountTable.Node a = table.top().child(Name.of("a"));
    assertThat(a).isNotNull();
    assertThat(a.mount()).isNull();
    assertThat(a.child(Name.of("b")).mount()).isSameAs(data);
    assertThat(table.top().child(Name.of("z"))).isNull();
    assertThat(table.all()).containsExactly(root, data);
  }

  @Test
  void add_twiceAtOnePath_isRefused() {
    table.add(List.of(), root);
    assertThatThrownBy(() -> table.add(List.of(), data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already mounted");
  }
}
