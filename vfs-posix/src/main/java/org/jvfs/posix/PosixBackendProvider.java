package org.jvfs.posix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendProvider;

/**
 * Makes {@link PosixBackend}s for {@link java.util.ServiceLoader}, under the name {@code posix}.
 *
 * <p>Configuration keys (numbers as {@link Number}s or decimal strings, booleans as {@link
 * Boolean}s or {@code "true"}/{@code "false"}):
 *
 * <ul>
 *   <li>{@code root} (required): the directory the backend is confined to, a {@link String} path.
 *   <li>{@code ioThreads}: the number of IO threads; default twice the processors, at least 4.
 *   <li>{@code queueCapacity}: tasks that may wait for an IO thread; default 4096.
 *   <li>{@code resolveBeneath}: {@code "openat2"} or {@code "walk"} to force the confinement;
 *       default openat2 where the kernel has it, else the O_NOFOLLOW walk.
 *   <li>{@code maxOpenFiles}: files open at once through the backend (EMFILE beyond); default no
 *       cap but the process's.
 *   <li>{@code probe}: try lookups, small whole-file reads and plain opens on the caller's thread
 *       in their nonblocking form first ({@code RESOLVE_CACHED}, {@code AT_STATX_DONT_SYNC}, {@code
 *       RWF_NOWAIT}); default true (see {@link PosixOptions.Builder#probe}).
 *   <li>{@code watch}: offer inotify watching (the WATCH coherence policy); default true, which
 *       makes WATCH the default policy of a posix mount.
 *   <li>{@code maxWatches}: directories watched at most; default 8192.
 * </ul>
 *
 * <p>Thread-safe and stateless.
 */
public final class PosixBackendProvider implements BackendProvider {
  private static final Set<String> KEYS =
      Set.of(
          "root",
          "ioThreads",
          "queueCapacity",
          "resolveBeneath",
          "maxOpenFiles",
          "probe",
          "watch",
          "maxWatches");

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public PosixBackendProvider() {}

  /** Returns {@code posix}. */
  @Override
  public String name() {
    return "posix";
  }

  /**
   * Makes a backend confined to the {@code root} directory.
   *
   * @throws IllegalArgumentException for a missing root, an unknown key or a bad value
   * @throws IOException if the root cannot be opened
   */
  @Override
  public Backend create(Map<String, ?> config) throws IOException {
    return PosixBackend.open(options(config, "posix", Set.of()));
  }

  /**
   * Reads the posix settings above from {@code config}, for this provider and for another native
   * backend's over the same kind of root (the aio backend's), which may accept {@code extraKeys}
   * besides and reads them itself.
   *
   * @param backend the backend's name, for messages
   * @throws IllegalArgumentException for a missing root, an unknown key or a bad value
   */
  public static PosixOptions options(Map<String, ?> config, String backend, Set<String> extraKeys) {
    for (String k : config.keySet()) {
      if (!KEYS.contains(k) && !extraKeys.contains(k)) {
        java.util.List<String> known = new java.util.ArrayList<>(KEYS);
        known.addAll(extraKeys);
        throw new IllegalArgumentException(
            "unknown "
                + backend
                + " backend setting: "
                + k
                + " (known: "
                + String.join(", ", known)
                + ")");
      }
    }
    Object root = config.get("root");
    if (!(root instanceof String r) || r.isEmpty()) {
      throw new IllegalArgumentException(
          "the " + backend + " backend needs root, a directory path String");
    }
    PosixOptions.Builder b = PosixOptions.builder(Path.of(r));
    for (Map.Entry<String, ?> e : config.entrySet()) {
      Object v = e.getValue();
      switch (e.getKey()) {
        case "ioThreads" -> b.ioThreads(integer(e.getKey(), v));
        case "queueCapacity" -> b.queueCapacity(integer(e.getKey(), v));
        case "resolveBeneath" -> b.resolveBeneath(String.valueOf(v));
        case "maxOpenFiles" -> b.maxOpenFiles(integer(e.getKey(), v));
        case "probe" -> b.probe(bool(e.getKey(), v));
        case "watch" -> b.watch(bool(e.getKey(), v));
        case "maxWatches" -> b.maxWatches(integer(e.getKey(), v));
        default -> {}
      }
    }
    return b.build();
  }

  private static int integer(String key, Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).intValue();
    }
    if (v instanceof Long l && l == l.intValue()) {
      return l.intValue();
    }
    if (v instanceof String s) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " must be an integer: " + s, e);
      }
    }
    throw new IllegalArgumentException(key + " must be an integer, not " + v);
  }

  /** Reads a boolean setting: a {@link Boolean} or {@code "true"}/{@code "false"}. */
  public static boolean bool(String key, Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if ("true".equals(v) || "false".equals(v)) {
      return Boolean.parseBoolean((String) v);
    }
    throw new IllegalArgumentException(key + " must be true or false, not " + v);
  }
}
