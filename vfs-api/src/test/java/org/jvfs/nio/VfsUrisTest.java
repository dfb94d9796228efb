package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class VfsUrisTest {

  @Test
  void toUri_percentEncodesUtf8() {
    assertThat(VfsUris.toUri("fs", List.of("a/b", "%", "\u00e9")).toString())
        .isEqualTo("jvfs://fs/a%2Fb/%25/%C3%A9");
    assertThat(VfsUris.toUri("fs", List.of()).toString()).isEqualTo("jvfs://fs/");
  }

  @Test
  void path_decodes() {
    assertThat(VfsUris.path(URI.create("jvfs://fs/a%20b/%C3%A9"))).isEqualTo("/a b/\u00e9");
    assertThat(VfsUris.path(URI.create("jvfs://fs"))).isEqualTo("/");
    assertThat(VfsUris.path(URI.create("jvfs://fs/a/../b"))).isEqualTo("/a/../b");
  }

  @Test
  void path_encodedDotSegment_rejected() {
    assertThatThrownBy(() -> VfsUris.path(URI.create("jvfs://fs/a/%2E%2E/b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dot segment");
    assertThatThrownBy(() -> VfsUris.path(URI.create("jvfs://fs/a/.%2e")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VfsUris.path(URI.create("jvfs://fs/%2E")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void path_encodedSlash_rejected() {
    assertThatThrownBy(() -> VfsUris.path(URI.create("jvfs://fs/a%2Fb")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slash");
    assertThatThrownBy(() -> VfsUris.path(URI.create("jvfs://fs/a%2f..")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void path_nulOrBadEscape_rejected() {
    assertThatThrownBy(() -> VfsUris.path(URI.create("jvfs://fs/a%00")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VfsUris.path(URI.create("jvfs://fs/a%C3")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VfsUris.path(URI.create("jvfs://fs/a%4")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fsName_wrongSchemeQueryOrMissingName_rejected() {
    assertThatThrownBy(() -> VfsUris.fsName(URI.create("file:///a")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VfsUris.fsName(URI.create("jvfs:///a")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VfsUris.fsName(URI.create("jvfs://fs/a?q")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VfsUris.fsName(URI.create("jvfs:opaque")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(VfsUris.fsName(URI.create("jvfs://my-fs.1/a"))).isEqualTo("my-fs.1");
  }
}
