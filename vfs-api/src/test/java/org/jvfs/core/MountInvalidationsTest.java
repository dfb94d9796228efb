package org.jvfs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvfs.CoherencePolicy;
import org.jvfs.LookupResult;
import org.jvfs.Saturation;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendFile;
import org.jvfs.spi.Capability;
import org.jvfs.spi.ForwardingBackend;
import org.jvfs.spi.Invalidations;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeAttributes;
import org.jvfs.spi.OpenFlags;

/**
 * A mount under WATCH on a memory backend that reports changes as inotify would: only in the
 * directory of the name that was used, and nothing at all for a write through mmap. The clock is
 * fake, so expiry is exact.
 */
class MountInvalidationsTest {
  private final AtomicLong now = new AtomicLong();
  private final MemoryBackend disk = MemoryBackend.create();
  private final Watched backend = new Watched(disk);
  private VfsCore core;

  /** The memory backend with {@link Capability#WATCH}: the test pushes what a watcher would. */
  private static final class Watched extends ForwardingBackend {
    private final Backend delegate;
    final AtomicReference<@Nullable Invalidations> sink = new AtomicReference<>();

    Watched(Backend delegate) {
      this.delegate = delegate;
    }

    @Override
    protected Backend delegate() {
      return delegate;
    }

    @Override
    public Set<Capability> capabilities() {
      Set<Capability> c = EnumSet.copyOf(delegate.capabilities());
      c.add(Capability.WATCH);
      return c;
    }

    @Override
    public void watch(Invalidations invalidations) {
      sink.set(invalidations);
    }
  }

  @BeforeEach
  void mount() throws Exception {
    core =
        new VfsCore(
            new VfsCore.Config(
                true, 1000, 1000, Runnable::run, null, 64, Saturation.FAIL, Runnable::run),
            now::get);
    core.mount("/", backend, CoherencePolicy.watch());
  }

  @AfterEach
  void close() {
    core.close();
  }

  private Node dir(String name) {
    return disk.lookup(disk.root(), Name.of(name)).toCompletableFuture().join().node();
  }

