package org.jvfs.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * Where a file command looks: {@code memory} (a small sample tree in memory), {@code posix:DIR},
 * {@code aio:DIR} or {@code auto:DIR}.
 *
 * @param kind the backend asked for
 * @param dir the directory mounted at {@code /}, or null for {@code memory}
 */
record MountSpec(Kind kind, @Nullable Path dir) {

  /** The accepted forms, for messages. */
  static final String FORMS = "memory, posix:DIR, aio:DIR or auto:DIR";

  /** The backend a spec asks for. */
  enum Kind {
    /** An in-memory tree holding a small sample. */
    MEMORY,
    /** The posix backend over a directory. */
    POSIX,
    /** The io_uring backend over a directory. */
    AIO,
    /** Whichever {@link BackendChoice#auto} picks. */
    AUTO;

    String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Parses a spec.
   *
   * @throws IllegalArgumentException naming the spec and the accepted forms
   */
  static MountSpec parse(String spec) {
    if (spec.equals("memory")) {
      return new MountSpec(Kind.MEMORY, null);
    }
    int colon = spec.indexOf(':');
    if (colon > 0) {
      String prefix = spec.substring(0, colon);
      String dir = spec.substring(colon + 1);
      for (Kind k : Kind.values()) {
        if (k != Kind.MEMORY && k.cliName().equals(prefix)) {
          if (dir.isEmpty()) {
            throw new IllegalArgumentException(
                "mount spec '" + spec + "' names no directory; accepted: " + FORMS);
          }
          try {
            return new MountSpec(k, Path.of(dir));
          } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                "mount spec '" + spec + "': bad directory path: " + e.getReason());
          }
        }
      }
    }
    throw new IllegalArgumentException("unknown mount spec '" + spec + "'; accepted: " + FORMS);
  }

  @Override
  public String toString() {
    return dir == null ? kind.cliName() : kind.cliName() + ":" + dir;
  }

  /** Picocli's converter: a bad spec is a bad command line. */
  static final class Converter implements CommandLine.ITypeConverter<MountSpec> {
    @Override
    public MountSpec convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
