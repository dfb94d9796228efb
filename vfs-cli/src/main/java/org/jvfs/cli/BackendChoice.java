package org.jvfs.cli;

import java.util.Optional;
import java.util.ServiceLoader;
import org.jvfs.aio.ring.UringProbe;
import org.jvfs.spi.BackendProvider;

/**
 * Which backend {@code auto:DIR} mounts, and why: the one rule, used by {@code auto:DIR} and shown
 * by {@code jvfs doctor}.
 *
 * <p>The rule: the {@code aio} backend where one is installed (a {@link BackendProvider} named
 * {@code aio} on the class path) and io_uring is available ({@link UringProbe}); otherwise {@code
 * posix}. The aio backend falls back to the posix code by itself where io_uring is unavailable, but
 * {@code auto} then names posix, which is what runs.
 *
 * @param backend the provider name picked: {@code posix} or {@code aio}
 * @param reason why, in a sentence a user can read
 */
record BackendChoice(String backend, String reason) {
  /** The io_uring backend's provider name. */
  static final String AIO = "aio";

  /** The posix backend's provider name. */
  static final String POSIX = "posix";

  /** Returns what {@code auto} picks on this machine, in this JVM. */
  static BackendChoice auto() {
    if (provider(AIO).isEmpty()) {
      return new BackendChoice(POSIX, "the aio backend is not installed, so posix");
    }
    UringProbe probe = UringProbe.get();
    if (!probe.isAvailable()) {
      return new BackendChoice(POSIX, "io_uring is " + probe.verdict() + ", so posix");
    }
    return new BackendChoice(AIO, "io_uring is available and the aio backend is installed");
  }

  /** Returns the installed backend provider of this name, if any. */
  static Optional<BackendProvider> provider(String name) {
    for (BackendProvider p :
        ServiceLoader.load(BackendProvider.class, BackendChoice.class.getClassLoader())) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
