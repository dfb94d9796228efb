package org.jvfs.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendFile;
import org.jvfs.spi.BackendProvider;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.OpenFlags;

/**
 * Makes {@link Vfs} instances whose root mount shows the workload tree: a posix backend over the
 * tree's directory, or an in-memory backend holding a copy of it. The tree's file {@code i} is at
 * {@code "/" + Tree.relative(i)}.
 */
public abstract class JvfsMount {
  /** The name of the posix backend's provider. */
  public static final String POSIX = "posix";

  /** The name of the io_uring backend's provider. */
  public static final String AIO = "aio";

  private final String backendName;

  JvfsMount(String backendName) {
    this.backendName = backendName;
  }

  /** Returns the backend kind, {@code posix} or {@code memory}. */
  public String backendName() {
    return backendName;
  }

  /**
   * Returns the {@link BackendProvider} of this name found by {@link ServiceLoader}, if any.
   *
   * @param name a provider name such as {@code posix}
   */
  public static Optional<BackendProvider> provider(String name) {
    for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Returns true if a posix backend provider is on the class path. */
  public static boolean posixAvailable() {
    return provider(POSIX).isPresent();
  }

  /**
   * Returns a mount of the tree through the posix backend.
   *
   * @throws IllegalStateException if no posix provider is on the class path
   */
  public static JvfsMount posix(Tree tree) {
    return posix(tree, 0);
  }

  /**
   * Returns a mount of the tree through the posix backend with {@code ioThreads} IO threads (0 for
   * the backend's default).
   *
   * @throws IllegalStateException if no posix provider is on the class path
   */
  public static JvfsMount posix(Tree tree, int ioThreads) {
    return posix(tree, ioThreads, false);
  }

  /**
   * Returns a mount of the tree through the posix backend with {@code ioThreads} IO threads (0 for
   * the backend's default) and its {@code probe} setting.
   *
   * @throws IllegalStateException if no posix provider is on the class path
   */
  public static JvfsMount posix(Tree tree, int ioThreads, boolean probe) {
    return posix(tree.root(), ioThreads, probe, 0);
  }

  /**
   * Returns a mount of the directory {@code root} through the posix backend with {@code ioThreads}
   * IO threads (0 for the backend's default), its {@code probe} setting, and room for {@code
   * queueCapacity} tasks waiting for an IO thread (0 for the backend's default).
   *
   * @throws IllegalStateException if no posix provider is on the class path
   */
  public static JvfsMount posix(Path root, int ioThreads, boolean probe, int queueCapacity) {
    return nativeMount(POSIX, root, ioThreads, probe, queueCapacity);
  }

  /**
   * Returns a mount of the directory {@code root} through a backend over a real directory, {@code
   * posix} or {@code aio} (the io_uring backend, which takes the posix settings), with the settings
   * of {@link #posix(Path, int, boolean, int)}.
   *
   * @throws IllegalStateException if no such provider is on the class path
   */
  public static JvfsMount nativeMount(
      String backend, Path root, int ioThreads, boolean probe, int queueCapacity) {
    Map<String, Object> config = new java.util.HashMap<>();
    config.put("probe", probe);
    config.put("root", root.toString());
    if (ioThreads > 0) {
      config.put("ioThreads", ioThreads);
    }
    if (queueCapacity > 0) {
      config.put("queueCapacity", queueCapacity);
    }
    BackendProvider provider =
        provider(backend)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no \"" + backend + "\" BackendProvider on the class path"));
    return new JvfsMount(backend) {
      @Override
      Backend backend() throws IOException {
        return provider.create(config);
      }
    };
  }

  /**
   * Returns a mount of an in-memory copy of the tree, copied afresh into each backend through the
   * backend SPI, so that a new VFS over it starts with a cold cache.
   */
  public static JvfsMount memory(Tree tree) {
    return memory(tree, null);
  }

  /**
   * Returns a mount of an in-memory copy of the tree, as {@link #memory(Tree)}, with the tree in
   * the directory {@code top} of the backend's root if {@code top} is not null.
   */
  public static JvfsMount memory(Tree tree, @Nullable String top) {
    return new JvfsMount("memory") {
      @Override
      Backend backend() throws IOException {
        MemoryBackend backend = MemoryBackend.create();
        OpenFlags create =
            OpenFlags.from(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW));
        Node base =
            top == null
                ? backend.root()
                : backend
                    .createDirectory(backend.root(), Name.of(top), null)
                    .toCompletableFuture()
                    .join()
                    .node();
        Node dir = base;
        for (int i = 0; i < tree.files(); i++) {
          String[] names = Tree.relative(i).split("/");
          if (i % Tree.FILES_PER_DIR == 0) {
            dir =
                backend
                    .createDirectory(base, Name.of(names[0]), null)
                    .toCompletableFuture()
                    .join()
                    .node();
          }
          BackendFile file =
              backend
                  .open(dir, Name.of(names[1]), create, null)
                  .toCompletableFuture()
                  .join()
                  .file();
          file.write(ByteBuffer.wrap(Files.readAllBytes(tree.path(i))), 0)
              .toCompletableFuture()
              .join();
          file.close().toCompletableFuture().join();
        }
        return backend;
      }
    };
  }

  /** Makes a fresh backend. */
  abstract Backend backend() throws IOException;

  /**
   * Makes a fresh backend, for a caller that builds its own {@link Vfs}; the VFS it is mounted in
   * owns and closes it.
   *
   * @throws IOException if the backend cannot be made
   */
  public Backend newBackend() throws IOException {
    return backend();
  }

  /**
   * Makes a VFS over a fresh backend with an empty dentry cache, large enough for the tree, every
   * absent path and then some; futures complete on the thread that finished the IO.
   *
   * @param tree the tree the backend shows, to size the cache
   * @param maxInFlight the bound of operations in flight
   * @throws IOException if the backend cannot be made
   */
  public Vfs open(Tree tree, int maxInFlight) throws IOException {
    return open(tree, maxInFlight, true);
  }

  /**
   * Makes a VFS as {@link #open(Tree, int)} does, but whose futures complete on {@code completion}
   * (null: the VFS's default executor, safe for callers that chain blocking work) when they waited
   * for IO.
   *
   * @throws IOException if the backend cannot be made
   */
  public Vfs open(Tree tree, int maxInFlight, java.util.concurrent.@Nullable Executor completion)
      throws IOException {
    long dentries = Math.max(Vfs.Builder.DEFAULT_MAX_DENTRIES, 2L * tree.files() + 1024);
    Vfs.Builder b =
        Vfs.builder()
            .mount("/", backend())
            .maximumDentries(dentries)
            .maximumNegativeDentries(dentries)
            .maxInFlight(Math.max(maxInFlight, Vfs.Builder.DEFAULT_MAX_IN_FLIGHT));
    if (completion != null) {
      b.completionExecutor(completion);
    }
    return b.build();
  }

  /**
   * Makes a VFS as {@link #open(Tree, int)} does, with the dentry cache on or off; off, every
   * lookup goes to the backend.
   *
   * @throws IOException if the backend cannot be made
   */
  public Vfs open(Tree tree, int maxInFlight, boolean caching) throws IOException {
    long dentries = Math.max(Vfs.Builder.DEFAULT_MAX_DENTRIES, 2L * tree.files() + 1024);
    return Vfs.builder()
        .mount("/", backend())
        .maximumDentries(dentries)
        .maximumNegativeDentries(dentries)
        .caching(caching)
        .directCompletion()
        .maxInFlight(Math.max(maxInFlight, Vfs.Builder.DEFAULT_MAX_IN_FLIGHT))
        .build();
  }
}
