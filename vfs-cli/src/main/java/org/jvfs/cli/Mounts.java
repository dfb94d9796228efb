package org.jvfs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jvfs.Vfs;
import org.jvfs.aio.backend.UringBackend;
import org.jvfs.bench.Problems;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendProvider;
import org.jvfs.spi.ForwardingBackend;

/**
 * Opens a {@link Vfs} for a {@link MountSpec}, with the backend mounted at {@code /}.
 *
 * <ul>
 *   <li>{@code memory}: a small sample tree in memory ({@link #SAMPLE}), made afresh each time.
 *   <li>{@code posix:DIR}: the posix backend confined to DIR.
 *   <li>{@code aio:DIR}: the aio backend (io_uring). Where it runs on the posix code instead
 *       (io_uring unavailable, or {@code -Djvfs.aio.disable=true}), a note says so and why (no
 *       silent fallback: who asks for aio wants to know they are not getting it).
 *   <li>{@code auto:DIR}: the backend {@link BackendChoice#auto()} picks.
 * </ul>
 *
 * <p>A missing or unreadable directory is a {@link CliException} of one line. Stateless.
 */
class Mounts {
  /** The sample tree of a {@code memory} mount: paths, and each file's content. */
  static final Map<String, String> SAMPLE =
      Map.of(
          "/README.txt", "A jvfs memory mount: this small tree lives in the JVM's heap.\n",
          "/docs/guide.txt", "jvfs doctor, jvfs bench, jvfs ls|stat|cat|tree|find|du.\n",
          "/docs/empty.txt", "",
          "/src/Main.java", "class Main {\n  public static void main(String[] a) {}\n}\n",
          "/src/util/Names.java", "final class Names {}\n");

  /** The sample tree's symbolic link and its target. */
  static final String SAMPLE_LINK = "/docs/latest";

  static final String SAMPLE_LINK_TARGET = "guide.txt";

  /** A mounted VFS and what it is. */
  record Mounted(Vfs vfs, String backend, String note) implements AutoCloseable {
    @Override
    public void close() {
      vfs.close();
    }
  }

  /**
   * Opens the spec.
   *
   * @throws CliException for a missing or unreadable directory, or a backend not available here
   * @throws IOException if the backend cannot open the directory
   */
  Mounted open(MountSpec spec) throws CliException, IOException {
    return switch (spec.kind()) {
      case MEMORY -> new Mounted(sample(), "memory", "");
      case POSIX -> directory(spec, BackendChoice.POSIX, "");
      case AIO -> {
        if (BackendChoice.provider(BackendChoice.AIO).isEmpty()) {
          throw new CliException(
              spec + ": the aio backend is not installed; use posix:" + spec.dir() + " instead");
        }
        yield directory(spec, BackendChoice.AIO, "");
      }
      case AUTO -> {
        BackendChoice choice = BackendChoice.auto();
        yield directory(
            spec, choice.backend(), "auto picked " + choice.backend() + ": " + choice.reason());
      }
    };
  }

  private Mounted directory(MountSpec spec, String backend, String note)
      throws CliException, IOException {
    Path dir = checkDirectory(spec);
    BackendProvider provider =
        BackendChoice.provider(backend)
            .orElseThrow(
                () -> new CliException(spec + ": the " + backend + " backend is not installed"));
    Map<String, Object> config = Map.of("root", dir.toString(), "watch", false);
    Backend b;
    try {
      b = provider.create(config);
    } catch (IOException e) {
      throw new CliException(spec + ": " + Problems.reason(e));
    }
    if (b instanceof UringBackend u && !u.usesRing()) {
      String why = "aio runs on the posix code: " + u.unavailabilityCause();
      note = note.isEmpty() ? why : note + "; " + why;
    }
    try {
      return new Mounted(Vfs.builder().mount("/", b).build(), backend, note);
    } catch (IOException | RuntimeException e) {
      b.close();
      throw e;
    }
  }

  /**
   * Returns the spec's directory, absolute, if it is one this process can list.
   *
   * @throws CliException naming the spec if it is missing, not a directory or not readable
   */
  static Path checkDirectory(MountSpec spec) throws CliException {
    Path dir = spec.dir();
    if (dir == null) {
      throw new IllegalArgumentException("no directory in " + spec);
    }
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.exists(abs)) {
      throw new CliException(spec + ": no such directory");
    }
    if (!Files.isDirectory(abs)) {
      throw new CliException(spec + ": not a directory");
    }
    if (!Files.isReadable(abs) || !Files.isExecutable(abs)) {
      throw new CliException(spec + ": directory not readable (permission denied)");
    }
    return abs;
  }

  /**
   * Returns a VFS over a fresh memory backend holding {@link #SAMPLE}, its cache empty: the sample
   * is written through another VFS, which leaves the backend open when it closes.
   */
  static Vfs sample() throws IOException {
    MemoryBackend backend = MemoryBackend.create();
    Backend kept =
        new ForwardingBackend() {
          @Override
          protected Backend delegate() {
            return backend;
          }

          @Override
          public void close() {}
        };
    try (Vfs writer = Vfs.builder().mount("/", kept).build()) {
      for (Map.Entry<String, String> e : new TreeMap<>(SAMPLE).entrySet()) {
        String path = e.getKey();
        writer.createDirectories(path.substring(0, path.lastIndexOf('/') + 1)).join();
        writer.write(path, e.getValue().getBytes(StandardCharsets.UTF_8)).join();
      }
      writer.createSymbolicLink(SAMPLE_LINK, SAMPLE_LINK_TARGET).join();
    }
    return Vfs.builder().mount("/", backend).build();
  }
}
