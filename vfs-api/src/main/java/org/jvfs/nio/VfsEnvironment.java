package org.jvfs.nio;

import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;
import org.jvfs.CoherencePolicy;
import org.jvfs.Vfs;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendProvider;

/**
 * Builds a {@link Vfs} from the env map of {@link
 * java.nio.file.FileSystems#newFileSystem(java.net.URI, Map)}; the keys are documented on {@link
 * VfsFileSystemProvider}. Unknown keys and bad values are refused with IllegalArgumentException.
 */
final class VfsEnvironment {
  private VfsEnvironment() {}

  /** Builds the VFS the env describes: one backend mounted at {@code /}. */
  static Vfs build(Map<String, ?> env) throws IOException {
    String backendName = "memory";
    Map<String, ?> backendConfig = Map.of();
    CoherencePolicy policy = CoherencePolicy.PRIVATE;
    Vfs.Builder builder = Vfs.builder();
    for (Map.Entry<String, ?> e : env.entrySet()) {
      Object v = e.getValue();
      switch (e.getKey()) {
        case VfsFileSystemProvider.ENV_BACKEND -> backendName = string(e.getKey(), v);
        case VfsFileSystemProvider.ENV_BACKEND_CONFIG -> backendConfig = map(e.getKey(), v);
        case VfsFileSystemProvider.ENV_CACHING -> builder.caching(bool(e.getKey(), v));
        case VfsFileSystemProvider.ENV_MAXIMUM_DENTRIES ->
            builder.maximumDentries(number(e.getKey(), v));
        case VfsFileSystemProvider.ENV_MAXIMUM_NEGATIVE_DENTRIES ->
            builder.maximumNegativeDentries(number(e.getKey(), v));
        case VfsFileSystemProvider.ENV_MAX_IN_FLIGHT ->
            builder.maxInFlight(Math.toIntExact(number(e.getKey(), v)));
        case VfsFileSystemProvider.ENV_COHERENCE_POLICY -> policy = policy(v);
        case VfsFileSystemProvider.ENV_COMPLETION_EXECUTOR -> {
          if (!(v instanceof Executor ex)) {
            throw new IllegalArgumentException(e.getKey() + " must be an Executor: " + v);
          }
          builder.completionExecutor(ex);
        }
        default -> throw new IllegalArgumentException("unknown jvfs env key: " + e.getKey());
      }
    }
    Backend backend = provider(backendName).create(backendConfig);
    try {
      return builder.mount("/", backend, policy).build();
    } catch (IOException | RuntimeException ex) {
      backend.close();
      throw ex;
    }
  }

  private static BackendProvider provider(String name) {
    for (BackendProvider p :
        ServiceLoader.load(BackendProvider.class, VfsEnvironment.class.getClassLoader())) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no jvfs backend named '" + name + "' is installed");
  }

  private static String string(String key, Object v) {
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException(key + " must be a String: " + v);
    }
    return s;
  }

  private static Map<String, ?> map(String key, Object v) {
    if (!(v instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(key + " must be a Map<String, ?>: " + v);
    }
    for (Object k : m.keySet()) {
      if (!(k instanceof String)) {
        throw new IllegalArgumentException(key + " must have String keys: " + k);
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> typed = (Map<String, ?>) m;
    return typed;
  }

  private static boolean bool(String key, Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw new IllegalArgumentException(key + " must be a Boolean or \"true\"/\"false\": " + v);
  }

  private static long number(String key, Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException(key + " must be a whole number: " + v, ex);
      }
    }
    throw new IllegalArgumentException(key + " must be a whole number: " + v);
  }

  private static CoherencePolicy policy(Object v) {
    if (v instanceof CoherencePolicy p) {
      return p;
    }
    if (v instanceof String s) {
      String lower = s.trim().toLowerCase(Locale.ROOT);
      if (lower.equals("private")) {
        return CoherencePolicy.PRIVATE;
      }
      if (lower.startsWith("ttl:")) {
        try {
          return CoherencePolicy.ttl(Duration.parse(s.trim().substring(4)));
        } catch (DateTimeParseException ex) {
          throw new IllegalArgumentException("bad TTL duration: " + s, ex);
        }
      }
    }
    throw new IllegalArgumentException(
        VfsFileSystemProvider.ENV_COHERENCE_POLICY
            + " must be a CoherencePolicy, \"private\" or \"ttl:PT5S\": "
            + v);
  }
}
