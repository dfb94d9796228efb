package org.jvfs.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvfs.LookupResult;
import org.jvfs.Vfs;

/**
 * More directories than watches: the directory watched longest is given up and what the VFS cached
 * below it is dropped (nothing stays cached where no event would come), while the rest of the
 * mount's cache stays.
 */
@ExtendWith(FdLeakCheck.class)
@DisplayName("Beyond maxWatches, the oldest watched directory is given up, not the whole cache")
class WatchCapTest {
  private final Path root = TempRoot.create("posix-watchcap");
  private Vfs vfs;

  @AfterEach
  void tearDown() {
    if (vfs != null) {
      vfs.close();
    }
    TempRoot.delete(root);
  }

  private void sh(String script) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", script).directory(root.toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  @Test
  void aGivenUpDirectory_isLookedUpAfresh_andTheRestStaysCached() throws Exception {
    for (String d : new String[] {"a", "b", "c", "d"}) {
      Files.createDirectory(root.resolve(d));
      Files.writeString(root.resolve(d + "/f"), d);
    }
    // The root and two more directories can be watched.
    vfs =
        Vfs.builder()
            .mount("/", PosixBackend.open(PosixOptions.builder(root).maxWatches(3).build()))
            .build();
    assertThat(vfs.lookup("/a/new").join().status()).isEqualTo(LookupResult.Status.ABSENT);
    assertThat(vfs.lookupNow("/a/new").status())
        .as("cached absent")
        .isEqualTo(LookupResult.Status.ABSENT);
    for (String d : new String[] {"b", "c", "d"}) {
      assertThat(vfs.lookup("/" + d + "/f").join().status()).isEqualTo(LookupResult.Status.HIT);
    }
    // a (then b) were given up for c and d: a's cached answers are gone, d's stay.
    assertThat(vfs.lookupNow("/a/new").status()).isEqualTo(LookupResult.Status.MISS);
    assertThat(vfs.lookupNow("/d/f").status()).isEqualTo(LookupResult.Status.HIT);
    sh("printf x > a/new"); // no watch on a now: no event
    assertThat(vfs.lookup("/a/new").join().status())
        .as("looked up afresh, not a stale absent")
        .isEqualTo(LookupResult.Status.HIT);
    assertThat(
            new String(vfs.readAllBytes("/a/new").join(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("x");
  }
}