  /** Another process appends {@code n} bytes to {@code name} in {@code dir}. */
  private void appendOutside(Node dir, String name, int n) {
    BackendFile f =
        disk.open(
                dir,
                Name.of(name),
                OpenFlags.from(Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND)),
                null)
            .toCompletableFuture()
            .join()
            .file();
    f.write(ByteBuffer.wrap(new byte[n]), 0).toCompletableFuture().join();
    f.close().toCompletableFuture().join();
  }

  @Test
  void changed_throughAHardLinkInAnotherDirectory_isSeenWithinTheAttributeBound() {
    core.tree().createDirectories("/a", java.util.List.of()).join();
    core.tree().createDirectories("/b", java.util.List.of()).join();
    core.files().write("/a/f", new byte[] {1}).join();
    NodeAttributes before = core.stat("/a/f", true).join();
    assertThat(before.size()).isEqualTo(1);
    assertThat(before.linkCount()).isEqualTo(1);
    assertThat(core.lookupNow("/a/f", true).isHit()).isTrue();
    long loads = core.stats().loadCount();

    // Another process links /a/f as /b/g and appends through /b/g. inotify reports both in /b
    // alone, a directory this VFS never looked into: nothing names /a/f.
    Node a = dir("a");
    Node b = dir("b");
    disk.link(a, Name.of("f"), b, Name.of("g")).toCompletableFuture().join();
    backend.sink.get().changed(b, Name.of("g"));
    appendOutside(b, "g", 9);
    backend.sink.get().changed(b, Name.of("g"));

    now.addAndGet(CoherencePolicy.DEFAULT_WATCH_ATTRIBUTE_TTL.toNanos() + 1);
    // The snapshot expired; the name did not (its existence is what inotify does track).
    assertThat(core.lookupNow("/a/f", true).status()).isEqualTo(LookupResult.Status.MISS);
    NodeAttributes after = core.stat("/a/f", true).join();
    assertThat(after.size()).isEqualTo(10);
    assertThat(after.linkCount()).isEqualTo(2);
    assertThat(core.stats().loadCount()).as("dentry loads").isEqualTo(loads);
    assertThat(core.lookupNow("/a/f", true).isHit()).isTrue();
  }

  @Test
  void writtenWithoutAnEvent_likeThroughMmap_isSeenWithinTheAttributeBound() {
    core.files().write("/f", new byte[] {1, 2}).join();
    assertThat(core.stat("/f", true).join().size()).isEqualTo(2);
    // A write through a shared mapping changes the file and raises no inotify event.
    appendOutside(disk.root(), "f", 3);
    now.addAndGet(CoherencePolicy.DEFAULT_WATCH_ATTRIBUTE_TTL.toNanos() + 1);
    assertThat(core.stat("/f", true).join().size()).isEqualTo(5);
  }

  @Test
  void directoryAttributes_changedInsideWithoutAnEvent_areSeenWithinTheAttributeBound() {
    core.tree().createDirectories("/d", java.util.List.of()).join();
    NodeAttributes d = core.stat("/d", true).join();
    assertThat(d.linkCount()).isEqualTo(2);
    long loads = core.stats().loadCount();
    // Another process makes /d/x. Only a watch of d itself would report it, and nothing looked
    // into d: the watcher reports nothing.
    disk.createDirectory(dir("d"), Name.of("x"), null).toCompletableFuture().join();
    assertThat(core.lookupNow("/d", true).attributes()).isEqualTo(d);
    now.addAndGet(CoherencePolicy.DEFAULT_WATCH_ATTRIBUTE_TTL.toNanos() + 1);
    assertThat(core.lookupNow("/d", true).status()).isEqualTo(LookupResult.Status.MISS);
    assertThat(core.stat("/d", true).join().linkCount()).isEqualTo(3);
    assertThat(core.stats().loadCount()).as("the name stays: dentry loads").isEqualTo(loads);
    // An event drops the snapshot at once.
    backend.sink.get().changed(disk.root(), Name.of("d"));
    assertThat(core.lookupNow("/d", true).isHit()).isFalse();
  }

  @Test
  void unwatched_forgetsThatDirectoryAndItsSubtree_andNothingElse() {
    core.tree().createDirectories("/a/b", java.util.List.of()).join();
    core.tree().createDirectories("/c", java.util.List.of()).join();
    core.files().write("/a/b/f", new byte[] {1}).join();
    core.files().write("/a/g", new byte[] {1}).join();
    core.files().write("/c/h", new byte[] {1}).join();
    for (String p : new String[] {"/a/b/f", "/a/g", "/c/h", "/a/absent"}) {
      core.lookup(p, true).join();
    }
    assertThat(core.lookupNow("/a/b/f", true).isHit()).isTrue();
    assertThat(core.lookupNow("/a/absent", true).status()).isEqualTo(LookupResult.Status.ABSENT);

    // a is no longer watched: another process changes it (no report comes).
    Node a = dir("a");
    backend.sink.get().unwatched(a);
    disk.remove(a, Name.of("g"), false).toCompletableFuture().join();

    for (String p : new String[] {"/a", "/a/b", "/a/b/f", "/a/g", "/a/absent"}) {
      assertThat(core.lookupNow(p, true).status()).as(p).isEqualTo(LookupResult.Status.MISS);
    }
    assertThat(core.lookupNow("/c/h", true).isHit()).as("another directory").isTrue();
    assertThat(core.lookup("/a/g", true).join().status()).isEqualTo(LookupResult.Status.ABSENT);
    assertThat(core.lookup("/a/b/f", true).join().isHit()).isTrue();
  }

  @Test
  void unwatched_ofTheRoot_dropsTheMount() {
    core.files().write("/f", new byte[] {1}).join();
    core.lookup("/f", true).join();
    backend.sink.get().unwatched(disk.root());
    assertThat(core.lookupNow("/f", true).status()).isEqualTo(LookupResult.Status.MISS);
  }
}
