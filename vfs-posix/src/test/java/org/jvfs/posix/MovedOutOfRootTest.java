package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;

/**
 * {@link MovedOutOfRootKit} on the posix backend with openat2 (and, in {@link
 * WalkMovedOutOfRootTest}, with the forced walk), watching on; plus the structural half of the
 * rule: the backend keeps no descriptor of a file or directory between calls, so there is nothing a
 * move could take out of the root.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("Nothing moved out of the root is reached through a posix backend (openat2)")
class MovedOutOfRootTest extends MovedOutOfRootKit {
  String resolve() {
    return "openat2";
  }

  @Override
  protected Backend open(Path root) throws IOException {
    return PosixBackend.open(
        PosixOptions.builder(root).resolveBeneath(resolve()).ioThreads(2).build());
  }

  @Test
  void readsLookupsAndListings_keepNoDescriptor() throws Exception {
    for (int i = 0; i < 20; i++) {
      Files.writeString(root.resolve("d/f" + i), "x" + i);
    }
    try (PosixBackend b = (PosixBackend) open(root)) {
      Node d = get(b.lookup(b.root(), Name.of("d"))).node();
      get(b.readFile(d, Name.of("f0"), Long.MAX_VALUE)); // warm up: JNR, the IO threads
      int before = FdLeakCheck.openDescriptors();
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 20; i++) {
          get(b.readFile(d, Name.of("f" + i), Long.MAX_VALUE));
          get(b.lookup(d, Name.of("f" + i)));
          get(b.attributes(get(b.lookup(d, Name.of("f" + i))).node()));
        }
        get(b.readDirectory(d));
      }
      assertThat(b.heldDescriptors()).isZero();
      FdLeakCheck.awaitClosed(b); // what the caller's thread gave up, the closer closes
      assertThat(FdLeakCheck.openDescriptors()).isLessThanOrEqualTo(before);
    }
  }
}
