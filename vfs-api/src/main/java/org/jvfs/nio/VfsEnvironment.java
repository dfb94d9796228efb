package org.jvfs.nio;

import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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

  /** The keys an env may hold, for messages. */
  static final List<String> KEYS =
      List.of(
          VfsFileSystemProvider.ENV_BACKEND,
          VfsFileSystemProvider.ENV_BACKEND_CONFIG,
          VfsFileSystemProvider.ENV_CACHING,
          VfsFileSystemProvider.ENV_MAXIMUM_DENTRIES,
          VfsFileSystemProvider.ENV_MAXIMUM_NEGATIVE_DENTRIES,
          VfsFileSystemProvider.ENV_MAX_IN_FLIGHT,
          VfsFileSystemProvider.ENV_COHERENCE_POLICY,
          VfsFileSystemProvider.ENV_COMPLETION_EXECUTOR);

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
            builder.maximumDentries(number(e.getKey(), v, 1, Long.MAX_VALUE));
        case VfsFileSystemProvider.ENV_MAXIMUM_NEGATIVE_DENTRIES ->
            builder.maximumNegativeDentries(number(e.getKey(), v, 0, Long.MAX_VALUE));
        case VfsFileSystemProvider.ENV_MAX_IN_FLIGHT ->
            builder.maxInFlight((int) number(e.getKey(), v, 1, Integer.MAX_VALUE));
        case VfsFileSystemProvider.ENV_COHERENCE_POLICY -> policy = policy(e.getKey(), v);
        case VfsFileSystemProvider.ENV_COMPLETION_EXECUTOR -> {
          if (!(v instanceof Executor ex)) {
            throw bad(e.getKey(), v, "a java.util.concurrent.Executor");
          }
          builder.completionExecutor(ex);
        }
        default ->
            throw new IllegalArgumentException(
                "unknown jvfs env key: \"" + e.getKey() + "\"; known: " + String.join(", ", KEYS));
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
    List<String> installed = new ArrayList<>();
    for (BackendProvider p :
        ServiceLoader.load(BackendProvider.class, VfsEnvironment.class.getClassLoader())) {
      installed.add("\"" + p.name() + "\"");
    }
    throw new IllegalArgumentException(
        VfsFileSystemProvider.ENV_BACKEND
            + ": no jvfs backend named \""
            + name
            + "\" is installed; installed: "
            + String.join(", ", installed));
  }

  private static String string(String key, Object v) {
    if (!(v instanceof String s)) {
      throw bad(key, v, "a backend name String, such as \"memory\" or \"posix\"");
    }
    return s;
  }

  private static Map<String, ?> map(String key, Object v) {
    if (!(v instanceof Map<?, ?> m)) {
      throw bad(key, v, "a Map<String, ?> of the backend's settings");
    }
    for (Object k : m.keySet()) {
      if (!(k instanceof String)) {
        throw bad(key, v, "a Map<String, ?> of the backend's settings (a key is not a String)");
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
    throw bad(key, v, "a Boolean, or \"true\" or \"false\"");
  }

  /**
   * Reads a whole number in {@code [min, max]} from a Long, Integer, Short, Byte or decimal String.
   *
   * @throws IllegalArgumentException naming the key, the value and the accepted range
   */
  static long number(String key, Object v, long min, long max) {
    String form =
        "a whole number (Long, Integer or decimal String) from "
            + min
            + " to "
            + max
            + (max == Integer.MAX_VALUE ? " (Integer.MAX_VALUE)" : "")
            + (max == Long.MAX_VALUE ? " (Long.MAX_VALUE)" : "");
    long n;
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      n = ((Number) v).longValue();
    } else if (v instanceof String s) {
      try {
        n = Long.parseLong(s.trim());
      } catch (NumberFormatException ex) {
        throw bad(key, v, form);
      }
    } else {
      throw bad(key, v, form);
    }
    if (n < min || n > max) {
      throw bad(key, v, form);
    }
    return n;
  }

  /** Returns the error for a bad value: "KEY: bad value V; accepted: FORM". */
  private static IllegalArgumentException bad(String key, Object v, String form) {
    return new IllegalArgumentException(key + ": bad value " + shown(v) + "; accepted: " + form);
  }

  private static String shown(Object v) {
    return v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
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
    return key + ": bad value " + shown(v) + "; accepted: " + POLICY_FORMS;
  }
}
