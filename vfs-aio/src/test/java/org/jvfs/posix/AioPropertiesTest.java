package org.jvfs.posix;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The model property ({@link PosixModelProperties}) and the JDK differential property ({@link
 * PosixJdkDifferentialProperties}) on the aio backend, ring on and fallback forced, the dentry
 * cache on and off.
 */
class AioPropertiesTest {
  @ParameterizedTest(name = "ring={0}, caching={1}")
  @CsvSource({"true, true", "true, false", "false, true", "false, false"})
  void agreesWithModel(boolean ring, boolean caching) {
    PosixModelProperties.chains(caching, "openat2", AioBackends.factory(ring))
        .named("AioPropertiesTest#agreesWithModel")
        .check();
  }

  @ParameterizedTest(name = "ring={0}, caching={1}")
  @CsvSource({"true, true", "true, false", "false, true", "false, false"})
  void agreesWithJdk(boolean ring, boolean caching) {
    PosixJdkDifferentialProperties.chains(caching, "openat2", AioBackends.factory(ring))
        .named("AioPropertiesTest#agreesWithJdk")
        .check();
  }
}
