package org.jvfs.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.jvfs.nio.AsyncPaths;

/** The README's {@code java.nio} example: a jvfs {@code FileSystem} from a URI and an env map. */
final class NioExample {
  private NioExample() {}

  // region nio
  static void run(PrintStream out) throws IOException {
    try (FileSystem fs =
        FileSystems.newFileSystem(
            URI.create("jvfs://site"),
            Map.of("backend", "memory", "caching", true, "maximumDentries", 100_000))) {
      Path page = Files.createDirectories(fs.getPath("/srv/www")).resolve("index.html");
      Files.writeString(page, "<h1>hi</h1>");
      try (Stream<Path> all = Files.walk(fs.getPath("/srv"))) {
        all.forEach(out::println);
      }
      Path again = Path.of(page.toUri()); // jvfs://site/srv/www/index.html
      AsyncPaths.readAllBytes(again) // the async API, from a Path
          .thenAccept(bytes -> out.println(again.toUri() + ": " + bytes.length + " bytes"))
          .join();
    }
  }
  // endregion
}
