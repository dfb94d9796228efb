package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvfs.posix.ffi.Linux;
import org.jvfs.posix.ffi.PosixNative;
import org.jvfs.spi.Backend;
import org.jvfs.spi.Backend.Opened;
import org.jvfs.spi.BackendException;
import org.jvfs.spi.Name;
import org.jvfs.spi.Node;
import org.jvfs.spi.NodeInfo;
import org.jvfs.spi.OpenFlags;

/**
 * An attacker thread swaps a directory inside the root with a symbolic link to the outside ({@code
 * renameat2(RENAME_EXCHANGE)}) while the backend opens a file in that directory 100,000 times; not
 * one open may reach the outside file. The number of escapes is printed.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("A rename race cannot lead an open out of the root")
class RenameRaceTest {
  static final int OPENS = 100_000;

  Path base;
  Path root;
  Path outside;

  @BeforeEach
  void setUp() throws Exception {
    base = TempRoot.create("posix-race");
    root = Files.createDirectory(base.resolve("root"));
    outside = Files.createDirectory(base.resolve("outside"));
    Files.writeString(outside.resolve("f"), "outside");
    Files.createDirectory(root.resolve("d"));
    Files.writeString(root.resolve("d/f"), "inside");
    Files.createSymbolicLink(root.resolve("s"), outside);
  }

  @AfterEach
  void tearDown() {
    TempRoot.delete(base);
  }

  /** Opens the backend under test; the aio backend's kits override it. */
  Backend open(PosixOptions options) throws IOException {
    return PosixBackend.open(options);
  }

  /** Returns the descriptors {@code backend} holds besides its root. */
  int heldDescriptors(Backend backend) {
    return ((PosixBackend) backend).heldDescriptors();
  }

  @ParameterizedTest(name = "resolveBeneath={0}")
  @ValueSource(strings = {"openat2", "walk"})
  void renameExchange_duringOpens_neverEscapes(String mode) throws Exception {
    Object outsideKey =
        Files.readAttributes(outside.resolve("f"), BasicFileAttributes.class).fileKey();
    long outsideIno = Long.parseLong(outsideKey.toString().replaceAll(".*ino=(\\d+).*", "$1"));
    try (Backend backend =
        open(
            PosixOptions.builder(root)
                .resolveBeneath(mode)
                .probe(false)
                .watch(false)
                .ioThreads(2)
                .build())) {
      NodeInfo d = backend.lookup(backend.root(), Name.of("d")).toCompletableFuture().join();
      assertThat(d).isNotNull();
      Node dir = d.node();
      Name f = Name.of("f");
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong swaps = new AtomicLong();
      byte[] dPath = root.resolve("d").toString().getBytes(StandardCharsets.UTF_8);
      byte[] sPath = root.resolve("s").toString().getBytes(StandardCharsets.UTF_8);
      Thread attacker =
          new Thread(
              () -> {
                PosixNative nat = PosixNative.get();
                while (!stop.get()) {
                  if (nat.renameat2(
                          Linux.AT_FDCWD, dPath, Linux.AT_FDCWD, sPath, Linux.RENAME_EXCHANGE)
                      == 0) {
                    swaps.incrementAndGet();
                  }
                }
              },
              "rename-attacker");
      attacker.start();
      long escapes = 0;
      long opened = 0;
      long refused = 0;
      try {
        for (int i = 0; i < OPENS; i++) {
          try {
            Opened o = backend.open(dir, f, OpenFlags.READ, null).toCompletableFuture().join();
            opened++;
            if (((PosixNode) o.info().node()).ino == outsideIno) {
              escapes++;
            }
            o.file().close().toCompletableFuture().join();
          } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(BackendException.class);
            refused++;
          }
        }
      } finally {
        stop.set(true);
        attacker.join();
      }
      System.out.printf(
          "rename race (%s): %d opens, %d succeeded inside, %d refused, %d swaps, %d escapes%n",
          mode, OPENS, opened, refused, swaps.get(), escapes);
      assertThat(swaps.get()).as("the attacker must have raced").isPositive();
      assertThat(escapes).as("opens that reached the outside file").isZero();
      assertThat(heldDescriptors(backend)).isZero();
    }
  }
}
