package org.jvfs.nio;

import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jvfs.CoherencePolicy;
import org.jvfs.Vfs;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendProvider;
import org.jvfs.spi.Capability;

/**
 * Builds a {@link Vfs} from the env map of {@link
 * java.nio.file.FileSystems#newFileSystem(java.net.URI, Map)}; the keys are documented on {@link
 * VfsFileSystemProvider}. Unknown keys and bad values are refused with IllegalArgumentException.
 */
final class VfsEnvironment {
  private VfsEnvironment() {}

  /** The forms {@value VfsFileSystemProvider#ENV_COHERENCE_POLICY} accepts, for messages. */
  static final String POLICY_FORMS =
      "a CoherencePolicy, \"watch\", \"watch:<ISO-8601 duration>\" (WATCH with that bound on"
          + " attribute snapshots, e.g. \"watch:PT0.5S\"), \"private\", or"
          + " \"ttl:<ISO-8601 duration>\" (e.g. \"ttl:PT5S\")";

  /** Builds the VFS the env describes: one backend mounted at {@code /}. */
  static Vfs build(Map<String, ?> env) throws IOException {
    return build(env, VfsEnvironment::provider);
  }

  /** Builds the VFS the env describes, finding backends by name through {@code providers}. */
  static Vfs build(Map<String, ?> env, Function<String, BackendProvider> providers)
      throws IOException {
    String backendName = "memory";
    Map<String, ?> backendConfig = Map.of();
    // Null: the backend's default, as Vfs.Builder.mount(path, backend) chooses it.
    CoherencePolicy policy = null;
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
        case VfsFileSystemProvider.ENV_COHERENCE_POLICY -> policy = policy(e.getKey(), v);
        case VfsFileSystemProvider.ENV_COMPLETION_EXECUTOR -> {
          if (!(v instanceof Executor ex)) {
            throw new IllegalArgumentException(e.getKey() + " must be an Executor: " + v);
          }
          builder.completionExecutor(ex);
        }
        default -> throw new IllegalArgumentException("unknown jvfs env key: " + e.getKey());
      }
    }
    Backend backend = providers.apply(backendName).create(backendConfig);
    try {
      if (policy == null) {
        builder.mount("/", backend);
      } else {
        if (policy.kind() == CoherencePolicy.Kind.WATCH
            && !backend.capabilities().contains(Capability.WATCH)) {
          throw new IllegalArgumentException(
              VfsFileSystemProvider.ENV_COHERENCE_POLICY
                  + " "
                  + policy
                  + " needs a backend that can watch; backend '"
                  + backendName
                  + "' cannot");
        }
        builder.mount("/", backend, policy);
      }
      return builder.build();
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

  /**
   * Parses a coherence policy: a {@link CoherencePolicy}, or a string (keywords in any case,
   * surrounding blanks ignored) of the forms in {@link #POLICY_FORMS}.
   *
   * @throws IllegalArgumentException naming the key, the value and the accepted forms
   */
  static CoherencePolicy policy(String key, Object v) {
    if (v instanceof CoherencePolicy p) {
      return p;
    }
    if (v instanceof String s) {
      String t = s.trim();
      String lower = t.toLowerCase(Locale.ROOT);
      try {
        if (lower.equals("private")) {
          return CoherencePolicy.PRIVATE;
        }
        if (lower.equals("watch")) {
          return CoherencePolicy.watch();
        }
        if (lower.startsWith("watch:")) {
          return CoherencePolicy.watch(Duration.parse(t.substring("watch:".length()).trim()));
        }
        if (lower.startsWith("ttl:")) {
          return CoherencePolicy.ttl(Duration.parse(t.substring("ttl:".length()).trim()));
        }
      } catch (DateTimeParseException | IllegalArgumentException ex) {
        throw new IllegalArgumentException(badPolicy(key, v) + " (" + ex.getMessage() + ")", ex);
      }
    }
    throw new IllegalArgumentException(badPolicy(key, v));
  }

  private static String badPolicy(String key, Object v) {
    String shown = v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
    return key + ": bad value " + shown + "; accepted: " + POLICY_FORMS;
  }
}
