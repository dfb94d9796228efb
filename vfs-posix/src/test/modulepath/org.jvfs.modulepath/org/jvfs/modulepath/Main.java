package org.jvfs.modulepath;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jvfs.Vfs;
import org.jvfs.memory.MemoryBackend;
import org.jvfs.posix.PosixBackend;
import org.jvfs.posix.PosixOptions;

/**
 * Mounts memory at {@code /} and posix at {@code /data} over the directory {@code args[0]}, reads
 * its file {@code hello.txt} through both the async API and {@code java.nio} (which finds the
 * {@code jvfs} provider and the {@code posix} backend through the modules' {@code provides}), and
 * prints what it read and which module each class came from.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    try (Vfs vfs =
        Vfs.builder()
            .mount("/", MemoryBackend.create())
            .mount("/data", PosixBackend.open(PosixOptions.builder(dir).build()))
            .build()) {
      vfs.write("/note.txt", "from memory".getBytes(UTF_8)).join();
      System.out.println("memory: " + new String(vfs.readAllBytes("/note.txt").join(), UTF_8));
      System.out.println("posix: " + new String(vfs.readAllBytes("/data/hello.txt").join(), UTF_8));
    }
    Map<String, ?> env = Map.of("backend", "posix", "backendConfig", Map.of("root", dir.toString()));
    try (FileSystem fs = FileSystems.newFileSystem(URI.create("jvfs://modulepath"), env)) {
      System.out.println("nio: " + Files.readString(fs.getPath("/hello.txt")));
    }
    System.out.println("modules: " + Main.class.getModule().getName() + ", "
        + Vfs.class.getModule().getName() + ", " + PosixBackend.class.getModule().getName());
  }
}
