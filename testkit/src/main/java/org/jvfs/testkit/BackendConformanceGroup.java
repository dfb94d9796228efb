package org.jvfs.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.BackendFile;
import org.jvfs.spi.Capability;
import org.jvfs.spi.Errno;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;

/**
 * The base of every group of {@link BackendConformanceKit} tests: access to the current test's
 * backend and root, and the helpers the groups share.
 *
 * <p>Groups are extended by {@code @Nested} inner classes of the kit, which pass the enclosing kit
 * in; the backend is looked up per call because the kit opens it after constructing the nested
 * instance. Not thread-safe, like the kit.
 */
abstract class BackendConformanceGroup {
  static final OpenFlags CREATE_RW =
      OpenFlags.from(
          Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
  static final OpenFlags WRITE = OpenFlags.from(Set.of(StandardOpenOption.WRITE));

  private final BackendConformanceKit kit;

  BackendConformanceGroup(BackendConformanceKit kit) {
    this.kit = kit;
  }

  /** Returns the backend under test (wrapped for handle tracking). */
  final Backend backend() {
    return kit.backend();
  }

  /** Returns the root directory of the backend under test. */
  final Node root() {
    return kit.rootNode();
  }

  /** See {@link BackendConformanceKit#await}. */
  static <T> T await(CompletionStage<T> stage) throws Exception {
    return BackendConformanceKit.await(stage);
  }

  /** See {@link BackendConformanceKit#assertErrno}. */
  static void assertErrno(CompletionStage<?> stage, Errno errno) {
    BackendConformanceKit.assertErrno(stage, errno);
  }

  final void requires(Capability c) {
    Assumptions.assumeTrue(backend().capabilities().contains(c), "backend lacks " + c);
  }

  static Name n(String s) {
    return Name.of(s);
  }

  final NodeInfo file(Node dir, String name, String content) throws Exception {
    Opened o = await(backend().open(dir, n(name), CREATE_RW, null));
    try {
      writeFully(o.file(), content.getBytes(UTF_8), 0);
    } finally {
      await(o.file().close());
    }
    return lookup(dir, name);
  }

  final NodeInfo mkdir(Node dir, String name) throws Exception {
    return await(backend().createDirectory(dir, n(name), null));
  }

  final NodeInfo lookup(Node dir, String name) throws Exception {
    NodeInfo info = await(backend().lookup(dir, n(name)));
    assertThat(info).as("lookup of %s", name).isNotNull();
    return info;
  }

  final @Nullable NodeInfo find(Node dir, String name) throws Exception {
    return await(backend().lookup(dir, n(name)));
  }

  static void writeFully(BackendFile f, byte[] data, long position) throws Exception {
    ByteBuffer src = ByteBuffer.wrap(data);
    while (src.hasRemaining()) {
      await(f.write(src, position + src.position()));
    }
  }

  static String readAll(BackendFile f) throws Exception {
    long size = await(f.size());
    ByteBuffer dst = ByteBuffer.allocate((int) size);
    while (dst.hasRemaining()) {
      int n = await(f.read(dst, dst.position()));
      if (n < 0) {
        break;
      }
    }
    return new String(dst.array(), 0, dst.position(), UTF_8);
  }

  final String content(Node dir, String name) throws Exception {
    Opened o = await(backend().open(dir, n(name), OpenFlags.READ, null));
    try {
      return readAll(o.file());
    } finally {
      await(o.file().close());
    }
  }

  final NodeAttributes attrs(Node node) throws Exception {
    return await(backend().attributes(node));
  }
}
