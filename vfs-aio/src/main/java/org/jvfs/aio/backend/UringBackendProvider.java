package org.jvfs.aio.backend;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jvfs.posix.PosixBackendProvider;
import org.jvfs.posix.PosixOptions;
import org.jvfs.spi.Backend;
import org.jvfs.spi.BackendProvider;

/**
 * Makes {@link UringBackend}s for {@link java.util.ServiceLoader}, under the name {@code aio}: a
 * java.nio mount with {@code backend=aio}.
 *
 * <p>Configuration keys: those of the posix backend ({@code root}, required; {@code ioThreads},
 * {@code queueCapacity}, {@code resolveBeneath}, {@code maxOpenFiles}, {@code probe}, {@code
 * watch}, {@code maxWatches}: see {@link PosixBackendProvider}), for the shared root and the calls
 * that go to the posix code, and {@code ring}: {@code false} sends every call of this backend to
 * the posix code (default {@code true}; where io_uring is unavailable the backend falls back by
 * itself, see {@link UringBackend#unavailabilityCause()}).
 *
 * <p>Thread-safe and stateless.
 */
public final class UringBackendProvider implements BackendProvider {
  private static final Set<String> EXTRA = Set.of("ring");

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public UringBackendProvider() {}

  /** Returns {@code aio}. */
  @Override
  public String name() {
    return "aio";
  }

  /**
   * Makes a backend confined to the {@code root} directory.
   *
   * @throws IllegalArgumentException for a missing root, an unknown key or a bad value
   * @throws IOException if the root cannot be opened
   */
  @Override
  public Backend create(Map<String, ?> config) throws IOException {
    PosixOptions posix = PosixBackendProvider.options(config, "aio", EXTRA);
    Object ring = config.get("ring");
    boolean on = ring == null || PosixBackendProvider.bool("ring", ring);
    return UringBackend.open(new AioOptions(posix, on));
  }
}
